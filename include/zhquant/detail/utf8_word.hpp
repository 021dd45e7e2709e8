// A three-byte UTF-8 character read as one word: most characters of a Chinese report are three
// bytes, and the scanners that step over them (normalization's plain runs, the search for where a
// number may begin) check and decode each with one load instead of three.
//
//     zhquant::detail::three_byte_code_point("万元");  // U+4E07
//     zhquant::detail::three_byte_code_point("5万元");  // not_three_byte
//
// Reads four bytes at `p`: the caller makes sure they are there.  The code point is decoded as
// the bytes say, overlong forms included (below U+0800), for the caller to judge.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace zhquant::detail {

inline constexpr char32_t not_three_byte = 0xFFFFFFFF;

// The four bytes at `p`, the first in the lowest byte whatever the machine's byte order.
inline std::uint32_t utf8_word(char const* p) noexcept {
    std::uint32_t word;
    std::memcpy(&word, p, 4);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap32(word);
    return word;
}

// Whether `word` (utf8_word) begins with a three-byte sequence: 1110xxxx 10yyyyyy 10zzzzzz.
constexpr bool is_three_byte(std::uint32_t word) noexcept { return (word & 0x00C0C0F0u) == 0x008080E0u; }

// The bit of that three-byte character in a table of a bit per code point (`bits[c / 64]` holds
// c's bit c % 64), read from the bytes without decoding: xxxxyyyyyy is the word, zzzzzz the bit.
// An overlong form finds the bit of the code point it spells.
inline bool three_byte_bit(std::uint32_t word, std::uint64_t const* bits) noexcept {
    std::uint32_t const row = ((word & 0x0Fu) << 6) | ((word >> 8) & 0x3Fu);
    return (bits[row] >> ((word >> 16) & 0x3Fu) & 1) != 0;
}

// Two characters at a time, where the scanners step over long runs: the eight bytes at `p` (the
// caller makes sure they are there), the first in the lowest byte, and whether they begin with
// two three-byte sequences, whose words (for three_byte_bit) are the low four bytes and the four
// after the third.
inline std::uint64_t utf8_pair_word(char const* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    return word;
}
constexpr bool is_three_byte_pair(std::uint64_t word) noexcept {
    return (word & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u;
}
constexpr std::uint32_t second_of_pair(std::uint64_t word) noexcept { return static_cast<std::uint32_t>(word >> 24); }

inline char32_t three_byte_code_point(char const* p) noexcept {
    std::uint32_t const word = utf8_word(p);
    if (!is_three_byte(word)) return not_three_byte;
    return ((word & 0x0Fu) << 12) | ((word & 0x3F00u) >> 2) | ((word >> 16) & 0x3Fu);
}

}  // namespace zhquant::detail
