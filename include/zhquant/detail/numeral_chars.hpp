// The characters that Chinese numerals are written with, classified for the numeral scanner.
//
//     auto c = zhquant::detail::classify_numeral_char(U'萬');  // {scale, value 0, exponent 4}
//
// One table for simplified, traditional and financial (大写) forms, so the grammar reads
// 壹佰萬 and 一百万 alike.  Only characters that can stand inside a numeral are here; the
// words around a number (units, qualifiers) live with the layers that own them.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/utf8_word.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

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

// Every numeral character with its class, in code point order.  A table rather than a switch so
// that start_chars.hpp can build its bit tables from the characters themselves at compile time.
struct numeral_char_entry {
    char32_t code_point;
    numeral_char info;
};

inline constexpr auto numeral_char_table = [] {
    using k = numeral_char_kind;
    std::array<numeral_char_entry, 54> t{{
        {U'零', {k::zero, 0, 0}},
        {U'〇', {k::zero, 0, 0, false, false, true}},
        {U'一', {k::digit, 1, 0}}, {U'幺', {k::digit, 1, 0}},
        {U'二', {k::digit, 2, 0}},
        {U'两', {k::digit, 2, 0, false, true}}, {U'兩', {k::digit, 2, 0, false, true}},
        {U'倆', {k::digit, 2, 0, false, true}}, {U'俩', {k::digit, 2, 0, false, true}},
        {U'三', {k::digit, 3, 0}}, {U'四', {k::digit, 4, 0}}, {U'五', {k::digit, 5, 0}},
        {U'六', {k::digit, 6, 0}}, {U'七', {k::digit, 7, 0}}, {U'八', {k::digit, 8, 0}},
        {U'九', {k::digit, 9, 0}},
        {U'壹', {k::digit, 1, 0, true}},
        {U'贰', {k::digit, 2, 0, true}}, {U'貳', {k::digit, 2, 0, true}},
        {U'叁', {k::digit, 3, 0, true}}, {U'參', {k::digit, 3, 0, true}}, {U'叄', {k::digit, 3, 0, true}},
        {U'肆', {k::digit, 4, 0, true}}, {U'伍', {k::digit, 5, 0, true}},
        {U'陆', {k::digit, 6, 0, true}}, {U'陸', {k::digit, 6, 0, true}},
        {U'柒', {k::digit, 7, 0, true}}, {U'捌', {k::digit, 8, 0, true}}, {U'玖', {k::digit, 9, 0, true}},
        {U'廿', {k::tens, 2, 1}}, {U'卅', {k::tens, 3, 1}}, {U'卌', {k::tens, 4, 1}},
        {U'十', {k::unit, 0, 1}}, {U'拾', {k::unit, 0, 1, true}},
        {U'百', {k::unit, 0, 2}}, {U'佰', {k::unit, 0, 2, true}},
        {U'千', {k::unit, 0, 3}}, {U'仟', {k::unit, 0, 3, true}},
        {U'万', {k::scale, 0, 4}}, {U'萬', {k::scale, 0, 4}},
        {U'亿', {k::scale, 0, 8}}, {U'億', {k::scale, 0, 8}},
        {U'兆', {k::scale, 0, 12}},
        {U'点', {k::point}}, {U'點', {k::point}},
        {U'几', {k::vague, 0, 0}}, {U'幾', {k::vague, 0, 0}},
        {U'数', {k::vague, 1, 0}}, {U'數', {k::vague, 1, 0}},  // value 1 marks 数, which needs a place after it
        {U'余', {k::inner_over}}, {U'餘', {k::inner_over}}, {U'多', {k::inner_over}},
        {U'负', {k::minus}}, {U'負', {k::minus}},
    }};
    std::sort(t.begin(), t.end(), [](auto const& a, auto const& b) { return a.code_point < b.code_point; });
    return t;
}();

// Every entry written out (none left zero by a size too large) and none twice.
static_assert([] {
    for (std::size_t i = 0; i < numeral_char_table.size(); ++i)
        if (numeral_char_table[i].code_point == 0 ||
            (i > 0 && numeral_char_table[i - 1].code_point >= numeral_char_table[i].code_point))
            return false;
    return true;
}());

// The table as an open-addressing hash (linear probing, code point 0 for an empty slot): the
// numeral scanner classifies every character it reads, and a probe or two is as fast as the
// switch this replaced.
struct numeral_char_index {
    static constexpr std::size_t size = 128;  // a power of two, over twice the entries
    std::array<numeral_char_entry, size> slots{};

    static constexpr std::size_t slot_of(char32_t c) noexcept { return (c * 2654435761u) >> 7 & (size - 1); }

    constexpr numeral_char find(char32_t c) const noexcept {
        for (std::size_t i = slot_of(c);; i = (i + 1) & (size - 1)) {
            if (slots[i].code_point == c && c != 0) return slots[i].info;
            if (slots[i].code_point == 0) return {};
        }
    }
};

inline constexpr numeral_char_index numeral_char_lookup = [] {
    numeral_char_index index;
    for (auto const& e : numeral_char_table) {
        std::size_t i = numeral_char_index::slot_of(e.code_point);
        while (index.slots[i].code_point != 0) i = (i + 1) & (numeral_char_index::size - 1);
        index.slots[i] = e;
    }
    return index;
}();

constexpr numeral_char classify_numeral_char(char32_t c) noexcept { return numeral_char_lookup.find(c); }

// The code point of a three-byte UTF-8 sequence at `p` (every numeral character is one),
// or 0 when the bytes there are not one.  A few instructions, asked at every character the
// grammars look at: always inlined, where the compiler otherwise called it from the scanners.
ZHQUANT_ALWAYS_INLINE constexpr char32_t decode_three_byte_utf8(char const* p, char const* end) noexcept {
    if (!std::is_constant_evaluated() && end - p >= 4) {  // one load and one mask (utf8_word.hpp)
        char32_t const c = three_byte_code_point(p);
        return c == not_three_byte || c < 0x800 ? 0 : c;
    }
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
    if (p < end && static_cast<unsigned char>(*p) < 0x80) {  // no other ASCII character is a digit
        if (*p < '0' || *p > '9') return -1;
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
