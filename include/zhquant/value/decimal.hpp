// An exact base-10 number: a figure from a report held as written, with no binary rounding.
//
//     auto wan = zhquant::decimal::parse("36923")->scaled(4);      // 369230000 (36923万)
//     auto sum = checked_add(*zhquant::decimal::parse("0.1"), *zhquant::decimal::parse("0.2"));
//     // *sum == *zhquant::decimal::parse("0.3"), exactly
//
// The value is sign * coefficient * 10^exponent with a 128-bit coefficient, within these limits:
//   - at most 38 significant digits (`max_digits`);
//   - magnitude below 10^38, so at most 38 digits before the point;
//   - exponent at least -38 (`min_exponent`), so at most 38 digits after the point.
// An operation whose exact result falls outside returns std::nullopt: nothing wraps, rounds or
// throws. Note that adding numbers of very different size can need more than 38 digits
// (1e37 + 1e-10), which is such an overflow.
//
// The representation is normalized (no trailing zeros in the coefficient, zero is never negative),
// so equal values have equal members.
#pragma once

#include <zhquant/detail/int128.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace zhquant {

class decimal {
public:
    using coefficient_type = detail::uint128;

    static constexpr int max_digits = 38;
    static constexpr int min_exponent = -38;

    constexpr decimal() noexcept = default;

    static constexpr decimal from_int(std::int64_t value) noexcept {
        // -(value + 1) + 1 avoids negating INT64_MIN.
        // In 64 bits: a 128-bit remainder is a library call.
        std::uint64_t magnitude = value < 0 ? std::uint64_t(-(value + 1)) + 1 : std::uint64_t(value);
        int exponent = 0;
        while (magnitude != 0 && magnitude % 10 == 0) {
            magnitude /= 10;
            ++exponent;
        }
        return decimal(value < 0, magnitude, exponent);
    }

    // sign * coefficient * 10^exponent, normalized; nullopt when outside the limits.
    static constexpr std::optional<decimal> make(bool negative, coefficient_type coefficient,
                                                 int exponent) noexcept {
        return make_wide(negative, coefficient, exponent);
    }

    // "[-]digits[.digits]" or "[-].digits" in ASCII; nullopt on any other text or on overflow.
    // Leading zeros and trailing zeros after the point are not significant: "0.000500" is 0.0005.
    static constexpr std::optional<decimal> parse(std::string_view text) noexcept {
        if (text.size() <= 19) return parse_short(text);
        return parse_long(text);
    }

    constexpr bool negative() const noexcept { return negative_; }
    constexpr bool is_zero() const noexcept { return coefficient_ == 0; }
    constexpr coefficient_type coefficient() const noexcept { return coefficient_; }
    constexpr int exponent() const noexcept { return exponent_; }
    constexpr bool is_integer() const noexcept { return exponent_ >= 0; }

    constexpr decimal operator-() const noexcept {
        return decimal(!negative_ && !is_zero(), coefficient_, exponent_);
    }
    constexpr decimal abs() const noexcept { return decimal(false, coefficient_, exponent_); }

    // value * 10^power_of_ten, exactly; nullopt on overflow.
    constexpr std::optional<decimal> scaled(int power_of_ten) const noexcept {
        if (is_zero()) return *this;
        return make_wide(negative_, coefficient_, static_cast<long long>(exponent_) + power_of_ten);
    }

    friend constexpr std::optional<decimal> checked_add(decimal a, decimal b) noexcept {
        if (a.is_zero()) return b;
        if (b.is_zero()) return a;
        if (a.exponent_ < b.exponent_) std::swap(a, b);
        // Align on b's (smaller) exponent. When they differ, the sum's last digit is b's last
        // digit, which is nonzero, so the sum cannot shed digits by normalizing: a shifted
        // coefficient of 39+ digits, or one that overflows 128 bits, is a true overflow.
        int const shift = a.exponent_ - b.exponent_;
        if (shift > max_digits) return std::nullopt;
        coefficient_type shifted = 0;
        if (__builtin_mul_overflow(a.coefficient_, detail::pow10(shift), &shifted)) return std::nullopt;
        if (a.negative_ == b.negative_) {
            coefficient_type sum = 0;
            if (__builtin_add_overflow(shifted, b.coefficient_, &sum)) return std::nullopt;
            return make(a.negative_, sum, b.exponent_);
        }
        if (shifted >= b.coefficient_) return make(a.negative_, shifted - b.coefficient_, b.exponent_);
        return make(b.negative_, b.coefficient_ - shifted, b.exponent_);
    }

    friend constexpr std::optional<decimal> checked_sub(decimal a, decimal b) noexcept {
        return checked_add(a, -b);
    }

    friend constexpr std::optional<decimal> checked_mul(decimal a, decimal b) noexcept {
        if (a.is_zero() || b.is_zero()) return decimal{};
        // Two coefficients within 64 bits (nearly every value of a report): the product fits 128
        // bits as it is, and make() sheds its trailing zeros.
        if (a.coefficient_ <= detail::max_uint64 && b.coefficient_ <= detail::max_uint64)
            return make_wide(a.negative_ != b.negative_, a.coefficient_ * b.coefficient_,
                             static_cast<long long>(a.exponent_) + b.exponent_);
        // Cancel the 2s of one coefficient against the 5s of the other before multiplying: those
        // pairs are the product's trailing zeros, and without them the product is normalized,
        // so overflowing 128 bits then means a true overflow (0.5551…5625 * 0.00018014398509481984
        // is exactly 0.0001 although the raw coefficient product is 10^54).
        coefficient_type x = a.coefficient_;
        coefficient_type y = b.coefficient_;
        int zeros = 0;
        auto cancel = [&zeros](coefficient_type& twos_side, coefficient_type& fives_side) {
            while (twos_side % 2 == 0 && fives_side % 5 == 0) {
                twos_side /= 2;
                fives_side /= 5;
                ++zeros;
            }
        };
        cancel(x, y);
        cancel(y, x);
        coefficient_type product = 0;
        if (__builtin_mul_overflow(x, y, &product)) return std::nullopt;
        return make(a.negative_ != b.negative_, product, a.exponent_ + b.exponent_ + zeros);
    }

    // The longest text to_string() and write_text() give.
    static constexpr std::size_t max_text_size = 2 * max_digits;

    // Canonical text: no exponent, no trailing zeros after the point, no point for an integer,
    // "0." before a fraction below one: "25450", "8.3", "0.0005", "-1.5".
    constexpr std::string to_string() const {
        char text[max_text_size];  // C++20 constexpr: written before read
        return std::string(text, static_cast<std::size_t>(write_text(text) - text));
    }

    // The same text written at `out` (room: max_text_size); returns its end.  A mention prints
    // two values: the JSON writer puts them in its output without a string between.
    constexpr char* write_text(char* text) const {
        std::size_t n = 0;
        auto const zeros = [&](int length) {
            for (int i = 0; i < length; ++i) text[n++] = '0';
        };
        if (negative_) text[n++] = '-';
        if (exponent_ >= 0) {  // an integer, the most common value: its digits written in place
            n += static_cast<std::size_t>(detail::write_digits(coefficient_, text + n));
            zeros(exponent_);
            return text + n;
        }
        char digits[detail::max_power_of_ten + 1];
        int const count = detail::write_digits(coefficient_, digits);
        auto const put = [&](char const* from, int length) {
            for (int i = 0; i < length; ++i) text[n++] = from[i];
        };
        if (int const fraction = -exponent_; count > fraction) {
            put(digits, count - fraction);
            text[n++] = '.';
            put(digits + (count - fraction), fraction);
        } else {
            text[n++] = '0';
            text[n++] = '.';
            zeros(fraction - count);
            put(digits, count);
        }
        return text + n;
    }

    // Normalization makes equal values equal member by member.
    friend constexpr bool operator==(decimal a, decimal b) noexcept {
        return a.negative_ == b.negative_ && a.coefficient_ == b.coefficient_ &&
               a.exponent_ == b.exponent_;
    }

    friend constexpr std::strong_ordering operator<=>(decimal a, decimal b) noexcept {
        if (a.negative_ != b.negative_)  // zero is never negative, so the signs decide
            return a.negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
        auto const magnitude = detail::compare_scaled(detail::uint256(a.coefficient_), a.exponent_,
                                                      detail::uint256(b.coefficient_), b.exponent_);
        return a.negative_ ? 0 <=> magnitude : magnitude;
    }

private:
    constexpr decimal(bool negative, coefficient_type coefficient, int exponent) noexcept
        : negative_(negative), coefficient_(coefficient), exponent_(exponent) {}

    // Takes a wide exponent so callers can add exponents without overflowing int.
    // parse() of at most 19 characters, so at most 19 digits: read in 64 bits, where most numbers
    // of a report (36923, 8.3) would otherwise cost a 128-bit product a digit.
    static constexpr std::optional<decimal> parse_short(std::string_view text) noexcept {
        std::size_t i = 0;
        bool const negative = i < text.size() && text[i] == '-';
        if (negative) ++i;
        std::uint64_t coefficient = 0;
        std::size_t digits = 0;
        bool point = false;
        int fraction_digits = 0;
        for (; i < text.size(); ++i) {
            char const c = text[i];
            if (c >= '0' && c <= '9') {
                coefficient = coefficient * 10 + static_cast<unsigned>(c - '0');
                ++digits;
                fraction_digits += point;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return std::nullopt;
            }
        }
        if (digits == 0 || (point && fraction_digits == 0)) return std::nullopt;
        if (coefficient == 0) return decimal{};
        int exponent = -fraction_digits;
        for (; coefficient % 10 == 0; coefficient /= 10) ++exponent;
        return decimal(negative, coefficient, exponent);
    }

    static constexpr std::optional<decimal> parse_long(std::string_view text) noexcept {
        std::size_t i = 0;
        bool const negative = i < text.size() && text[i] == '-';
        if (negative) ++i;

        coefficient_type coefficient = 0;
        std::size_t significant = 0;  // digits in `coefficient`
        // Zeros after the last nonzero digit wait here: they join the coefficient only if a
        // nonzero digit follows, so "1.5000…0" of any length parses.
        std::size_t pending_zeros = 0;
        auto take = [&](int digit) {
            if (digit == 0) {
                if (significant != 0) ++pending_zeros;
                return true;
            }
            if (pending_zeros >= max_digits || significant + pending_zeros + 1 > max_digits)
                return false;
            coefficient = coefficient * detail::pow10(static_cast<int>(pending_zeros) + 1) +
                          static_cast<unsigned>(digit);
            significant += pending_zeros + 1;
            pending_zeros = 0;
            return true;
        };
        auto is_digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };

        std::size_t integer_digits = 0;
        for (; is_digit(i); ++i, ++integer_digits)
            if (!take(text[i] - '0')) return std::nullopt;
        std::size_t const integer_trailing_zeros = pending_zeros;

        std::size_t fraction_digits = 0;
        std::size_t last_nonzero_place = 0;  // 1 for the first digit after the point
        if (i < text.size() && text[i] == '.') {
            for (++i; is_digit(i); ++i) {
                ++fraction_digits;
                int const digit = text[i] - '0';
                if (digit != 0) {
                    if (fraction_digits > static_cast<std::size_t>(-min_exponent)) return std::nullopt;
                    last_nonzero_place = fraction_digits;
                }
                if (!take(digit)) return std::nullopt;
            }
            if (fraction_digits == 0) return std::nullopt;
        } else if (integer_digits == 0) {
            return std::nullopt;
        }
        if (i != text.size()) return std::nullopt;

        if (last_nonzero_place != 0) return make(negative, coefficient, -static_cast<int>(last_nonzero_place));
        if (integer_trailing_zeros > static_cast<std::size_t>(max_digits)) return std::nullopt;
        return make(negative, coefficient, static_cast<int>(integer_trailing_zeros));
    }

    static constexpr std::optional<decimal> make_wide(bool negative, coefficient_type coefficient,
                                                      long long exponent) noexcept {
        if (coefficient == 0) return decimal{};
        // Trailing zeros shed in 64 bits once the coefficient fits (int128.hpp's max_uint64).
        for (; coefficient > detail::max_uint64 && coefficient % 10 == 0; coefficient /= 10) ++exponent;
        if (coefficient <= detail::max_uint64) {
            auto small = static_cast<std::uint64_t>(coefficient);
            for (; small % 10 == 0; small /= 10) ++exponent;
            coefficient = small;
        }
        // At most 20 digits and an exponent of at most 18: within the limits, without counting.
        if (coefficient <= detail::max_uint64 && exponent >= min_exponent && exponent <= max_digits - 20)
            return decimal(negative, coefficient, static_cast<int>(exponent));
        if (coefficient >= detail::pow10(max_digits)) return std::nullopt;
        if (exponent < min_exponent) return std::nullopt;
        if (detail::digit_count(coefficient) + exponent > max_digits) return std::nullopt;
        return decimal(negative, coefficient, static_cast<int>(exponent));
    }

    bool negative_ = false;
    coefficient_type coefficient_ = 0;
    int exponent_ = 0;
};

}  // namespace zhquant
