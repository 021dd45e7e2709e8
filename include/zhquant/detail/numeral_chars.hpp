// The characters that Chinese numerals are written with, classified for the numeral scanner.
//
//     auto c = zhquant::detail::classify_numeral_char(U'萬');  // {scale, value 0, exponent 4}
//
// One table for simplified, traditional and financial (大写) forms, so the grammar reads
// 壹佰萬 and 一百万 alike.  Only characters that can stand inside a numeral are here; the
// words around a number (units, qualifiers) live with the layers that own them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zhquant::detail {

enum class numeral_char_kind : std::uint8_t {
    none,
    digit,      // 一..九, 两, 幺, 壹..玖: value 1..9
    zero,       // 零, 〇
    tens,       // 廿 卅 卌: a digit and 十 in one character (value 2..4)
    unit,       // 十 百 千 拾 佰 仟: exponent 1..3
    scale,      // 万 亿 兆 萬 億: exponent 4, 8, 12
    point,      // 点 點
    vague,      // 几 幾 数 數: an unknown digit, 1..9 (value 1 for 数 數)
    inner_over, // 余 多 餘 between a number and its scale: 130余万, 一千多万
    minus,      // 负 負
};

struct numeral_char {
    numeral_char_kind kind = numeral_char_kind::none;
    std::uint8_t value = 0;     // digit value (digit, tens)
    std::uint8_t exponent = 0;  // power of ten (unit, scale)
    bool financial = false;     // 大写: 壹..玖 拾 佰 仟
    bool pair_word = false;     // 两 兩 倆 俩: a count word, never a digit of a digit string (两两 is not 22)
    bool circle = false;        // 〇, refused by the strict style
};

constexpr numeral_char classify_numeral_char(char32_t c) noexcept {
    using k = numeral_char_kind;
    switch (c) {
        case U'零': return {k::zero, 0, 0};
        case U'〇': return {k::zero, 0, 0, false, false, true};
        case U'一': return {k::digit, 1, 0};
        case U'幺': return {k::digit, 1, 0};
        case U'二': return {k::digit, 2, 0};
        case U'两': case U'兩': case U'倆': case U'俩': return {k::digit, 2, 0, false, true};
        case U'三': return {k::digit, 3, 0};
        case U'四': return {k::digit, 4, 0};
        case U'五': return {k::digit, 5, 0};
        case U'六': return {k::digit, 6, 0};
        case U'七': return {k::digit, 7, 0};
        case U'八': return {k::digit, 8, 0};
        case U'九': return {k::digit, 9, 0};
        case U'壹': return {k::digit, 1, 0, true};
        case U'贰': case U'貳': return {k::digit, 2, 0, true};
        case U'叁': case U'參': case U'叄': return {k::digit, 3, 0, true};
        case U'肆': return {k::digit, 4, 0, true};
        case U'伍': return {k::digit, 5, 0, true};
        case U'陆': case U'陸': return {k::digit, 6, 0, true};
        case U'柒': return {k::digit, 7, 0, true};
        case U'捌': return {k::digit, 8, 0, true};
        case U'玖': return {k::digit, 9, 0, true};
        case U'廿': return {k::tens, 2, 1};
        case U'卅': return {k::tens, 3, 1};
        case U'卌': return {k::tens, 4, 1};
        case U'十': return {k::unit, 0, 1};
        case U'拾': return {k::unit, 0, 1, true};
        case U'百': return {k::unit, 0, 2};
        case U'佰': return {k::unit, 0, 2, true};
        case U'千': return {k::unit, 0, 3};
        case U'仟': return {k::unit, 0, 3, true};
        case U'万': case U'萬': return {k::scale, 0, 4};
        case U'亿': case U'億': return {k::scale, 0, 8};
        case U'兆': return {k::scale, 0, 12};
        case U'点': case U'點': return {k::point};
        case U'几': case U'幾': return {k::vague, 0, 0};
        case U'数': case U'數': return {k::vague, 1, 0};  // value 1 marks 数, which needs a place after it
        case U'余': case U'餘': case U'多': return {k::inner_over};
        case U'负': case U'負': return {k::minus};
        default: return {};
    }
}

// The code point of a three-byte UTF-8 sequence at `p` (every numeral character is one),
// or 0 when the bytes there are not one.
constexpr char32_t decode_three_byte_utf8(char const* p, char const* end) noexcept {
    if (end - p < 3) return 0;
    auto const b0 = static_cast<unsigned char>(p[0]);
    auto const b1 = static_cast<unsigned char>(p[1]);
    auto const b2 = static_cast<unsigned char>(p[2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    char32_t const c = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
    return c < 0x800 ? 0 : c;  // an overlong form is not a character
}

// A decimal digit written in ASCII or full width (０..９): its value, or -1.
constexpr int arabic_digit_at(char const* p, char const* end, std::size_t& length) noexcept {
    if (p < end && *p >= '0' && *p <= '9') {
        length = 1;
        return *p - '0';
    }
    char32_t const c = decode_three_byte_utf8(p, end);
    if (c >= U'０' && c <= U'９') {
        length = 3;
        return static_cast<int>(c - U'０');
    }
    return -1;
}

}  // namespace zhquant::detail
