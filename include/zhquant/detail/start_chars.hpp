// The characters at which a number or a mention may begin, as bit tables: the scanners skip
// every other character with one lookup, and try the grammar only where one of these stands.
//
//     zhquant::detail::skip_to_candidate(p, end, zhquant::detail::mention_start_chars);
//     // p: at the first digit, numeral character, sign, currency sign or qualifier character
//
// The tables are a superset: a character in them may still start nothing (万 only in 万分之,
// 大 only in 大约), which the scanners' own checks decide.  Built at compile time from
// classify_numeral_char(), so a character added there is found here too.
#pragma once

#include <zhquant/detail/numeral_chars.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

namespace zhquant::detail {

// One bit per code point below U+10000.
using start_char_bits = std::array<std::uint64_t, 0x10000 / 64>;

constexpr bool starts_number(char32_t c) noexcept {
    if ((c >= '0' && c <= '9') || c == '-' || c == '.') return true;
    if ((c >= U'０' && c <= U'９') || c == U'－' || c == U'．') return true;
    auto const kind = classify_numeral_char(c).kind;
    return kind != numeral_char_kind::none && kind != numeral_char_kind::point &&
           kind != numeral_char_kind::inner_over;
}

constexpr bool starts_mention(char32_t c) noexcept {
    if (starts_number(c)) return true;
    switch (c) {
        case U'$': case U'¥': case U'£': case U'￥': case U'€':  // currency signs
        case U'约': case U'近': case U'超': case U'逾':            // qualifiers
        case U'大': case U'将': case U'接': case U'不': case U'多': case U'高':  // first characters of qualifiers
        case U'上': case U'下': case U'半': case U'对':            // 上半年, 半成, 对折
            return true;
        default:
            return false;
    }
}

template <bool (*Starts)(char32_t)>
constexpr start_char_bits make_start_chars() noexcept {
    start_char_bits bits{};
    for (char32_t c = 0; c < 0x10000; ++c)
        if (Starts(c)) bits[c / 64] |= std::uint64_t{1} << (c % 64);
    return bits;
}

inline constexpr start_char_bits number_start_chars = make_start_chars<starts_number>();
inline constexpr start_char_bits mention_start_chars = make_start_chars<starts_mention>();

// Moves `p` to the first character at or after it whose code point is in `bits`, or to `end`.
// Sequences that are not one- to three-byte UTF-8 are stepped over byte by byte.
inline char const* skip_to_candidate(char const* p, char const* end, start_char_bits const& bits) noexcept {
    while (p < end) {
        auto const b0 = static_cast<unsigned char>(*p);
        char32_t c = b0;
        std::size_t length = 1;
        if (b0 >= 0xE0 && b0 < 0xF0 && end - p >= 3) {
            c = (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(p[1]) & 0x3F) << 6) |
                char32_t(static_cast<unsigned char>(p[2]) & 0x3F);
            length = 3;
        } else if (b0 >= 0xC0 && b0 < 0xE0 && end - p >= 2) {
            c = (char32_t(b0 & 0x1F) << 6) | char32_t(static_cast<unsigned char>(p[1]) & 0x3F);
            length = 2;
        } else if (b0 >= 0x80) {
            c = 0;  // a four-byte character or a stray byte: no candidate starts with it
            length = b0 >= 0xF0 && end - p >= 4 ? 4 : 1;
        }
        if (bits[c / 64] >> (c % 64) & 1) return p;
        p += length;
    }
    return p;
}

}  // namespace zhquant::detail
