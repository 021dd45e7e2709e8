// Integer helpers for the exact value types: powers of ten and decimal digits of 128-bit
// integers, gcd, and a 256-bit product wide enough to compare two fractions of 38-digit numbers
// without rounding.
//
//     zhquant::detail::digit_count(zhquant::detail::pow10(20));  // 21
//     zhquant::detail::compare_scaled(multiply(a, b), -3, multiply(c, d), 0);  // a*b/1000 <=> c*d
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>

namespace zhquant::detail {

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit type in every user's build.
__extension__ typedef unsigned __int128 uint128;

// The largest value that fits 64 bits: below it, division by 10 is a multiplication, where a
// 128-bit one is a library call (write_digits, decimal's products and trailing zeros).
inline constexpr uint128 max_uint64 = ~std::uint64_t{0};

inline constexpr int max_power_of_ten = 38;  // 10^38 < 2^128 < 10^39

inline constexpr std::array<uint128, max_power_of_ten + 1> powers_of_ten = [] {
    std::array<uint128, max_power_of_ten + 1> powers{};
    uint128 power = 1;
    for (auto& p : powers) {
        p = power;
        power *= 10;
    }
    return powers;
}();

// 10^exponent for 0 <= exponent <= 38.
constexpr uint128 pow10(int exponent) noexcept {
    return powers_of_ten[static_cast<std::size_t>(exponent)];
}

// Decimal digits of `value`; 0 has one digit. At most 39.
constexpr int digit_count(uint128 value) noexcept {
    int digits = 1;
    while (digits <= max_power_of_ten && value >= pow10(digits)) ++digits;
    return digits;
}

// Divides every factor `prime` out of a nonzero `value`, returning how many there were.
constexpr int remove_factor(uint128& value, unsigned prime) noexcept {
    int count = 0;
    while (value != 0 && value % prime == 0) {
        value /= prime;
        ++count;
    }
    return count;
}

constexpr uint128 gcd(uint128 a, uint128 b) noexcept {
    while (b != 0) {
        uint128 rest = a % b;
        a = b;
        b = rest;
    }
    return a;
}

// value * base^exponent, or false when that does not fit 128 bits.
constexpr bool multiply_power(uint128& value, unsigned base, int exponent) noexcept {
    for (int i = 0; i < exponent && value != 0; ++i)
        if (__builtin_mul_overflow(value, uint128{base}, &value)) return false;
    return true;
}

// "00" to "99", the two digits of n at 2n: numbers are written two digits a division.
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the decimal digits of `value`, most significant first, and returns how many.
// `out` needs room for 39 characters.  The count first, then the digits from the end: two a
// division below 2^64 (a mention writes two values; most are short).
constexpr int write_digits(uint128 value, char* out) noexcept {
    auto const& pairs = digit_pairs;
    int const count = digit_count(value);
    char* p = out + count;
    // Down to 64 bits first (max_uint64): nearly every value of a report fits.
    for (; value > max_uint64; value /= 10) *--p = static_cast<char>('0' + static_cast<int>(value % 10));
    auto small = static_cast<std::uint64_t>(value);
    for (; small >= 100; small /= 100) {
        auto const pair = static_cast<std::size_t>(small % 100) * 2;
        *--p = pairs[pair + 1];
        *--p = pairs[pair];
    }
    if (small >= 10) {
        *--p = pairs[small * 2 + 1];
        *--p = pairs[small * 2];
    } else {
        *--p = static_cast<char>('0' + small);
    }
    return count;
}

// An unsigned 256-bit integer with just what exact comparison needs: products of two 128-bit
// numbers, multiplication by small factors, and ordering.
struct uint256 {
    std::uint64_t limbs[4] = {};  // least significant first

    constexpr uint256() noexcept = default;
    constexpr explicit uint256(uint128 value) noexcept
        : limbs{static_cast<std::uint64_t>(value), static_cast<std::uint64_t>(value >> 64), 0, 0} {}

    constexpr bool is_zero() const noexcept {
        return (limbs[0] | limbs[1] | limbs[2] | limbs[3]) == 0;
    }

    friend constexpr bool operator==(uint256 const&, uint256 const&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(uint256 const& a, uint256 const& b) noexcept {
        for (int i = 3; i >= 0; --i)
            if (a.limbs[i] != b.limbs[i]) return a.limbs[i] <=> b.limbs[i];
        return std::strong_ordering::equal;
    }
};

// The full product a * b; it always fits 256 bits.
constexpr uint256 multiply(uint128 a, uint128 b) noexcept {
    std::uint64_t const a_limbs[2] = {static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(a >> 64)};
    std::uint64_t const b_limbs[2] = {static_cast<std::uint64_t>(b), static_cast<std::uint64_t>(b >> 64)};
    uint256 product;
    for (int i = 0; i < 2; ++i) {
        uint128 carry = 0;
        for (int j = 0; j < 2; ++j) {
            // (2^64-1)^2 + 2 * (2^64-1) == 2^128 - 1: the sum cannot overflow.
            uint128 t = uint128{a_limbs[i]} * b_limbs[j] + product.limbs[i + j] + carry;
            product.limbs[i + j] = static_cast<std::uint64_t>(t);
            carry = t >> 64;
        }
        product.limbs[i + 2] = static_cast<std::uint64_t>(carry);
    }
    return product;
}

// value * factor, or false (value unspecified) when that does not fit 256 bits.
constexpr bool multiply_small(uint256& value, std::uint64_t factor) noexcept {
    uint128 carry = 0;
    for (auto& limb : value.limbs) {
        uint128 t = uint128{limb} * factor + carry;
        limb = static_cast<std::uint64_t>(t);
        carry = t >> 64;
    }
    return carry == 0;
}

// Decimal digits of `value`; 0 has one digit. At most 78.
constexpr int digit_count(uint256 const& value) noexcept {
    uint256 power(1);
    int digits = 0;
    while (power <= value) {
        ++digits;
        if (!multiply_small(power, 10)) break;  // past 10^77: value has 78 digits
    }
    return digits == 0 ? 1 : digits;
}

// x * 10^x_exponent <=> y * 10^y_exponent, exactly.
constexpr std::strong_ordering compare_scaled(uint256 x, int x_exponent, uint256 y,
                                              int y_exponent) noexcept {
    if (x.is_zero() || y.is_zero()) return !x.is_zero() <=> !y.is_zero();
    int const x_top = digit_count(x) + x_exponent;
    int const y_top = digit_count(y) + y_exponent;
    if (x_top != y_top) return x_top <=> y_top;
    // Same leading digit position: scaling the one with the larger exponent gives it the other's
    // digit count, so it stays within 256 bits.
    for (; x_exponent > y_exponent; --x_exponent) multiply_small(x, 10);
    for (; y_exponent > x_exponent; --y_exponent) multiply_small(y, 10);
    return x <=> y;
}

}  // namespace zhquant::detail
