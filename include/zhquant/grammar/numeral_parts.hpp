// What the number grammar read, before any arithmetic: the raw parts of a numeral.
//
//     "两千三百五" -> digit 2, unit 10^3, digit 3, unit 10^2, digit 5
//     "1.2万"      -> digits "1.2" (Arabic), scale 10^4
//     "三四百"     -> digit 3..4, unit 10^2
//
// Grammar first, meaning after: the grammar checks the structure and records the tokens;
// value/resolve.hpp turns them into an exact value.  Each token keeps the bytes it came from,
// so the parts stay valid only as long as the text they were read from.
#pragma once

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <string_view>

namespace zhquant::grammar {

enum class numeral_token_kind : std::uint8_t {
    digit,     // one Chinese digit, or an unknown/vague one: value low..high (几 = 1..9, 三四 = 3..4)
    digits,    // digits read place by place from `text`: Arabic "1,234.5", 二〇二四, or a fraction after 点
    zero,      // 零 standing for empty places: 一千零五
    unit,      // 十 百 千: multiplies the digit before it (or 1) by 10^exponent
    scale,     // 万 亿 兆: multiplies everything below it in the numeral by 10^exponent
    point,     // 点: the `digits` token after it is the fraction of the whole numeral
};

struct numeral_token {
    numeral_token_kind kind = numeral_token_kind::digit;
    std::uint8_t exponent = 0;  // unit, scale
    std::uint8_t low = 0;       // digit
    std::uint8_t high = 0;      // digit
    bool arabic = false;        // digits: ASCII or full-width Arabic digits
    std::string_view text;      // the bytes of the input this token was read from

    friend bool operator==(numeral_token const&, numeral_token const&) = default;
};

// The shape a numeral was written in; the resolver needs none of it, but callers do
// (the finder refuses two-digit strings like 一一, the strict style refuses elision).
struct numeral_form {
    bool arabic = false;         // has Arabic digits
    bool chinese = false;        // has Chinese digits, units or scales
    bool financial = false;      // has 大写 characters
    bool digit_string = false;   // Chinese digits read place by place: 一七二零, 二〇二四
    bool elided = false;         // ends on a digit that stands for the next place down: 一千三
    bool vague = false;          // has an unknown or paired digit: 十几, 三四百
    bool bare_unit = false;      // begins with a unit or vague word and no digit: 百三, 十, 数百

    friend bool operator==(numeral_form const&, numeral_form const&) = default;
};

struct numeral_parts {
    boost::container::small_vector<numeral_token, 8> tokens;
    numeral_form form;
    std::string_view inner_over;  // 余 or 多 written between the number and its scale (130余万)

    // As default-constructed, keeping the tokens' storage (cheaper than assigning a new one).
    void clear() noexcept {
        tokens.clear();
        form = {};
        inner_over = {};
    }
};

// A whole number as the `number` rule reads it: a numeral, a fraction or an amount of money.
enum class number_shape : std::uint8_t {
    plain,     // 36923万, 负32
    fraction,  // 三分之一, 3/5, 百分之八点三: `whole` is the denominator, `numerator` above it,
               // and for a mixed number (三又三分之一) `integer` before it
    money,     // 壹佰捌拾壹圆柒角: `whole` is the yuan; jiao and fen follow
};

struct number_parts {
    number_shape shape = number_shape::plain;
    bool negative = false;
    bool numerator_negative = false;
    bool mixed = false;  // a fraction with a whole part: 三百五又三分之一, 1 3/5
    numeral_parts whole;
    numeral_parts numerator;
    numeral_parts integer;  // the whole part of a mixed fraction
    std::uint8_t jiao = 0;  // 角: tenths of a yuan
    std::uint8_t fen = 0;   // 分: hundredths
    bool money_settled = false;  // 整 or 正: "and no smaller change"

    // As default-constructed (every member), keeping the tokens' storage.
    void clear() noexcept {
        shape = number_shape::plain;
        negative = numerator_negative = mixed = false;
        whole.clear();
        numerator.clear();
        integer.clear();
        jiao = fen = 0;
        money_settled = false;
    }
};

}  // namespace zhquant::grammar
