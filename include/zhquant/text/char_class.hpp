// The classes of characters that text normalization treats specially: whitespace and invisible
// characters, "wide" (CJK) characters, and the punctuation that ends a sentence.
//
//     zhquant::detail::classify_space(U'\u3000');  // space_kind::space (ideographic space)
//     zhquant::detail::is_wide(U'万');             // true: spacing around it is PDF noise
//     zhquant::detail::is_sentence_final(U'。');   // true: a line break after it is a real one
//
// "Wide" is East Asian Width Wide or Fullwidth (Han, kana, Hangul, CJK punctuation U+3000..303F,
// full-width forms), plus the punctuation Chinese text shares with Latin text and the width
// property calls ambiguous: “ ” ‘ ’ — ― … ·.  In these reports such marks sit in Chinese text.
#pragma once

#include <unicode/uchar.h>

#include <cstdint>

namespace zhquant::detail {

enum class space_kind : std::uint8_t {
    none,
    space,       // ASCII space, tab, NBSP, U+1680, U+2000..200A, U+202F, U+205F, ideographic space
    line_break,  // LF, VT, FF, NEL, U+2028, U+2029 (CR is handled by the caller: CRLF is one break)
    invisible,   // zero width and removed: U+200B..200D, U+2060, U+FEFF (BOM at the start, ZWNBSP inside)
};

constexpr space_kind classify_space(char32_t c) noexcept {
    if (c < 0x80) {
        if (c == ' ' || c == '\t') return space_kind::space;
        if (c == '\n' || c == '\v' || c == '\f') return space_kind::line_break;
        return space_kind::none;
    }
    switch (c) {
        case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
            return space_kind::space;
        case 0x0085: case 0x2028: case 0x2029:
            return space_kind::line_break;
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
            return space_kind::invisible;
        default:
            return c >= 0x2000 && c <= 0x200A ? space_kind::space : space_kind::none;
    }
}

// A character around which a PDF conversion's spaces and line breaks carry no meaning.
inline bool is_wide(char32_t c) noexcept {
    if (c < 0x1100) return c == 0x00B7;
    if (c >= 0x4E00 && c <= 0x9FFF) return true;
    if (c >= 0x3000 && c <= 0x303F) return true;
    switch (c) {
        case 0x2014: case 0x2015: case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026:
            return true;
        default: break;
    }
    auto const width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

// Ends a sentence, so a line break after it ends a line on purpose: 。！？；：… and their ASCII
// and half-width forms.  The ASCII full stop is not here: "8.\n3" is more often a broken number.
constexpr bool is_sentence_final(char32_t c) noexcept {
    switch (c) {
        case U'。': case U'！': case U'？': case U'；': case U'：': case U'…': case U'｡':
        case U'!': case U'?': case U';': case U':':
        case U'‼': case U'⁇': case U'⁈': case U'⁉':
            return true;
        default:
            return false;
    }
}

// Closes a quotation or bracket; after sentence-final punctuation it still ends the sentence: 。”
constexpr bool is_closing_mark(char32_t c) noexcept {
    switch (c) {
        case U'”': case U'’': case U'）': case U')': case U'」': case U'』': case U'】': case U'》':
        case U'〉': case U'］': case U']': case U'〕': case U'〗': case U'〙': case U'〛': case U'｝':
        case U'}': case U'"': case U'\'': case U'＂': case U'＇': case U'〞': case U'〟':
            return true;
        default:
            return false;
    }
}

}  // namespace zhquant::detail
