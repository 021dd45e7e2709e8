// Text normalization: the bytes of a report become the text the grammars read, with an offset
// map back to the original bytes.  The only layer of zhquant that includes ICU.
//
//     auto n = zhquant::normalize("实 现 税 收 598 萬 元\r\n同\n比增长 ８．３％");
//     n->text;                     // "实现税收598万元同比增长8.3%"
//     n->map.to_original(12, 21);  // {16, 27}: the original bytes of "598 萬 元"
//
// Steps, in one pass, every byte offset-tracked:
// 1. UTF-8 check (utf8_check.hpp): each maximal invalid subsequence becomes U+FFFD and a problem,
//    or, with invalid_utf8::fail, normalization stops with an error at the first one.
// 2. Cleanup: CRLF and CR become LF (so do VT, FF, NEL, U+2028, U+2029); NBSP, ideographic space
//    and the other Unicode spaces become ASCII space; zero-width characters (U+200B..200D, U+2060,
//    U+FEFF as BOM or inside the text) are removed.
// 3. NFKC, selectively (nfkc.hpp): only characters that need it go to ICU; full-width digits,
//    letters and signs become ASCII (１３２０６．７ -> 13206.7, ２３．６％ -> 23.6%), but the CJK
//    punctuation ，。、；：！？（）“”… stays, and nothing becomes a digit that was not one (①, ²).
// 4. Traditional -> simplified for the characters of numbers, units and report sentences
//    (traditional.hpp): 萬 -> 万, 噸 -> 吨, 個 -> 个.  One code point to one.
// 5. PDF repair (pdf_repair.hpp): spaces and line breaks between characters of which one is CJK
//    are removed unless a line break follows sentence-final punctuation; between two non-CJK
//    characters a run becomes one space or one "\n".
//
// Big inputs stream through `normalizer` (or normalize_stream): blocks in, pieces out, each piece
// with offsets into the whole input; the extra memory is bounded by about twice the block size.
// A piece ends, by preference, right after a line break that step 5 kept after a sentence end; if
// the pending output has none, after the last whitespace run; if none either, before the last
// character (with piece_end::line_break: only after a kept line break, see there).  Pieces are
// cut only between characters (never inside a replaced piece), and their concatenation is
// exactly what normalize() returns for the whole input.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/utf8_word.hpp>
#include <zhquant/error.hpp>
#include <zhquant/text/char_class.hpp>
#include <zhquant/text/nfkc.hpp>
#include <zhquant/text/offset_map.hpp>
#include <zhquant/text/pdf_repair.hpp>
#include <zhquant/text/plain_chars.hpp>
#include <zhquant/text/traditional.hpp>
#include <zhquant/text/utf8_check.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhquant {

struct normalize_options {
    invalid_utf8 on_invalid = invalid_utf8::replace;
    bool repair_pdf = true;        // step 5; without it whitespace is only cleaned up (step 2)
    bool fold_traditional = true;  // step 4
    // A line of the input (the bytes between two line breaks) longer than this is an error, and
    // normalization stops there: no report has such lines, and the layers above read a text
    // clause by clause.  Where pieces end only at line breaks (piece_end::line_break: the mention
    // and rule streams), input lines that the PDF repair joins into one line longer than this
    // (a wrap between Chinese characters is no line break) are not held whole: the piece ends at
    // the last wrap it joined instead, as if the wrap had been kept.  normalizer::unlimited turns
    // the checks off.
    std::size_t max_line_bytes = std::size_t{1} << 20;
};

// Where the streaming normalizer may end a piece: anywhere it prefers (see below), or only right
// after a line break it keeps, so that no piece ends inside a line (what the mention and rule
// scanners need: a mention never spans a line break).  With line_break a line longer than the
// block size is handed out whole, so memory is bounded by the block size plus the longest line
// (itself bounded by normalize_options::max_line_bytes).
enum class piece_end : std::uint8_t { anywhere, line_break };

struct normalized_text {
    std::string text;             // normalized UTF-8
    offset_map map;               // text bytes -> original bytes
    std::vector<error> problems;  // invalid UTF-8 replaced (invalid_utf8::replace); offsets are original
};

// Normalizes input that arrives in blocks.  feed() as often as needed, then finish(); each
// complete piece goes to `sink(normalized_text&&)`: its map's normalized offsets start at 0 for
// the piece, its original offsets are offsets into the whole input.
//
//     zhquant::normalizer n({}, 64 * 1024);
//     auto print = [](zhquant::normalized_text&& piece) { std::cout << piece.text; };
//     while (read(block)) if (auto e = n.feed(block, print)) return fail(*e);
//     if (auto e = n.finish(print)) return fail(*e);
class normalizer {
public:
    static constexpr std::size_t default_block_size = std::size_t{1} << 20;
    static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();

    explicit normalizer(normalize_options options = {}, std::size_t block_size = default_block_size,
                        piece_end ends = piece_end::anywhere)
        : options_(options),
          block_size_(std::max<std::size_t>(block_size, 1)),
          ends_(ends),
          nfkc_(&detail::selective_nfkc::get()),
          plain_(&detail::plain_chars::get()) {}

    // The next bytes of the input.  An error with invalid_utf8::fail, or for a line longer than
    // max_line_bytes; it stays.
    template <class Sink>
    std::optional<error> feed(std::string_view bytes, Sink&& sink) {
        while (!bytes.empty() && !error_ && !finished_) {
            if (tail_.empty()) {
                std::size_t const used = process(bytes, false, sink);
                base_ += used;
                if (!error_) tail_.assign(bytes.substr(used));
                break;
            }
            // Complete the few bytes left over from the last call with a few new ones.
            std::size_t const old = tail_.size();
            std::size_t const take = std::min(bytes.size(), tail_window);
            tail_.append(bytes.substr(0, take));
            std::size_t const used = process(tail_, false, sink);
            base_ += used;
            if (used >= old) {
                tail_.clear();
                bytes.remove_prefix(used - old);
            } else {
                tail_.erase(0, used);
                bytes.remove_prefix(take);
            }
        }
        return error_;
    }

    // The end of the input: normalizes what is left and hands out the last piece.
    template <class Sink>
    std::optional<error> finish(Sink&& sink) {
        if (error_ || finished_) return error_;
        std::size_t const used = process(tail_, true, sink);
        base_ += used;
        tail_.clear();
        if (error_) return error_;
        finished_ = true;
        if (run_.active) {
            resolve_run(false, false);
            copy_from_ = base_;
        }
        if (map_.original_end() > map_.original_begin() || !problems_.empty()) {
            normalized_text piece{std::move(out_), std::move(map_), std::move(problems_)};
            out_.clear();
            map_ = offset_map(base_);
            problems_.clear();
            sink(std::move(piece));
        }
        return std::nullopt;
    }

    // Original bytes consumed so far.
    std::size_t consumed() const noexcept { return base_; }

    // Room for the output of `bytes` more input bytes, when they will come as one piece: the text
    // and its map then grow without copying onto fresh pages (see bench/RESULTS.md).
    void reserve(std::size_t bytes) {
        out_.reserve(out_.size() + bytes);
        map_.reserve(bytes / 16);
    }

private:
    static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();
    static constexpr std::size_t tail_window = 256;  // more than one character with its marks
    static constexpr int max_marks = 32;             // marks in one segment; more start a new one

    struct cut_point {
        std::size_t normalized = 0;  // 0: none
        std::size_t original = 0;
    };

    // A whitespace run waiting for the character after it (PDF repair).
    struct run_state {
        bool active = false;
        bool line_break = false;
        std::size_t begin = 0;  // original offsets
        std::size_t end = 0;
        std::size_t newline_at = npos;  // a literal "\n" byte in the run, kept if the run becomes one
        std::size_t space_at = npos;    // a literal " " byte in the run
    };

    // Can no character before `byte`'s character combine with it?  ASCII and U+4000..9FFF: never.
    static bool fast_boundary(char byte) noexcept {
        auto const b = static_cast<unsigned char>(byte);
        return b < 0x80 || (b >= 0xE4 && b <= 0xE9);
    }

    static char32_t first_code_point(std::string_view s) noexcept {
        return s.empty() ? 0 : detail::decode_utf8(s.data(), s.data() + s.size()).code_point;
    }
    static char32_t last_code_point(std::string_view s) noexcept {
        std::size_t i = s.size();
        while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
        return i == 0 ? 0 : detail::decode_utf8(s.data() + i - 1, s.data() + s.size()).code_point;
    }

    // The bytes [copy_from_, base_ + i) are copied unchanged: write them out.
    void flush_copy(std::string_view data, std::size_t i) {
        std::size_t const from = copy_from_ - base_;
        if (i > from) {
            out_.append(data.data() + from, i - from);
            map_.append_copy(i - from);
        }
        copy_from_ = base_ + i;
    }

    // Original data[i, i + original_length) becomes `replacement`.
    void emit(std::string_view data, std::size_t i, std::size_t original_length, std::string_view replacement) {
        flush_copy(data, i);
        out_.append(replacement);
        map_.append_replacement(original_length, replacement.size());
        copy_from_ = base_ + i + original_length;
    }

    // Would the bytes data[i, i + length) make the current line longer than the maximum?  Then
    // that is the error, at the first byte past the maximum.
    bool passes_line_limit(std::size_t i, std::size_t length) {
        if (base_ + i + length - line_begin_ <= options_.max_line_bytes) [[likely]]
            return false;
        error_ = error{line_begin_ + options_.max_line_bytes, line_limit_message("")};
        return true;
    }

    std::string line_limit_message(std::string_view how) const {
        return "line longer than the maximum of " + std::to_string(options_.max_line_bytes) + " bytes" +
               std::string(how) + " (normalize_options::max_line_bytes)";
    }

    void remember(char32_t last) noexcept {
        prev_exists_ = true;
        prev_wide_ = detail::is_wide(last);
        prev_sentence_end_ = detail::is_sentence_final(last) || (prev_sentence_end_ && detail::is_closing_mark(last));
    }

    detail::run_becomes resolve_run(bool after_exists, bool after_wide, bool after_combines = false) {
        using detail::run_becomes;
        run_becomes const r = detail::resolve_whitespace_run(
            {prev_exists_, prev_wide_, prev_sentence_end_, after_exists, after_wide, run_.line_break, after_combines});
        std::size_t const length = run_.end - run_.begin;
        auto const keep = [&](std::size_t at, char c) {
            out_ += c;
            if (at == npos) {
                map_.append_replacement(length, 1);
            } else {
                map_.append_replacement(at - run_.begin, 0);
                map_.append_copy(1);
                map_.append_replacement(run_.end - at - 1, 0);
            }
        };
        if (r == run_becomes::line_break)
            keep(run_.newline_at, '\n');
        else if (r == run_becomes::space)
            keep(run_.space_at, ' ');
        else
            map_.append_replacement(length, 0);
        seen_space_ = true;
        seen_wrap_ = seen_wrap_ || (run_.line_break && r != run_becomes::line_break);
        seen_break_ = seen_break_ || (r == run_becomes::line_break && prev_sentence_end_);
        seen_line_ = seen_line_ || r == run_becomes::line_break;
        run_.active = false;
        return r;
    }

    // Before a character at data[i]: settle the whitespace before it, note where a piece may end,
    // and hand out a piece when the pending output is big enough.  `combines`: the character (as
    // normalized) has no NFKC boundary before it (pdf_repair.hpp, rule 2).
    template <class Sink>
    void before_character(std::string_view data, std::size_t i, bool wide, Sink& sink, bool combines = false) {
        if (run_.active) {
            resolve_run(true, wide, combines);
            copy_from_ = base_ + i;
        }
        cut_point const here{out_.size() + (base_ + i - copy_from_), base_ + i};
        if (seen_space_) space_cut_ = here;
        if (seen_wrap_) wrap_cut_ = here;
        if (seen_break_) sentence_cut_ = here;
        if (seen_line_) {
            line_cut_ = here;
            long_line_ = false;
        }
        seen_space_ = seen_wrap_ = seen_break_ = seen_line_ = false;
        if (here.normalized < block_size_) return;
        cut_point at = sentence_cut_.normalized > 0 ? sentence_cut_
                       : space_cut_.normalized > 0  ? space_cut_
                                                    : here;
        if (ends_ == piece_end::line_break) {
            at = sentence_cut_.normalized > 0 ? sentence_cut_ : line_cut_;
            if (at.normalized == 0) {  // a line longer than the block: wait for its end
                long_line_ = true;
                // ...unless the line as normalized is over the maximum: input lines under it that
                // the PDF repair joined (a break between two Chinese characters is a wrap) would
                // otherwise be held whole, however many.  The piece ends at the last wrap, where a
                // line ended in the input: what follows it is one input line, under the maximum.
                if (here.normalized <= options_.max_line_bytes) return;
                if (wrap_cut_.normalized == 0) {  // no wrap since the last piece
                    error_ = error{here.original, line_limit_message(" once the PDF repair joins its lines")};
                    return;
                }
                at = wrap_cut_;
            }
        }
        flush_copy(data, i);
        // The piece is most of out_, so it takes out_'s buffer and only the text after the cut is
        // copied, into the buffer the last piece gave back: no piece allocates or grows a buffer
        // once two have gone by.
        normalized_text piece;
        piece.text.swap(out_);
        out_.swap(spare_text_);
        out_.reserve(piece.text.capacity());  // the first time: room for a block without regrowing
        out_.assign(piece.text, at.normalized, std::string::npos);
        piece.text.resize(at.normalized);
        piece.map = map_.take_front(at.normalized, at.original);
        auto const split = std::find_if(problems_.begin(), problems_.end(),
                                        [&](error const& e) { return e.offset >= at.original; });
        piece.problems.assign(std::make_move_iterator(problems_.begin()), std::make_move_iterator(split));
        problems_.erase(problems_.begin(), split);
        for (cut_point* c : {&sentence_cut_, &space_cut_, &line_cut_, &wrap_cut_})
            *c = c->normalized > at.normalized ? cut_point{c->normalized - at.normalized, c->original} : cut_point{};
        sink(std::move(piece));
        spare_text_ = std::move(piece.text);  // empty if the sink kept the text
        spare_text_.clear();
    }

    // Whitespace at data[i, i + length).  `literal` is the offset of a byte in it that is already
    // the "\n" or " " the whitespace may become.
    void whitespace(std::string_view data, std::size_t i, std::size_t length, bool line_break, std::size_t literal,
                    char32_t c) {
        if (line_break) line_begin_ = base_ + i + length;
        if (!options_.repair_pdf) {
            seen_space_ = true;
            seen_break_ = seen_break_ || (line_break && prev_sentence_end_);
            seen_line_ = seen_line_ || line_break;
            if (c == ' ' || c == '\t' || c == '\n') return;  // stays in the copied run
            if (c == '\r' && length == 2)
                emit(data, i, 1, {});  // CRLF: drop the CR, copy the LF
            else
                emit(data, i, length, line_break ? "\n" : " ");
            return;
        }
        if (!run_.active) {
            flush_copy(data, i);
            run_ = run_state{};
            run_.active = true;
            run_.begin = base_ + i;
        }
        run_.end = base_ + i + length;
        if (line_break) {
            run_.line_break = true;
            if (run_.newline_at == npos) run_.newline_at = literal;
        } else if (run_.space_at == npos) {
            run_.space_at = literal;
        }
    }

    void invisible(std::string_view data, std::size_t i, std::size_t length) {
        if (run_.active)
            run_.end = base_ + i + length;
        else
            emit(data, i, length, {});
    }

    // Copies `now` (normalized, same length as `before`, which are original bytes), one piece per
    // code point that differs (a traditional character folded inside an unchanged stretch).
    void append_folded(char const* before, char const* now, std::size_t length) {
        std::size_t same = 0;
        for (std::size_t k = 0; k < length;) {
            std::size_t const n = detail::decode_utf8(now + k, now + length).length;
            if (std::memcmp(before + k, now + k, n) == 0) {
                same += n;
            } else {
                map_.append_copy(same);
                map_.append_replacement(n, n);
                same = 0;
            }
            k += n;
        }
        map_.append_copy(same);
        out_.append(now, length);
    }

    // A character with the marks that combine with it, data[i, j), that NFKC changes or may change.
    template <class Sink>
    void normalized_character(std::string_view data, std::size_t i, std::size_t j, Sink& sink) {
        scratch_.clear();
        edits_.clear();
        nfkc_->normalize(data.substr(i, j - i), scratch_, edits_);
        if (options_.fold_traditional) {
            for (std::size_t k = 0; k < scratch_.size();) {
                auto const u = detail::decode_utf8(scratch_.data() + k, scratch_.data() + scratch_.size());
                char32_t const f = fold_traditional(u.code_point);
                if (f != u.code_point) detail::encode_utf8(f, scratch_.data() + k);  // 3 bytes to 3 bytes
                k += u.length;
            }
        }
        if (scratch_.empty()) {
            invisible(data, i, j - i);
            return;
        }
        char32_t const first = first_code_point(scratch_);
        before_character(data, i, detail::is_wide(first), sink, run_.active && !nfkc_->has_boundary_before(first));
        flush_copy(data, i);
        std::size_t from = i, to = 0;
        for (detail::nfkc_edit const& e : edits_) {
            if (e.changed) {
                out_.append(scratch_, to, e.normalized_length);
                map_.append_replacement(e.original_length, e.normalized_length);
            } else {
                append_folded(data.data() + from, scratch_.data() + to, e.original_length);
            }
            from += e.original_length;
            to += e.normalized_length;
        }
        copy_from_ = base_ + j;
        remember(last_code_point(scratch_));
    }

    // A character that NFKC leaves alone, data[i, i + length).
    template <class Sink>
    void plain_character(std::string_view data, std::size_t i, std::size_t length, char32_t c, Sink& sink) {
        char32_t const f = options_.fold_traditional ? fold_traditional(c) : c;
        before_character(data, i, detail::is_wide(f), sink, run_.active && !nfkc_->has_boundary_before(f));
        if (f != c) {
            char buffer[4];
            emit(data, i, length, std::string_view(buffer, detail::encode_utf8(f, buffer)));
        }
        remember(f);
    }

    // The flags (plain_chars.hpp) and length of the character at s[k], when it is ASCII or a
    // well-formed three-byte sequence; 0 flags otherwise.
    ZHQUANT_ALWAYS_INLINE std::uint8_t fast_flags(char const* s, std::size_t k, std::size_t n,
                                                  std::size_t& length) const noexcept {
        auto const b0 = static_cast<unsigned char>(s[k]);
        length = 1;
        if (b0 < 0x80) return plain_->flags(b0);
        if (n - k >= 4) {  // the common case (utf8_word.hpp)
            char32_t const c = detail::three_byte_code_point(s + k);
            if (c == detail::not_three_byte || c < 0x800) return 0;  // not three bytes, or overlong
            length = 3;
            return plain_->flags(c);
        }
        if ((b0 & 0xF0) != 0xE0 || n - k < 3) return 0;
        auto const b1 = static_cast<unsigned char>(s[k + 1]);
        auto const b2 = static_cast<unsigned char>(s[k + 2]);
        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
        char32_t const c = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
        if (c < 0x800) return 0;  // overlong
        length = 3;
        return plain_->flags(c);
    }

    // Whether the space or line break at data[i] (one byte, data[i + 1] there) is removed by the
    // PDF repair as a run of its own: after a character that is not a sentence end (for a line
    // break), before a plain character that stands alone (nothing combines with it), one of the
    // two wide (pdf_repair.hpp, rule 3).  That is the PDF's letter spacing and line wrap, a tenth
    // of the characters of some reports, and it is removed without a run's bookkeeping.
    // `before_wide`, `before_sentence_end`: what is remembered of the character before it.
    // Returns the flags of the character after it (its length in `after_length`), 0 when the
    // space stays for the character-by-character path.
    ZHQUANT_ALWAYS_INLINE std::uint8_t lone_space_flags(std::string_view data, std::size_t i, bool before_wide,
                                                        bool before_sentence_end,
                                                        std::size_t& after_length) const noexcept {
        using flag = detail::plain_chars;
        if (!options_.repair_pdf || (before_sentence_end && data[i] == '\n')) return 0;
        std::uint8_t const after = fast_flags(data.data(), i + 1, data.size(), after_length);
        if (!(after & flag::plain) || !(before_wide || (after & flag::wide)) || i + 1 + after_length >= data.size())
            return 0;
        std::size_t following_length = 0;
        return (fast_flags(data.data(), i + 1 + after_length, data.size(), following_length) & flag::boundary) ? after
                                                                                                               : 0;
    }

    // Removes that space or line break: the text before it is copied out, a line break starts a
    // line.  The caller notes that a piece may end after it.
    void remove_lone_space(std::string_view data, std::size_t i) {
        if (data[i] == '\n') line_begin_ = base_ + i + 1;
        flush_copy(data, i);
        map_.append_replacement(1, 0);
        copy_from_ = base_ + i + 1;
    }

    // The end of the run of characters copied as they are at data[i], taken without looking at
    // them one by one: the first is settled like any character (before_character: the
    // whitespace before it, a piece handed out), the others would change nothing but what is
    // remembered of the last (its width, whether a sentence ended: remember()).  A character is
    // taken only when the one after it is seen to start a new segment (nothing combines with
    // it), while it keeps the pending output under the block size and its line under the
    // maximum; the rest is left to the character-by-character path.
    template <class Sink>
    std::size_t plain_run(std::string_view data, std::size_t i, Sink& sink) {
        using flag = detail::plain_chars;
        char const* const s = data.data();
        std::size_t const n = data.size();
        std::size_t length = 0, next_length = 0;
        std::uint8_t flags = fast_flags(s, i, n, length);
        if (!(flags & flag::copied) || i + length >= n) return i;
        std::uint8_t next = fast_flags(s, i + length, n, next_length);
        if (!(next & flag::boundary) || base_ + i + length - line_begin_ > options_.max_line_bytes) return i;
        before_character(data, i, (flags & flag::wide) != 0, sink);
        // remember()'s sentence end, from the flags
        auto const ends_sentence = [](std::uint8_t f, bool before) {
            return (f & flag::sentence_final) != 0 || (before && (f & flag::closing) != 0);
        };
        bool last_wide = (flags & flag::wide) != 0;
        bool sentence_end = ends_sentence(flags, prev_sentence_end_);
        std::size_t k = i + length;
        flags = next;
        length = next_length;

        std::size_t const pending = out_.size() + (base_ + k - copy_from_);
        // Waiting for a long line's end, a piece cannot end before the next line break anyway; the
        // run stops where the line passes the maximum, for before_character to say so.
        std::size_t const line_left = options_.max_line_bytes > pending ? options_.max_line_bytes - pending : 0;
        std::size_t const block_room = long_line_ ? line_left : block_size_ > pending ? block_size_ - pending : 0;
        std::size_t const start_limit = k + std::min(block_room, n - k);  // a character must start before
        std::size_t end_limit = 0;   // and end at or before
        std::size_t fast_limit = 0;  // the fast loop's, which reads a word past the next character
        auto const line_limits = [&] {
            std::size_t const line_used = base_ + k - line_begin_;
            std::size_t const line_room = options_.max_line_bytes > line_used ? options_.max_line_bytes - line_used : 0;
            end_limit = k + std::min(line_room, n - k);
            fast_limit = std::min({start_limit, end_limit > 2 ? end_limit - 2 : 0, n > 6 ? n - 6 : 0});
        };
        line_limits();
        while (true) {
            // The bulk of a report: plain three-byte characters after plain three-byte characters,
            // each taken with one word load and one bit while all the limits are far; only the
            // last two characters' flags are looked up.
            auto const fast_ahead = [&] {
                return length == 3 && (flags & flag::plain) && k < fast_limit &&
                       plain_->plain_three_byte(detail::utf8_word(s + k + 3));
            };
            if (fast_ahead()) {
                do k += 3;
                while (k < fast_limit && plain_->plain_three_byte(detail::utf8_word(s + k + 3)));
                last_wide = (plain_->flags(detail::three_byte_code_point(s + k - 3)) & flag::wide) != 0;
                sentence_end = false;
                flags = plain_->flags(detail::three_byte_code_point(s + k));
            }
            // The others one by one, back to the word-at-a-time loop as soon as it can go on
            // (after a comma or a digit, most of a line is still ahead).
            bool back_to_fast = false;
            while ((flags & flag::copied) && k < start_limit && k + length <= end_limit && k + length < n) {
                // A run of plain ASCII (digits, commas, Latin letters) a byte a step: each is taken
                // as the steps below would, and leaves the last neither wide nor a sentence end.
                // The run stops a byte short of the limits, so that the loop's test holds for the
                // character it ends at.
                if (length == 1 && (flags & flag::plain)) {
                    std::size_t const stop = std::min({start_limit, end_limit, n - 1}) - 1;
                    if (k < stop && plain_->plain_ascii(s[k + 1])) {
                        do ++k;
                        while (k < stop && plain_->plain_ascii(s[k + 1]));
                        last_wide = false;
                        sentence_end = false;
                        flags = plain_->flags(static_cast<unsigned char>(s[k]));
                    }
                }
                next = fast_flags(s, k + length, n, next_length);
                if (!(next & flag::boundary)) break;
                last_wide = (flags & flag::wide) != 0;
                sentence_end = ends_sentence(flags, sentence_end);
                k += length;
                flags = next;
                length = next_length;
                if (fast_ahead()) {
                    back_to_fast = true;
                    break;
                }
            }
            if (back_to_fast) continue;
            // The PDF's letter spacing and line wrap inside the run: a lone space or line break,
            // with a plain character after it that the run can take, is removed here (as
            // process() would, a piece's cut noted after it) and the run goes on.
            if (k + 1 >= start_limit || (s[k] != ' ' && s[k] != '\n')) break;
            bool const line_break = s[k] == '\n';
            std::uint8_t const after = lone_space_flags(data, k, last_wide, sentence_end, next_length);
            if (!after) break;
            if (!line_break && k + 1 > end_limit) break;  // past the line's maximum: process() says so
            remove_lone_space(data, k);
            space_cut_ = cut_point{out_.size(), base_ + k + 1};
            if (line_break) wrap_cut_ = space_cut_;
            ++k;
            flags = after;
            length = next_length;
            if (line_break) line_limits();
        }
        prev_exists_ = true;
        prev_wide_ = last_wide;
        prev_sentence_end_ = sentence_end;
        return k;
    }

    // Normalizes data (at original offset base_) as far as it can be without seeing what follows
    // it, unless `final`.  Returns how many bytes it consumed.
    template <class Sink>
    std::size_t process(std::string_view data, bool final, Sink& sink) {
        char const* const s = data.data();
        std::size_t const n = data.size();
        if (!run_.active) copy_from_ = base_;
        std::size_t i = 0;
        while (i < n && !error_) {
            if (std::size_t const j = plain_run(data, i, sink); j > i) {
                i = j;
                continue;
            }
            auto const b = static_cast<unsigned char>(s[i]);
            if (std::size_t after_length = 0; (b == ' ' || b == '\n') && i + 1 < n && !run_.active && prev_exists_ &&
                                              lone_space_flags(data, i, prev_wide_, prev_sentence_end_, after_length)) {
                if (b == ' ' && passes_line_limit(i, 1)) break;
                remove_lone_space(data, i);
                seen_space_ = true;  // as resolve_run would: a piece may end here
                seen_wrap_ = seen_wrap_ || b == '\n';
                ++i;
                continue;
            }
            if (b > 0x20 && b < 0x7F) {  // printable ASCII, the common case
                if (i + 1 == n && !final) break;
                if (i + 1 == n || fast_boundary(s[i + 1])) {
                    if (passes_line_limit(i, 1)) break;
                    plain_character(data, i, 1, b, sink);
                    ++i;
                    continue;
                }
            }
            detail::utf8_unit const u = detail::decode_utf8(s + i, s + n);
            if (u.at_end && !final) break;
            if (u.status != detail::utf8_status::valid) {
                error problem{base_ + i, detail::describe_invalid_utf8(s + i, u)};
                if (options_.on_invalid == invalid_utf8::fail) {
                    error_ = std::move(problem);
                    break;
                }
                if (passes_line_limit(i, u.length)) break;
                problems_.push_back(std::move(problem));
                before_character(data, i, false, sink);
                emit(data, i, u.length, "\xEF\xBF\xBD");
                remember(0xFFFD);
                i += u.length;
                continue;
            }
            char32_t const c = u.code_point;
            if (c == '\r') {
                if (i + 1 == n && !final) break;
                bool const crlf = i + 1 < n && s[i + 1] == '\n';
                whitespace(data, i, crlf ? 2 : 1, true, crlf ? base_ + i + 1 : npos, c);
                i += crlf ? 2 : 1;
                continue;
            }
            detail::space_kind const kind = detail::classify_space(c);
            if (kind != detail::space_kind::line_break && passes_line_limit(i, u.length)) break;
            if (kind == detail::space_kind::invisible) {
                invisible(data, i, u.length);
                i += u.length;
                continue;
            }
            if (kind != detail::space_kind::none) {
                bool const literal = c == '\n' || c == ' ';
                whitespace(data, i, u.length, kind == detail::space_kind::line_break, literal ? base_ + i : npos, c);
                i += u.length;
                continue;
            }
            // A character, and the marks after it that may combine with it.
            std::size_t j = i + u.length;
            bool dirty = nfkc_->needs_normalization(c);
            bool wait = false;
            for (int marks = 0;; ++marks) {
                if (j == n) {
                    wait = !final;
                    break;
                }
                if (fast_boundary(s[j])) break;
                detail::utf8_unit const v = detail::decode_utf8(s + j, s + n);
                if (v.at_end && !final) {
                    wait = true;
                    break;
                }
                if (v.status != detail::utf8_status::valid || v.code_point == '\r' ||
                    detail::classify_space(v.code_point) != detail::space_kind::none || marks == max_marks ||
                    nfkc_->has_boundary_before(v.code_point))
                    break;
                dirty = true;
                j += v.length;
            }
            if (wait || passes_line_limit(i, j - i)) break;
            if (dirty)
                normalized_character(data, i, j, sink);
            else
                plain_character(data, i, u.length, c, sink);
            i = j;
        }
        if (!run_.active) flush_copy(data, i);
        return i;
    }

    normalize_options options_;
    std::size_t block_size_;
    piece_end ends_;
    detail::selective_nfkc const* nfkc_;
    detail::plain_chars const* plain_;

    std::size_t base_ = 0;  // original offset of the next byte to process
    std::size_t line_begin_ = 0;  // original offset where the current line began
    std::string tail_;      // bytes received but not yet processed
    std::optional<error> error_;
    bool finished_ = false;

    // The output not yet handed out.
    std::string out_;
    std::string spare_text_;  // a handed-out piece's buffer, for the next piece's rest
    offset_map map_;
    std::vector<error> problems_;
    std::size_t copy_from_ = 0;  // original offset where the pending unchanged run starts

    // PDF repair state: the pending whitespace run and the last character before it.
    run_state run_;
    bool prev_exists_ = false;
    bool prev_wide_ = false;
    bool prev_sentence_end_ = false;

    // Where the pending output may be cut into pieces.
    bool seen_space_ = false;  // whitespace since the last character
    bool seen_wrap_ = false;   // a line break removed (a wrap joined) since the last character
    bool seen_break_ = false;  // a line break kept after a sentence end since the last character
    bool seen_line_ = false;   // a line break kept since the last character
    bool long_line_ = false;   // piece_end::line_break: the pending output is over the block size, with no line break
    cut_point sentence_cut_;
    cut_point space_cut_;
    cut_point line_cut_;
    cut_point wrap_cut_;  // after the last wrap joined: where a joined line past the maximum is cut

    std::string scratch_;
    std::vector<detail::nfkc_edit> edits_;
};

// Normalizes a whole text.  An error with invalid_utf8::fail, or for a line longer than
// options.max_line_bytes.
inline result<normalized_text> normalize(std::string_view original, normalize_options options = {}) {
    normalizer n(options, normalizer::unlimited);
    n.reserve(original.size());
    normalized_text whole;
    auto keep = [&whole](normalized_text&& piece) { whole = std::move(piece); };
    if (auto e = n.feed(original, keep)) return *e;
    if (auto e = n.finish(keep)) return *e;
    return whole;
}

// Normalizes a stream block by block; `sink(normalized_text&&)` receives the pieces (see
// normalizer).  Returns the number of original bytes read, or the error (invalid_utf8::fail, a
// line too long).
template <class Sink>
result<std::size_t> normalize_stream(std::istream& in, Sink&& sink, normalize_options options = {},
                                     std::size_t block_size = normalizer::default_block_size) {
    normalizer n(options, block_size);
    std::string block(std::clamp<std::size_t>(block_size, 1, normalizer::default_block_size), '\0');
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        auto const got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        if (auto e = n.feed(std::string_view(block.data(), got), sink)) return *e;
    }
    if (auto e = n.finish(sink)) return *e;
    return n.consumed();
}

}  // namespace zhquant
