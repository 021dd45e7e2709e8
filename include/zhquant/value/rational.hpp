// An exact fraction of two decimals, for values such as 三分之一 (1/3) that do not terminate.
//
//     auto third = zhquant::rational::make(zhquant::decimal::from_int(1), zhquant::decimal::from_int(3));
//     third->to_string();                                          // "1/3"
//     checked_add(*third, *third)->to_string();                    // "2/3"
//
// A rational is kept in one canonical form, so numerator() and denominator() depend only on the
// value: a value that terminates within the decimal limits is that decimal over 1 (2333/500 is
// 4.666 / 1); any other is integers in lowest terms (1.5/4.5 is 1 / 3) when both fit the decimal
// limits, and otherwise those integers scaled by a common power of ten, or failing that a fixed
// choice among the fractions that fit (10^38/3 is 10^37 / 0.3). The denominator is positive.
//
// Arithmetic returns std::nullopt when the exact result has no representation as a fraction of two
// decimals, and also, in rare cases, when a 128-bit step on the way to a representable sum
// overflows; it never returns an inexact value. Comparison is always exact.
#pragma once

#include <zhquant/detail/int128.hpp>
#include <zhquant/value/decimal.hpp>

#include <algorithm>
#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace zhquant {

namespace detail {

// A rational as ±m/r * 2^twos * 5^fives with m and r coprime and free of the factors 2 and 5.
// Every value has exactly one such form, which makes it the place to reduce, to do arithmetic,
// and to choose a representation. Zero is m == 0 with everything else at its default.
struct factored_rational {
    bool negative = false;
    uint128 m = 0;
    uint128 r = 1;
    int twos = 0;
    int fives = 0;
};

constexpr factored_rational factor(decimal const& value) noexcept {
    if (value.is_zero()) return {};
    factored_rational f{value.negative(), value.coefficient(), 1, value.exponent(), value.exponent()};
    f.twos += remove_factor(f.m, 2);
    f.fives += remove_factor(f.m, 5);
    return f;
}

// a * b; nullopt when m or r of the product exceeds 128 bits. Any fraction of decimals equal to
// the product would need a numerator that is a multiple of m and a denominator a multiple of r,
// so that is never a representable value lost.
constexpr std::optional<factored_rational> multiply(factored_rational const& a,
                                                    factored_rational const& b) noexcept {
    if (a.m == 0 || b.m == 0) return factored_rational{};
    uint128 const g1 = gcd(a.m, b.r);
    uint128 const g2 = gcd(b.m, a.r);
    factored_rational product{a.negative != b.negative, 0, 0, a.twos + b.twos, a.fives + b.fives};
    if (__builtin_mul_overflow(a.m / g1, b.m / g2, &product.m)) return std::nullopt;
    if (__builtin_mul_overflow(a.r / g2, b.r / g1, &product.r)) return std::nullopt;
    return product;
}

// 1 / value for a nonzero value.
constexpr factored_rational reciprocal(factored_rational const& value) noexcept {
    return {value.negative, value.r, value.m, -value.twos, -value.fives};
}

// numerator / denominator for a nonzero denominator. Each side has r == 1, so the cross
// reduction only shrinks numbers and cannot overflow.
constexpr factored_rational factor(decimal const& numerator, decimal const& denominator) noexcept {
    return *multiply(factor(numerator), reciprocal(factor(denominator)));
}

constexpr std::optional<factored_rational> add(factored_rational const& a,
                                               factored_rational const& b) noexcept {
    if (a.m == 0) return b;
    if (b.m == 0) return a;
    // a + b = (A * (b.r/g) + B * (a.r/g)) / lcm(a.r, b.r) * 2^twos * 5^fives
    int const twos = std::min(a.twos, b.twos);
    int const fives = std::min(a.fives, b.fives);
    uint128 const g = gcd(a.r, b.r);
    uint128 left = a.m;
    uint128 right = b.m;
    uint128 denominator = 0;
    if (!multiply_power(left, 2, a.twos - twos) || !multiply_power(left, 5, a.fives - fives) ||
        !multiply_power(right, 2, b.twos - twos) || !multiply_power(right, 5, b.fives - fives) ||
        __builtin_mul_overflow(left, b.r / g, &left) || __builtin_mul_overflow(right, a.r / g, &right) ||
        __builtin_mul_overflow(a.r, b.r / g, &denominator))
        return std::nullopt;

    factored_rational sum{a.negative, 0, 0, twos, fives};
    if (a.negative == b.negative) {
        if (__builtin_add_overflow(left, right, &sum.m)) return std::nullopt;
    } else if (left >= right) {
        sum.m = left - right;
    } else {
        sum.m = right - left;
        sum.negative = b.negative;
    }
    if (sum.m == 0) return factored_rational{};
    sum.twos += remove_factor(sum.m, 2);
    sum.fives += remove_factor(sum.m, 5);
    uint128 const common = gcd(sum.m, denominator);
    sum.m /= common;
    sum.r = denominator / common;
    return sum;
}

// m * 2^twos * 5^fives * 10^exponent as a normalized (coefficient, exponent), twos and fives >= 0;
// nullopt when the coefficient exceeds 128 bits.
constexpr std::optional<std::pair<uint128, int>> coefficient_of(uint128 m, int twos, int fives) noexcept {
    int const tens = std::min(twos, fives);
    if (!multiply_power(m, 2, twos - tens) || !multiply_power(m, 5, fives - tens)) return std::nullopt;
    return std::pair{m, tens};
}

// The canonical numerator and denominator of a value, or nullopt when no fraction of two decimals
// within the limits equals it.
constexpr std::optional<std::pair<decimal, decimal>> represent(factored_rational const& f) noexcept {
    decimal const one = decimal::from_int(1);
    if (f.m == 0) return std::pair{decimal{}, one};
    if (f.r == 1) {
        int const tens = std::min(f.twos, f.fives);
        uint128 coefficient = f.m;
        if (multiply_power(coefficient, 2, f.twos - tens) && multiply_power(coefficient, 5, f.fives - tens))
            if (auto value = decimal::make(f.negative, coefficient, tens)) return std::pair{*value, one};
    }
    // Any representation is n/d = (N/D) * 10^shift where N/D takes the 2s and 5s not carried by
    // 10^shift, and shift = (exponent of n) - (exponent of d) lies within +-75. Try shift = 0
    // (integers in lowest terms) first, then ever larger ones, and scale n and d together by the
    // power of ten nearest 1 that fits both.
    constexpr int max_shift = decimal::max_digits - 1 - decimal::min_exponent;
    for (int distance = 0; distance <= max_shift; ++distance) {
        for (int shift : {distance, -distance}) {
            if (distance == 0 && shift < 0) continue;
            auto const n = coefficient_of(f.m, std::max(f.twos - shift, 0), std::max(f.fives - shift, 0));
            auto const d = coefficient_of(f.r, std::max(shift - f.twos, 0), std::max(shift - f.fives, 0));
            if (!n || !d) continue;
            // The numerator's exponent becomes n->second + shift + scale, the denominator's
            // d->second + scale; both must satisfy the decimal limits.
            auto const [n_coefficient, n_exponent] = *n;
            auto const [d_coefficient, d_exponent] = *d;
            if (n_coefficient >= pow10(decimal::max_digits) || d_coefficient >= pow10(decimal::max_digits))
                continue;
            int const low = std::max(decimal::min_exponent - n_exponent - shift, decimal::min_exponent - d_exponent);
            int const high = std::min(decimal::max_digits - digit_count(n_coefficient) - n_exponent - shift,
                                      decimal::max_digits - digit_count(d_coefficient) - d_exponent);
            if (low > high) continue;
            int const scale = std::clamp(0, low, high);
            auto const numerator = decimal::make(f.negative, n_coefficient, n_exponent + shift + scale);
            auto const denominator = decimal::make(false, d_coefficient, d_exponent + scale);
            if (numerator && denominator) return std::pair{*numerator, *denominator};
        }
    }
    return std::nullopt;
}

// The digits of m * 2^twos * 5^fives for twos, fives >= 0, however long.
inline std::string integer_text(uint128 m, int twos, int fives) {
    char buffer[max_power_of_ten + 1] = {};
    std::string digits(buffer, static_cast<std::size_t>(write_digits(m, buffer)));
    int const tens = std::min(twos, fives);
    auto multiply_text = [&digits](int factor) {
        int carry = 0;
        for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
            int const product = (*it - '0') * factor + carry;
            *it = static_cast<char>('0' + product % 10);
            carry = product / 10;
        }
        if (carry != 0) digits.insert(digits.begin(), static_cast<char>('0' + carry));
    };
    for (int i = tens; i < twos; ++i) multiply_text(2);
    for (int i = tens; i < fives; ++i) multiply_text(5);
    digits.append(static_cast<std::size_t>(tens), '0');
    return digits;
}

}  // namespace detail

class rational {
public:
    constexpr rational() noexcept = default;
    constexpr rational(decimal value) noexcept : numerator_(value) {}

    // numerator / denominator in canonical form; nullopt when the denominator is zero.
    static constexpr std::optional<rational> make(decimal numerator, decimal denominator) noexcept {
        if (denominator.is_zero()) return std::nullopt;
        // The inputs themselves are a representation, so one always exists.
        return from_factored(detail::factor(numerator, denominator));
    }

    constexpr decimal const& numerator() const noexcept { return numerator_; }
    constexpr decimal const& denominator() const noexcept { return denominator_; }

    constexpr bool negative() const noexcept { return numerator_.negative(); }
    constexpr bool is_zero() const noexcept { return numerator_.is_zero(); }

    // Whether the value terminates within the decimal limits; the canonical form puts exactly
    // those values over 1.
    constexpr bool is_decimal() const noexcept { return denominator_ == decimal::from_int(1); }

    constexpr std::optional<decimal> to_decimal() const noexcept {
        if (!is_decimal()) return std::nullopt;
        return numerator_;
    }

    // The decimal text when the value terminates within the decimal limits, else "n/d" in lowest
    // terms with integers n and d, which may be longer than 38 digits, and just "n" when d is 1:
    // "1/3", "-1/3", "0.083", "4.666", "1/1000000000000000000000000000000000000000" (10^-39).
    std::string to_string() const {
        if (is_decimal()) return numerator_.to_string();
        auto const f = detail::factor(numerator_, denominator_);
        std::string text = f.negative ? "-" : "";
        text += detail::integer_text(f.m, std::max(f.twos, 0), std::max(f.fives, 0));
        std::string denominator = detail::integer_text(f.r, std::max(-f.twos, 0), std::max(-f.fives, 0));
        if (denominator != "1") text += '/' + denominator;
        return text;
    }

    friend constexpr std::optional<rational> checked_add(rational const& a, rational const& b) noexcept {
        auto const sum = detail::add(a.factored(), b.factored());
        if (!sum) return std::nullopt;
        return from_factored(*sum);
    }

    friend constexpr std::optional<rational> checked_mul(rational const& a, rational const& b) noexcept {
        // Most unit factors are 1 (元 to CNY, 人 to persons): no arithmetic then.
        constexpr rational one(decimal::from_int(1));
        if (b == one) return a;
        if (a == one) return b;
        // Two terminating decimals (5 * 10^4 for 五万): their product, when it fits the decimal
        // limits, is one too, and so already in canonical form.
        if (a.is_decimal() && b.is_decimal())
            if (auto const product = checked_mul(a.numerator_, b.numerator_)) return rational(*product);
        auto const product = detail::multiply(a.factored(), b.factored());
        if (!product) return std::nullopt;
        return from_factored(*product);
    }

    // The canonical form makes equal values equal member by member (1/2 == 0.5).
    friend constexpr bool operator==(rational const& a, rational const& b) noexcept {
        return a.numerator_ == b.numerator_ && a.denominator_ == b.denominator_;
    }

    // Cross-multiplies in 256 bits, where two products of 38-digit coefficients always fit.
    friend constexpr std::strong_ordering operator<=>(rational const& a, rational const& b) noexcept {
        if (a.negative() != b.negative())  // zero is never negative, so the signs decide
            return a.negative() ? std::strong_ordering::less : std::strong_ordering::greater;
        // Denominators are positive: |a| <=> |b| is |a.n| * b.d <=> |b.n| * a.d.
        auto const magnitude = detail::compare_scaled(
            detail::multiply(a.numerator_.coefficient(), b.denominator_.coefficient()),
            a.numerator_.exponent() + b.denominator_.exponent(),
            detail::multiply(b.numerator_.coefficient(), a.denominator_.coefficient()),
            b.numerator_.exponent() + a.denominator_.exponent());
        return a.negative() ? 0 <=> magnitude : magnitude;
    }

private:
    constexpr rational(decimal numerator, decimal denominator) noexcept
        : numerator_(numerator), denominator_(denominator) {}

    constexpr detail::factored_rational factored() const noexcept {
        return detail::factor(numerator_, denominator_);
    }

    static constexpr std::optional<rational> from_factored(detail::factored_rational const& f) noexcept {
        auto const parts = detail::represent(f);
        if (!parts) return std::nullopt;
        return rational(parts->first, parts->second);
    }

    decimal numerator_{};
    decimal denominator_ = decimal::from_int(1);
};

}  // namespace zhquant
