// The characters that normalization copies as they are, told apart with one table lookup: the
// fast path of `normalizer` (normalize.hpp) takes runs of them at once.
//
//     auto const& chars = zhquant::detail::plain_chars::get();
//     chars.flags(U'万');  // plain | wide | boundary: copied; spacing around it is PDF noise
//     chars.flags(U'萬');  // wide | boundary: folded to 万, so the character-by-character path takes it
//     chars.flags(U'。');  // sentence_final | wide | boundary: copied, and the PDF repair remembers it
//
// A character is plain when every step of normalization leaves it alone and keeps nothing about
// it but its width: NFKC does not change it, it is not whitespace, invisible or CR, it is not
// folded from a traditional form, it is neither sentence-final punctuation nor a closing mark
// (char_class.hpp, which are `sentence_final` and `closing` instead), and nothing before it
// combines with it.  `boundary`: nothing before the character combines with it.  The flags are
// computed from those same predicates, once, for the code points of Chinese reports (ASCII,
// General Punctuation, CJK Symbols and Punctuation, CJK ideographs, half- and full-width forms);
// any other code point gets no flags and goes the slow way.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/utf8_word.hpp>
#include <zhquant/text/char_class.hpp>
#include <zhquant/text/nfkc.hpp>
#include <zhquant/text/traditional.hpp>

#include <array>
#include <cstdint>
#include <utility>

namespace zhquant::detail {

class plain_chars {
public:
    static constexpr std::uint8_t plain = 1;
    static constexpr std::uint8_t wide = 2;
    static constexpr std::uint8_t boundary = 4;
    // Copied as they are too, but the PDF repair remembers them: a line break after a sentence
    // end (。：；!) is kept, and a closing mark after one (。”) still ends the sentence.
    static constexpr std::uint8_t sentence_final = 8;
    static constexpr std::uint8_t closing = 16;
    static constexpr std::uint8_t copied = plain | sentence_final | closing;

    // The shared instance, built on first use (thread-safe; immutable afterwards).
    static plain_chars const& get() {
        static plain_chars const instance;
        return instance;
    }

    ZHQUANT_ALWAYS_INLINE std::uint8_t flags(char32_t c) const noexcept {
        if (c < 0x80) return ascii_[c];
        if (c >= 0x4E00 && c <= 0x9FFF) {
            auto const i = static_cast<std::size_t>(c - 0x4E00);
            bool const folded = (traditional_bits[i / 64] >> (i % 64) & 1) != 0;
            return folded ? wide | boundary : plain | wide | boundary;
        }
        if (c >= 0x2000 && c < 0x2000 + punctuation_.size()) return punctuation_[c - 0x2000];
        if (c >= 0x3000 && c < 0x3000 + cjk_symbols_.size()) return cjk_symbols_[c - 0x3000];
        if (c >= 0xFF00 && c <= 0xFFFF) return full_width_[c - 0xFF00];
        return 0;
    }

    // Whether the four bytes at a character (utf8_word.hpp's word) begin a plain three-byte
    // character, read without decoding it (overlong forms are never plain).
    ZHQUANT_ALWAYS_INLINE bool plain_three_byte(std::uint32_t word) const noexcept {
        return is_three_byte(word) && three_byte_bit(word, plain_three_byte_.data());
    }

    // Whether the byte is a plain ASCII character (no sentence end, closing mark or space).
    ZHQUANT_ALWAYS_INLINE bool plain_ascii(char byte) const noexcept {
        auto const b = static_cast<unsigned char>(byte);
        return b < 0x80 && (ascii_[b] & plain) != 0;
    }

    // What the table would hold for `c`, from the predicates themselves (for the table and its test).
    static std::uint8_t compute(char32_t c, selective_nfkc const& nfkc) noexcept {
        std::uint8_t f = 0;
        if (nfkc.has_boundary_before(c)) f |= boundary;
        if (is_wide(c)) f |= wide;
        bool const as_is = (f & boundary) && c != '\r' && classify_space(c) == space_kind::none &&
                           !nfkc.needs_normalization(c) && fold_traditional(c) == c && !(c >= 0xD800 && c <= 0xDFFF);
        if (as_is) f |= is_sentence_final(c) ? sentence_final : is_closing_mark(c) ? closing : plain;
        return f;
    }

private:
    plain_chars() {
        auto const& nfkc = selective_nfkc::get();
        for (char32_t c = 0; c < 0x80; ++c) ascii_[c] = compute(c, nfkc);
        for (std::size_t i = 0; i < punctuation_.size(); ++i) punctuation_[i] = compute(char32_t(0x2000 + i), nfkc);
        for (std::size_t i = 0; i < cjk_symbols_.size(); ++i) cjk_symbols_[i] = compute(char32_t(0x3000 + i), nfkc);
        for (std::size_t i = 0; i < full_width_.size(); ++i) full_width_[i] = compute(char32_t(0xFF00 + i), nfkc);
        // The ideographs a word at a time (every one plain but the folded); the other tables'
        // characters one by one.  Code points outside the tables have no flags.
        static_assert(0x4E00 % 64 == 0);
        for (std::size_t i = 0; i < traditional_bits.size(); ++i) plain_three_byte_[0x4E00 / 64 + i] = ~traditional_bits[i];
        for (auto [first, last] : {std::pair{0x2000u, 0x206Fu}, std::pair{0x3000u, 0x33FFu}, std::pair{0xFF00u, 0xFFFFu}})
            for (char32_t c = first; c <= last; ++c)
                if (flags(c) & plain) plain_three_byte_[c / 64] |= std::uint64_t{1} << (c % 64);
    }

    std::array<std::uint8_t, 0x80> ascii_{};
    std::array<std::uint8_t, 0x70> punctuation_{};   // U+2000..206F
    std::array<std::uint8_t, 0x400> cjk_symbols_{};  // U+3000..33FF
    std::array<std::uint8_t, 0x100> full_width_{};   // U+FF00..FFFF
    std::array<std::uint64_t, 0x400> plain_three_byte_{};  // a bit per code point U+0000..FFFF
};

}  // namespace zhquant::detail
