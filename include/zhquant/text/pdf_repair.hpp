// What a run of whitespace becomes when text converted from PDF is repaired: the rule that turns
// "实 现 税 收 598 万 元" into "实现税收598万元" and "2000多\n\n万元" into "2000多万元" while a real
// paragraph end ("……完成。\n\n下一段") keeps its line break.
//
//     zhquant::detail::whitespace_run run{.before_exists = true, .before_wide = true,
//                                         .after_exists = true, .after_wide = true, .line_break = true};
//     zhquant::detail::resolve_whitespace_run(run);  // run_becomes::nothing: "同\n比" -> "同比"
//
// A whitespace run is a maximal sequence of spaces (any Unicode space, tabs) and line breaks (LF, CR,
// CRLF, VT, FF, NEL, U+2028/2029); zero-width characters inside it go with it.  "Wide" is
// detail::is_wide (Han, CJK punctuation, full-width forms, “”‘’—…·); "sentence-final" is
// detail::is_sentence_final (。！？；：… and ASCII ! ? ; :), also through closing quotes and
// brackets right after it (。” counts).  The rule, first match wins:
//
//   1. The character before the run is sentence-final and the run holds a line break: one "\n".
//      (A blank line after a sentence end is the same paragraph end: also one "\n".)
//   2. The character after the run would combine with the one before it under NFKC (a combining
//      mark, a Hangul vowel or final jamo: no NFKC boundary before it): rule 4.  Removing the run
//      would join two characters that were normalized apart, and the text would not be NFKC.
//   3. The character before or the one after the run is wide: the run is removed.  Mid-sentence,
//      a line break is the PDF's line wrap and spaces are its letter spacing, even when the run
//      holds a blank line ("创业担保贷款\n\n80万元" is one sentence cut by a page break).
//   4. Otherwise (two non-wide characters: "1, 234", "a b"): one "\n" if the run holds a line
//      break, else one " ".
//   At the edges: a run at the start of the text is removed; a run at the end becomes one "\n" if
//   it holds a line break, else it is removed.
//
// The price of rule 3: a heading without final punctuation runs into the next paragraph
// ("务实推进乡村振兴\n\n全面监测" -> "务实推进乡村振兴全面监测").  For finding numbers that is harmless;
// a sentence that was cut in two would not be.
#pragma once

#include <cstdint>

namespace zhquant::detail {

enum class run_becomes : std::uint8_t { nothing, space, line_break };

// What is around a whitespace run.
struct whitespace_run {
    bool before_exists = false;        // false at the start of the text
    bool before_wide = false;
    bool before_sentence_end = false;  // sentence-final punctuation, possibly followed by closers
    bool after_exists = false;         // false at the end of the text
    bool after_wide = false;
    bool line_break = false;           // the run holds at least one line break
    bool after_combines = false;       // the character after has no NFKC boundary before it
};

constexpr run_becomes resolve_whitespace_run(whitespace_run const& run) noexcept {
    if (!run.before_exists) return run_becomes::nothing;
    if (!run.after_exists) return run.line_break ? run_becomes::line_break : run_becomes::nothing;
    if (run.before_sentence_end && run.line_break) return run_becomes::line_break;
    if (!run.after_combines && (run.before_wide || run.after_wide)) return run_becomes::nothing;
    return run.line_break ? run_becomes::line_break : run_becomes::space;
}

}  // namespace zhquant::detail
