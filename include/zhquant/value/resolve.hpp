// Meaning after grammar: the raw parts of a number turned into its exact value.
//
//     // parts of "两千三百五": digit 2, unit 3, digit 3, unit 2, digit 5
//     zhquant::resolve(parts)  // 2350: the last 五 stands for the place below 百
//
// Plain arithmetic on `decimal`, no parsing: every rule here is testable with hand-made parts.
// A value that does not fit `decimal` (more than 38 significant digits) is an error, never
// a rounding.
//
// Vague digits resolve to a documented range: 几 and 数 are 1..9 (几十 = 10..90, 十几 = 11..19,
// 数百 = 100..900); a digit pair is its two digits (三四百 = 300..400).
#pragma once

#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/error.hpp>
#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/value/decimal.hpp>
#include <zhquant/value/parsed_number.hpp>
#include <zhquant/value/rational.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace zhquant {

namespace detail {

inline std::string const& overflow_message() {
    static std::string const text = "number too large to hold exactly (more than 38 significant digits)";
    return text;
}

// Digits read place by place: "1,234.5", "３６９", "二〇二四", "零五".
inline std::optional<decimal> positional_value(std::string_view text) {
    // Most numbers are plain ASCII digits: read them in place, without a copy.  A text that
    // begins with a digit and parses holds nothing but digits and a point.
    if (!text.empty() && text.front() >= '0' && text.front() <= '9')
        if (auto const value = decimal::parse(text)) return value;
    if (!text.empty() && text.front() != '.' &&
        text.find_first_not_of("0123456789.") == std::string_view::npos)
        return std::nullopt;  // what decimal::parse says of it: 1.2.3
    std::string ascii;
    ascii.reserve(text.size());
    char const* p = text.data();
    char const* const end = p + text.size();
    while (p < end) {
        std::size_t len = 0;
        int const d = arabic_digit_at(p, end, len);
        if (d >= 0) {
            ascii.push_back(static_cast<char>('0' + d));
            p += len;
            continue;
        }
        if (*p == 'e' || *p == 'E') {  // 1.2e-3: the mantissa so far, scaled by the exponent
            auto mantissa = positional_value(std::string_view(text.data(), static_cast<std::size_t>(p - text.data())));
            std::string_view rest(p + 1, static_cast<std::size_t>(end - p - 1));
            bool negative = false;
            if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
                negative = rest[0] == '-';
                rest.remove_prefix(1);
            } else if (rest.substr(0, 3) == "－") {
                negative = true;
                rest.remove_prefix(3);
            }
            auto exponent = positional_value(rest);
            if (!mantissa || !exponent || !exponent->is_integer() || exponent->abs() > decimal::from_int(100))
                return std::nullopt;
            int const e = std::stoi(exponent->to_string());
            return mantissa->scaled(negative ? -e : e);
        }
        if (*p == ',') { ++p; continue; }
        if (*p == '.') { ascii.push_back('.'); ++p; continue; }
        char32_t const c = decode_three_byte_utf8(p, end);
        if (c == U'，') { p += 3; continue; }
        if (c == U'．') { ascii.push_back('.'); p += 3; continue; }
        numeral_char const ch = classify_numeral_char(c);
        if (c == 0 || (ch.kind != numeral_char_kind::digit && ch.kind != numeral_char_kind::zero)) return std::nullopt;
        ascii.push_back(static_cast<char>('0' + ch.value));
        p += 3;
    }
    if (!ascii.empty() && ascii.front() == '.') ascii.insert(ascii.begin(), '0');
    return decimal::parse(ascii);
}

inline std::optional<decimal> power_of_ten(int exponent) { return decimal::from_int(1).scaled(exponent); }

// One pass over the tokens in the order the grammar checked them.  `high` picks the upper
// end of vague digits.
class numeral_evaluator {
public:
    explicit numeral_evaluator(bool high) : high_(high) {}

    std::optional<decimal> run(grammar::numeral_parts const& parts) {
        using k = grammar::numeral_token_kind;
        for (auto const& token : parts.tokens) {
            bool ok = true;
            switch (token.kind) {
                case k::digit:
                    pending_ = decimal::from_int(high_ ? token.high : token.low);
                    pending_single_ = true;
                    break;
                case k::digits: {
                    auto v = positional_value(token.text);
                    if (!v) return std::nullopt;
                    if (in_fraction_) ok = add_fraction(token.text, *v);
                    else {
                        pending_ = *v;
                        pending_single_ = false;
                    }
                    break;
                }
                case k::zero: zero_before_ = true; break;
                case k::unit: ok = unit(token.exponent); break;
                case k::point:
                    ok = close_pending(/*elide=*/true);
                    in_fraction_ = true;
                    break;
                case k::scale: ok = scale(token.exponent); break;
            }
            if (!ok) return std::nullopt;
            previous_was_scale_ = token.kind == k::scale;
        }
        if (!close_pending(/*elide=*/true)) return std::nullopt;
        std::optional<decimal> total = checked_add(section_, fraction_);
        for (std::size_t i = 0; i < group_count_ && total; ++i) total = checked_add(*total, groups_[i].value);
        return total;
    }

private:
    struct group {
        decimal value;
        int place = 0;
    };

    bool add(decimal& into, std::optional<decimal> v) {
        if (!v) return false;
        auto sum = checked_add(into, *v);
        if (!sum) return false;
        into = *sum;
        return true;
    }

    // A digit closes when a unit takes it, when a scale multiplies it, or at the end; only at
    // the end (or before 点) can it stand for the place below the last one (一千三 = 1300).
    bool close_pending(bool elide) {
        if (!pending_) return true;
        decimal v = *pending_;
        pending_.reset();
        if (elide && pending_single_ && !zero_before_ && last_place_ >= 2) {
            auto scaled = v.scaled(last_place_ - 1);
            if (!scaled) return false;
            v = *scaled;
        }
        return add(section_, v);
    }

    bool unit(int exponent) {
        decimal const multiplier = pending_ ? *pending_ : decimal::from_int(1);
        pending_.reset();
        if (!add(section_, multiplier.scaled(exponent))) return false;
        last_place_ = exponent;
        zero_before_ = false;
        return true;
    }

    bool scale(int exponent) {
        if (!close_pending(/*elide=*/false)) return false;
        if (previous_was_scale_ && group_count_ > 0) {  // 万亿, 万万: the scales multiply
            auto& last = groups_[group_count_ - 1];
            auto v = last.value.scaled(exponent);
            if (!v) return false;
            last.value = *v;
            last.place += exponent;
        } else {
            decimal block = section_;
            if (!add(block, fraction_)) return false;
            std::size_t kept = 0;
            for (std::size_t i = 0; i < group_count_; ++i) {
                if (groups_[i].place < exponent) {
                    if (!add(block, groups_[i].value)) return false;
                } else {
                    groups_[kept++] = groups_[i];
                }
            }
            group_count_ = kept;
            auto v = block.scaled(exponent);
            if (!v || group_count_ == groups_.size()) return false;
            groups_[group_count_++] = group{*v, exponent};
            section_ = decimal{};
            fraction_ = decimal{};
        }
        last_place_ = exponent;
        zero_before_ = false;
        return true;
    }

    bool add_fraction(std::string_view text, decimal digits) {
        // The digits after 点 were read as an integer; shift them behind the point.
        int places = 0;
        char const* p = text.data();
        char const* const end = p + text.size();
        while (p < end) {
            std::size_t len = 0;
            if (arabic_digit_at(p, end, len) >= 0) p += len;
            else p += 3;  // every other fraction digit is a three-byte Chinese digit
            ++places;
        }
        auto v = digits.scaled(-places);
        if (!v) return false;
        fraction_ = *v;
        in_fraction_ = false;
        return true;
    }

    bool high_;
    decimal section_;
    decimal fraction_;
    std::optional<decimal> pending_;
    bool pending_single_ = false;
    bool zero_before_ = false;
    bool in_fraction_ = false;
    bool previous_was_scale_ = false;
    int last_place_ = -1;
    std::array<group, 8> groups_{};
    std::size_t group_count_ = 0;
};

inline bool has_range(grammar::numeral_parts const& parts) {
    for (auto const& t : parts.tokens)
        if (t.kind == grammar::numeral_token_kind::digit && t.low != t.high) return true;
    return false;
}

}  // namespace detail

// The value of one numeral; for vague digits, `high` picks the upper end of the range.
inline std::optional<decimal> resolve_numeral(grammar::numeral_parts const& parts, bool high = false) {
    // The common shapes without the evaluator's state: 36923, 8.3 (one run of digits) and 1.2万
    // (digits and a scale); the evaluator gives the same values (decimals are normalized).
    auto const& tokens = parts.tokens;
    using kind = grammar::numeral_token_kind;
    if (!tokens.empty() && tokens[0].kind == kind::digits &&
        (tokens.size() == 1 || (tokens.size() == 2 && tokens[1].kind == kind::scale))) {
        auto const digits = detail::positional_value(tokens[0].text);
        if (!digits || tokens.size() == 1) return digits;
        return digits->scaled(tokens[1].exponent);
    }
    // 三, 五万, 八十: one Chinese digit, alone or times a unit or a scale.
    if (!tokens.empty() && tokens[0].kind == kind::digit &&
        (tokens.size() == 1 ||
         (tokens.size() == 2 && (tokens[1].kind == kind::scale || tokens[1].kind == kind::unit)))) {
        decimal const digit = decimal::from_int(high ? tokens[0].high : tokens[0].low);
        if (tokens.size() == 1) return digit;
        return digit.scaled(tokens[1].exponent);
    }
    return detail::numeral_evaluator(high).run(parts);
}

// The value of a whole number (plain, fraction or money).  The error offset is 0: the caller
// knows where the number stands.
inline result<parsed_number> resolve(grammar::number_parts const& parts) {
    using grammar::number_shape;
    auto const fail = [](std::string message) { return result<parsed_number>(error{0, std::move(message)}); };
    // Most numbers: one numeral, no vague digit, so no upper end.
    if (parts.shape == number_shape::plain && !detail::has_range(parts.whole)) {
        auto whole = resolve_numeral(parts.whole);
        if (!whole) return fail(detail::overflow_message());
        return parsed_number{rational(parts.negative ? -*whole : *whole), std::nullopt};
    }
    auto const value_of = [&](bool high) -> std::optional<rational> {
        auto whole = resolve_numeral(parts.whole, high);
        if (!whole) return std::nullopt;
        switch (parts.shape) {
            case number_shape::plain: return rational(parts.negative ? -*whole : *whole);
            case number_shape::money: {
                auto jiao = decimal::make(false, parts.jiao, -1);
                auto fen = decimal::make(false, parts.fen, -2);
                if (!jiao || !fen) return std::nullopt;
                auto sum = checked_add(*whole, *jiao);
                if (sum) sum = checked_add(*sum, *fen);
                if (!sum) return std::nullopt;
                return rational(parts.negative ? -*sum : *sum);
            }
            case number_shape::fraction: {
                auto numerator = resolve_numeral(parts.numerator, high);
                if (!numerator) return std::nullopt;
                if (parts.mixed) {  // 负一又二分之一 = -(1 + 1/2)
                    auto integer = resolve_numeral(parts.integer, high);
                    auto fraction = rational::make(*numerator, *whole);
                    if (!integer || !fraction) return std::nullopt;
                    auto sum = checked_add(rational(*integer), *fraction);
                    if (!sum || !parts.negative) return sum;
                    return checked_mul(*sum, rational(decimal::from_int(-1)));
                }
                decimal const top = parts.negative != parts.numerator_negative ? -*numerator : *numerator;
                return rational::make(top, *whole);
            }
        }
        return std::nullopt;
    };
    if (parts.shape == number_shape::fraction) {
        auto denominator = resolve_numeral(parts.whole);
        if (denominator && denominator->is_zero()) return fail("a fraction with denominator zero");
    }
    auto low = value_of(false);
    if (!low) return fail(detail::overflow_message());
    parsed_number out{*low, std::nullopt};
    if (detail::has_range(parts.whole) || (parts.shape == number_shape::fraction && detail::has_range(parts.numerator))) {
        auto high = value_of(true);
        if (!high) return fail(detail::overflow_message());
        // The upper digits can give the lower value: 负三四百 is -400..-300, 几分之一 1/9..1.
        if (*high < out.value) std::swap(*high, out.value);
        if (*high != out.value) out.high = *high;
    }
    return out;
}

}  // namespace zhquant
