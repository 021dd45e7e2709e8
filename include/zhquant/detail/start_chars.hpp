// The characters at which a number or a mention may begin, as bit tables: the scanners skip
// every other character with one lookup, and try the grammar only where one of these stands.
// Then the checks of one place that both scanners make (may_start_number, sign_is_joined).
//
//     zhquant::detail::skip_to_candidate(p, end, zhquant::detail::mention_start_chars);
//     // p: at the first digit, numeral character, sign, currency sign or qualifier character
//     zhquant::detail::sign_is_joined(begin, p);  // true at the '-' of 1-11月: not a minus sign
//
// The tables are a superset: a character in them may still start nothing (万 only in 万分之,
// 大 only in 大约), which the scanners' own checks decide.  Built at compile time from
// numeral_char_table (numeral_chars.hpp), so a character added there is found here too.  (From the
// table's entries, not by testing all 65536 code points: clang's constant evaluation stops at a
// million steps.)
#pragma once

#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/detail/utf8_word.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace zhquant::detail {

// One bit per code point below U+10000.
using start_char_bits = std::array<std::uint64_t, 0x10000 / 64>;

// Digits, signs and points, and the numeral characters that can begin a numeral.
constexpr start_char_bits make_number_start_chars() noexcept {
    start_char_bits bits{};
    auto const set = [&bits](char32_t c) { bits[c / 64] |= std::uint64_t{1} << (c % 64); };
    for (char32_t c = '0'; c <= '9'; ++c) set(c);
    for (char32_t c = U'０'; c <= U'９'; ++c) set(c);
    for (char32_t c : {U'-', U'.', U'－', U'．'}) set(c);
    for (auto const& e : numeral_char_table)
        if (e.info.kind != numeral_char_kind::point && e.info.kind != numeral_char_kind::inner_over) set(e.code_point);
    return bits;
}

// What begins a number, and currency signs and the first characters of the words that open a
// mention (qualifiers, 上半年, 半成, 打对折).
constexpr start_char_bits make_mention_start_chars() noexcept {
    start_char_bits bits = make_number_start_chars();
    for (char32_t c : {U'$', U'¥', U'£', U'￥', U'€',            // currency signs
                       U'约', U'近', U'超', U'逾',                   // qualifiers
                       U'大', U'将', U'接', U'不', U'多', U'高',     // first characters of qualifiers
                       U'上', U'下', U'半', U'对'})                  // 上半年, 半成, 对折
        bits[c / 64] |= std::uint64_t{1} << (c % 64);
    return bits;
}

inline constexpr start_char_bits number_start_chars = make_number_start_chars();
inline constexpr start_char_bits mention_start_chars = make_mention_start_chars();

// Moves `p` to the first character at or after it whose code point is in `bits`, or to `end`.
// Sequences that are not one- to three-byte UTF-8 are stepped over byte by byte.
inline char const* skip_to_candidate(char const* p, char const* end, start_char_bits const& bits) noexcept {
    while (p < end) {
        // ASCII (digits, commas, Latin letters) a byte a step, where the loads below would each
        // find no three-byte character.
        for (; p < end && static_cast<unsigned char>(*p) < 0x80; ++p)
            if (bits[static_cast<unsigned char>(*p) / 64] >> (*p % 64) & 1) return p;
        for (; end - p >= 8; p += 6) {  // the common case first, two characters a load (utf8_word.hpp)
            std::uint64_t const pair = utf8_pair_word(p);
            if (!is_three_byte_pair(pair)) break;
            if (three_byte_bit(static_cast<std::uint32_t>(pair), bits.data())) return p;
            if (three_byte_bit(second_of_pair(pair), bits.data())) return p + 3;
        }
        for (; end - p >= 4; p += 3) {
            std::uint32_t const word = utf8_word(p);
            if (!is_three_byte(word)) break;
            if (three_byte_bit(word, bits.data())) return p;
        }
        if (p == end) break;
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

// The length of the UTF-8 sequence a byte leads (1 for a byte that leads none): one load where
// the scanners that step character by character compared the byte three times.
inline constexpr auto utf8_lead_length = [] {
    std::array<std::uint8_t, 256> lengths{};
    for (unsigned b = 0; b < 256; ++b)
        lengths[b] = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    return lengths;
}();

// Which bytes begin one of `words` (non-empty; `word_of` picks the word from an element): a scanner
// that asks for the words at every character tells most characters (Han ones) apart with one load.
template <class Words, class WordOf = std::identity>
constexpr std::array<bool, 256> first_bytes_of(Words const& words, WordOf word_of = {}) {
    std::array<bool, 256> first{};
    for (auto const& w : words) first[static_cast<unsigned char>(std::string_view(word_of(w))[0])] = true;
    return first;
}

inline std::size_t utf8_length_at(char const* p, char const* end) noexcept {
    std::size_t const n = utf8_lead_length[static_cast<unsigned char>(*p)];
    return static_cast<std::size_t>(end - p) < n ? 1 : n;
}

inline bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) noexcept {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Where a number can begin: a digit, a sign, a point before digits, or a numeral character.
inline bool may_start_number(char const* p, char const* end) noexcept {
    char const c = *p;
    if (is_ascii_digit(c) || c == '-' || c == '.') return true;
    if (static_cast<unsigned char>(c) < 0xE0) return false;
    char32_t const cp = decode_three_byte_utf8(p, end);
    if ((cp >= U'０' && cp <= U'９') || cp == U'－' || cp == U'．') return true;
    numeral_char const ch = classify_numeral_char(cp);
    if (ch.kind == numeral_char_kind::scale)  // 万分之三
        return std::string_view(p, static_cast<std::size_t>(end - p)).substr(3, 6) == "分之";
    return ch.kind != numeral_char_kind::none && ch.kind != numeral_char_kind::point &&
           ch.kind != numeral_char_kind::inner_over;
}

// The character before `p` continues a number or a word, so a '-' there is not a sign (1-11月, A-1).
inline bool sign_is_joined(char const* begin, char const* p) noexcept {
    if (p == begin) return false;
    if (is_ascii_alnum(p[-1])) return true;
    if (p - begin >= 3) {
        char32_t const cp = decode_three_byte_utf8(p - 3, p);
        if (cp >= U'０' && cp <= U'９') return true;
        auto const kind = classify_numeral_char(cp).kind;
        return kind != numeral_char_kind::none && kind != numeral_char_kind::minus;
    }
    return false;
}

}  // namespace zhquant::detail
