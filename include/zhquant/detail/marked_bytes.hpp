// Byte marks: one byte of flags per byte of a text, searched eight at a time.  What the rules'
// scan_marks keeps for a piece, and what the mention scan reads its candidates from when a caller
// has marked them.
//
//     std::uint8_t const marks[] = {0, 0, 4, 0, 1, 0, 0, 0, 0, 6};
//     zhquant::detail::next_marked(marks, 0, 10, 2);   // 9: the first byte with the mark 2
//     zhquant::detail::next_marked(marks, 0, 10, 5);   // 2: with 1 or 4
//     zhquant::detail::next_marked(marks, 3, 4, 4);    // 4: none in [3, 4), the end
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace zhquant::detail {

// The first byte in [at, end) of `marks` with one of `mask`'s bits, or end.
inline std::size_t next_marked(std::uint8_t const* marks, std::size_t at, std::size_t end, std::uint8_t mask) noexcept {
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t const wanted = mask * std::uint64_t{0x0101010101010101};
        for (; at + 8 <= end; at += 8) {
            std::uint64_t word;
            std::memcpy(&word, marks + at, 8);
            if (std::uint64_t const hit = word & wanted) return at + static_cast<std::size_t>(std::countr_zero(hit)) / 8;
        }
    }
    while (at < end && !(marks[at] & mask)) ++at;
    return at;
}

}  // namespace zhquant::detail
