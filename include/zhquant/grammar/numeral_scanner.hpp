// scan_numeral: reads one numeral in any script, as its raw parts, with no X3 in sight — the
// `numeral` primitive (numeral.hpp) wraps it for grammars; the mention reader calls it directly.
//
//     numeral_parts parts;
//     char const* end = zhquant::grammar::scan_numeral(first, last, zhquant::number_style::smart, parts);
//     // "两千三百五" -> 5 tokens; "1.2万" -> 2; "二〇二四" -> 1 (a digit string); "三四百" -> 2
//
// Reads Arabic (`36923`, `1,234.56`, full-width `３６９`), Chinese (`一千零五`, `八十七亿六千万`,
// `九万四`), financial (`壹佰捌拾壹`, traditional `貳萬`), mixed (`3万5千`, `1.2万亿`, `200亿零四千230`),
// digit strings (`二〇二四`), decimals with 点, vague digits (`十几`, `三四百`, `数百`) and 余/多
// before a scale (`130余万`).  Spaces between the characters of one numeral are read through
// (`一百 五 十 二`), as PDF conversion leaves them.  It never reads a sign, a unit or a qualifier:
// those are the jobs of the `number` rule and of the mentions layer.
//
// Why a scanner and not X3 rules: the structure of a Chinese numeral (places that only
// decrease, 零 that stands for skipped places, a last digit that stands for the next place down)
// is a small state machine.  Written as X3 alternatives it needs backtracking over container
// attributes; written by hand it is one linear pass that stops at the longest valid numeral.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/detail/word_bytes.hpp>
#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/number_style.hpp>

#include <array>
#include <cstddef>
#include <iterator>

namespace zhquant::grammar {

namespace detail {

using zhquant::detail::numeral_char;
using zhquant::detail::numeral_char_kind;

// One lexical piece of a numeral: a Chinese numeral character or a run of Arabic digits.
struct numeral_lexeme {
    enum class kind : unsigned char { none, chinese, arabic } type = kind::none;
    numeral_char ch;
    char const* begin = nullptr;
    char const* end = nullptr;
    bool arabic_point = false;   // an Arabic run with a decimal point
    bool arabic_grouped = false; // an Arabic run with thousands separators
};

// Whether [p, end) starts with `s` (word_bytes.hpp).
inline bool starts_with_bytes(char const* p, char const* end, std::string_view s) noexcept {
    return zhquant::detail::starts_with_word(std::string_view(p, static_cast<std::size_t>(end - p)), s);
}

// Arabic digits with optional thousands groups (`1,234`, `1，234`) and decimal part (`.5`, `．5`).
inline numeral_lexeme lex_arabic(char const* p, char const* end) noexcept {
    numeral_lexeme lx;
    char const* q = p;
    std::size_t len = 0;
    int int_digits = 0;
    for (; q < end && *q >= '0' && *q <= '9'; ++q) ++int_digits;  // ASCII, the common case
    if (q < end && static_cast<unsigned char>(*q) >= 0x80) {      // full-width digits go on
        while (zhquant::detail::arabic_digit_at(q, end, len) >= 0) {
            q += len;
            ++int_digits;
        }
    }
    // A comma groups digits only as `d,ddd` with exactly three digits after it.
    auto group_at = [&](char const* at) -> char const* {
        std::size_t sep = 0;
        if (at < end && *at == ',') sep = 1;
        else if (starts_with_bytes(at, end, "，")) sep = 3;
        else return nullptr;
        char const* g = at + sep;
        for (int i = 0; i < 3; ++i) {
            if (zhquant::detail::arabic_digit_at(g, end, len) < 0) return nullptr;
            g += len;
        }
        if (zhquant::detail::arabic_digit_at(g, end, len) >= 0) return nullptr;
        return g;
    };
    if (int_digits >= 1 && int_digits <= 3) {
        while (char const* g = group_at(q)) {
            q = g;
            lx.arabic_grouped = true;
        }
    }
    std::size_t point = 0;
    if (q < end && *q == '.') point = 1;
    else if (starts_with_bytes(q, end, "．")) point = 3;
    if (point && zhquant::detail::arabic_digit_at(q + point, end, len) >= 0) {
        q += point;
        while (zhquant::detail::arabic_digit_at(q, end, len) >= 0) q += len;
        lx.arabic_point = true;
    }
    if (q == p || (int_digits == 0 && !lx.arabic_point)) return lx;
    // Scientific notation, 2e5 or 1.2E-3, but not the start of a word (5Ghz, 3ed).
    if (q < end && (*q == 'e' || *q == 'E')) {
        char const* e = q + 1;
        if (e < end && (*e == '+' || *e == '-')) ++e;
        else if (starts_with_bytes(e, end, "－")) e += 3;
        char const* digits = e;
        while (zhquant::detail::arabic_digit_at(e, end, len) >= 0) e += len;
        bool const letter_after = e < end && ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z'));
        if (e != digits && !letter_after) {
            q = e;
            lx.arabic_point = true;  // a scaled value, like a decimal: no places may follow it
        }
    }
    lx.type = numeral_lexeme::kind::arabic;
    lx.begin = p;
    lx.end = q;
    return lx;
}

inline numeral_lexeme lex_numeral(char const* p, char const* end) noexcept {
    if (p >= end) return {};
    if (static_cast<unsigned char>(*p) < 0x80) {  // no ASCII character is a Chinese numeral's
        if ((*p >= '0' && *p <= '9') || *p == '.') return lex_arabic(p, end);
        return {};
    }
    char32_t const c = zhquant::detail::decode_three_byte_utf8(p, end);
    if (c == 0) return {};
    if ((c >= U'０' && c <= U'９') || c == U'．') return lex_arabic(p, end);
    numeral_lexeme lx;
    lx.ch = zhquant::detail::classify_numeral_char(c);
    if (lx.ch.kind == numeral_char_kind::none || lx.ch.kind == numeral_char_kind::minus) return {};
    lx.type = numeral_lexeme::kind::chinese;
    lx.begin = p;
    lx.end = p + 3;
    return lx;
}

inline bool is_digit_char(numeral_lexeme const& lx) noexcept {
    return lx.type == numeral_lexeme::kind::chinese && lx.ch.kind == numeral_char_kind::digit;
}
inline bool is_zero_char(numeral_lexeme const& lx) noexcept {
    return lx.type == numeral_lexeme::kind::chinese && lx.ch.kind == numeral_char_kind::zero;
}

// 三四, 七八, 一两, 两三, 三五: two digits that name a small range, not a two-digit number.
inline bool is_digit_pair(numeral_char a, numeral_char b) noexcept {
    return (b.value == a.value + 1) || (a.value == 3 && b.value == 5);
}

// Digits after 点: Chinese digits or zeros (never 两), or in the smart style one Arabic run.
inline char const* scan_fraction_digits(char const* p, char const* end, number_style style) noexcept {
    char const* q = p;
    while (true) {
        numeral_lexeme lx = lex_numeral(q, end);
        if ((is_digit_char(lx) && !lx.ch.pair_word) || is_zero_char(lx)) q = lx.end;
        else break;
    }
    if (q != p) return q;
    if (style == number_style::smart) {
        numeral_lexeme lx = lex_numeral(p, end);
        if (lx.type == numeral_lexeme::kind::arabic && !lx.arabic_point && !lx.arabic_grouped &&
            *p != '.')
            return lx.end;
    }
    return nullptr;
}

inline bool fraction_ends_in_zero(char const* begin, char const* end) noexcept {
    if (end - begin < 3) return false;
    return zhquant::detail::classify_numeral_char(
               zhquant::detail::decode_three_byte_utf8(end - 3, end))
               .kind == numeral_char_kind::zero;
}

// The state machine.  It records, after every step, whether the numeral could end there;
// when a step is not allowed it stops and returns the last place where it could.
class numeral_scanner {
public:
    numeral_scanner(char const* begin, char const* end, number_style style) noexcept
        : begin_(begin), end_(end), style_(style) {}

    // The end of the longest valid numeral at `begin`, or nullptr; `out` holds its parts.
    char const* run(numeral_parts& out) {
        tokens_ = &out.tokens;
        tokens_->clear();
        form_ = {};
        char const* p = begin_;
        while (true) {
            char const* q = p;
            if (last_ != state::start) {
                while (q < end_ && *q == ' ') ++q;
            }
            numeral_lexeme lx = lex_numeral(q, end_);
            if (lx.type == numeral_lexeme::kind::none || !step(lx)) break;
            p = position_;
            if (can_end()) {
                best_end_ = p;
                best_tokens_ = tokens_->size();
                best_form_ = form_;
                best_form_.elided = ends_elided();
                best_over_ = inner_over_;
            }
        }
        if (!best_end_) return nullptr;
        tokens_->resize(best_tokens_);
        out.form = best_form_;
        out.inner_over = best_over_;
        return best_end_;
    }

private:
    enum class state : unsigned char { start, digit, arabic, unit, scale, zero, fraction, inner_over };

    void push(numeral_token_kind kind, char const* b, char const* e, std::uint8_t exponent = 0,
              std::uint8_t low = 0, std::uint8_t high = 0, bool arabic = false) {
        tokens_->push_back(numeral_token{kind, exponent, low, high, arabic,
                                         std::string_view(b, static_cast<std::size_t>(e - b))});
        position_ = e;
    }

    bool strict() const noexcept { return style_ == number_style::strict; }
    bool smart() const noexcept { return style_ == number_style::smart; }

    bool step(numeral_lexeme const& lx) {
        if (lx.type == numeral_lexeme::kind::arabic) return arabic(lx);
        if (lx.ch.circle && strict()) return false;
        switch (lx.ch.kind) {
            case numeral_char_kind::digit:
            case numeral_char_kind::vague: return digit(lx);
            case numeral_char_kind::zero: return zero(lx);
            case numeral_char_kind::tens: return tens(lx);
            case numeral_char_kind::unit: return unit(lx.ch.exponent, lx);
            case numeral_char_kind::scale: return scale(lx);
            case numeral_char_kind::point: return point(lx);
            case numeral_char_kind::inner_over: return inner_over(lx);
            default: return false;
        }
    }

    void note_chinese(numeral_lexeme const& lx) {
        form_.chinese = true;
        form_.financial = form_.financial || lx.ch.financial;
    }

    bool digit(numeral_lexeme const& lx) {
        if (last_ != state::start && last_ != state::unit && last_ != state::scale && last_ != state::zero)
            return false;
        if (frozen_) return false;
        bool const vague = lx.ch.kind == numeral_char_kind::vague;
        numeral_lexeme const next = lex_numeral(lx.end, end_);
        if (!vague && is_digit_char(next) && !next.ch.pair_word && !lx.ch.pair_word && last_ == state::start &&
            !is_digit_pair(lx.ch, next.ch))
            return digit_string(lx);
        if (!vague && is_zero_char(next) && last_ == state::start && !lx.ch.pair_word) return digit_string(lx);
        std::uint8_t low = vague ? 1 : lx.ch.value;
        std::uint8_t high = vague ? 9 : lx.ch.value;
        char const* e = lx.end;
        if (!vague && is_digit_char(next) && is_digit_pair(lx.ch, next.ch)) {
            // A pair followed by a third digit is a digit string (一二三), not a range.
            numeral_lexeme const third = lex_numeral(next.end, end_);
            if (is_digit_char(third) || is_zero_char(third)) {
                if (last_ != state::start || lx.ch.pair_word || next.ch.pair_word) return false;
                return digit_string(lx);
            }
            high = next.ch.value;
            e = next.end;
            form_.vague = true;
            note_chinese(next);
        }
        if (vague) {
            form_.vague = true;
            if (last_ == state::start) form_.bare_unit = true;
        }
        note_chinese(lx);
        push(numeral_token_kind::digit, lx.begin, e, 0, low, high);
        vague_alone_ = vague;
        // 几 and 数 open a numeral only before a place (几十, 数百); 数 never ends one (数据).
        needs_place_ = vague && (last_ == state::start || lx.ch.value == 1);
        zero_digit_ = !vague && low == 0;
        last_ = state::digit;
        return true;
    }

    // 一七二零, 二〇二四, 零一: digits read place by place, then at most a fraction.
    bool digit_string(numeral_lexeme const& first) {
        if (strict()) return false;
        char const* q = first.begin;
        while (true) {
            numeral_lexeme lx = lex_numeral(q, end_);
            if ((is_digit_char(lx) && !lx.ch.pair_word) || is_zero_char(lx)) {
                if (lx.ch.circle && strict()) return false;
                note_chinese(lx);
                q = lx.end;
            } else {
                break;
            }
        }
        push(numeral_token_kind::digits, first.begin, q);
        form_.digit_string = true;
        last_ = state::fraction;  // only 点 and its digits may follow
        digit_string_ = true;
        return true;
    }

    bool zero(numeral_lexeme const& lx) {
        note_chinese(lx);
        if (last_ == state::start) {
            // 零, 零点五: a leading zero is the digit 0; before a place (零十) it only fills.
            numeral_lexeme const next = lex_numeral(lx.end, end_);
            if ((is_digit_char(next) && !next.ch.pair_word) || is_zero_char(next)) return digit_string(lx);
            if (next.type == numeral_lexeme::kind::chinese && next.ch.kind == numeral_char_kind::unit &&
                !strict()) {
                push(numeral_token_kind::zero, lx.begin, lx.end);
                zero_before_ = true;
                last_ = state::zero;
                return true;
            }
            push(numeral_token_kind::digit, lx.begin, lx.end, 0, 0, 0);
            zero_digit_ = true;
            last_ = state::digit;
            return true;
        }
        if (last_ != state::unit && last_ != state::scale) return false;
        if (frozen_) return false;
        push(numeral_token_kind::zero, lx.begin, lx.end);
        zero_before_ = true;
        last_ = state::zero;
        return true;
    }

    bool tens(numeral_lexeme const& lx) {
        if (last_ != state::start && last_ != state::scale && last_ != state::zero) return false;
        if (section_unit_ <= 1 || frozen_) return false;
        note_chinese(lx);
        push(numeral_token_kind::digit, lx.begin, lx.end, 0, lx.ch.value, lx.ch.value);
        push(numeral_token_kind::unit, lx.begin, lx.end, 1);
        section_unit_ = 1;
        last_place_ = 1;
        zero_before_ = false;
        last_ = state::unit;
        return true;
    }

    bool unit(int u, numeral_lexeme const& lx) {
        if (frozen_) return false;
        if (u >= section_unit_) return false;
        bool const after_number = last_ == state::digit || last_ == state::arabic;
        if (after_number) {
            if (zero_digit_) return false;
            if (last_ == state::arabic && arabic_decimal_) return false;
            if (strict() && !strict_place_ok(u)) return false;
        } else if (last_ == state::start) {
            if (u > 1 && !smart()) return false;
            form_.bare_unit = true;
        } else if (last_ == state::zero) {
            if (strict() && !strict_place_ok(u)) return false;
        } else if (last_ == state::unit) {
            if (u != 1 || strict()) return false;  // 一百十一
        } else {
            return false;
        }
        note_chinese(lx);
        push(numeral_token_kind::unit, lx.begin, lx.end, static_cast<std::uint8_t>(u));
        section_unit_ = u;
        last_place_ = u;
        zero_before_ = false;
        vague_alone_ = needs_place_ = false;
        last_ = state::unit;
        return true;
    }

    // The strict style's 零 rule: a skipped place needs a 零, and a 零 needs a skipped place.
    bool strict_place_ok(int place) const noexcept {
        if (last_place_ < 0) return true;
        int const gap = last_place_ - place;
        if (zero_before_) return gap > 1;
        bool const same_section = last_place_ < 4;
        return !same_section || gap <= 1;
    }

    bool scale(numeral_lexeme const& lx) {
        int const s = lx.ch.exponent;
        bool const consecutive = last_ == state::scale;
        switch (last_) {
            case state::digit:
                if (zero_digit_) return false;
                break;
            case state::arabic:
            case state::unit:
            case state::scale:
            case state::inner_over: break;
            case state::fraction:
                if (has_scale_ || digit_string_) return false;
                break;
            default: return false;
        }
        if (frozen_ && !consecutive) return false;
        if (consecutive) {
            groups_[group_count_ - 1] += s;
        } else {
            // Everything below this scale becomes its multiplier; the same scale twice is not a numeral.
            std::size_t kept = 0;
            for (std::size_t i = 0; i < group_count_; ++i) {
                if (groups_[i] == s) return false;
                if (groups_[i] > s) groups_[kept++] = groups_[i];
            }
            if (kept == groups_.size()) return false;
            group_count_ = kept;
            groups_[group_count_++] = s;
        }
        if (last_ == state::fraction || (last_ == state::arabic && arabic_decimal_)) frozen_ = true;
        note_chinese(lx);
        push(numeral_token_kind::scale, lx.begin, lx.end, static_cast<std::uint8_t>(s));
        has_scale_ = true;
        section_unit_ = 4;
        last_place_ = s;
        zero_before_ = false;
        vague_alone_ = needs_place_ = false;
        trailing_mega_ = s == 12;
        last_ = state::scale;
        return true;
    }

    bool point(numeral_lexeme const& lx) {
        if (has_fraction_ || frozen_) return false;
        switch (last_) {
            case state::digit:
                if (vague_alone_ || form_.vague) return false;
                break;
            case state::unit:
            case state::scale: break;
            case state::arabic:
                if (arabic_decimal_) return false;
                break;
            case state::fraction:
                if (!digit_string_) return false;
                break;
            default: return false;
        }
        char const* q = lx.end;
        while (q < end_ && *q == ' ') ++q;
        char const* digits_end = scan_fraction_digits(q, end_, style_);
        if (!digits_end) return false;
        if (strict() && fraction_ends_in_zero(q, digits_end)) return false;
        if (strict() && ends_elided()) return false;
        form_.elided = form_.elided || ends_elided();
        note_chinese(lx);
        push(numeral_token_kind::point, lx.begin, lx.end);
        numeral_lexeme const first = lex_numeral(q, end_);
        push(numeral_token_kind::digits, q, digits_end, 0, 0, 0, first.type == numeral_lexeme::kind::arabic);
        if (first.type == numeral_lexeme::kind::arabic) form_.arabic = true;
        has_fraction_ = true;
        last_ = state::fraction;
        return true;
    }

    bool arabic(numeral_lexeme const& lx) {
        if (!smart() || frozen_) return false;
        if (last_ == state::start) {
            arabic_decimal_ = lx.arabic_point;
        } else if (last_ == state::unit || last_ == state::scale || last_ == state::zero) {
            if (lx.arabic_point || *lx.begin == '.') return false;
        } else {
            return false;
        }
        form_.arabic = true;
        push(numeral_token_kind::digits, lx.begin, lx.end, 0, 0, 0, true);
        last_ = state::arabic;
        zero_digit_ = false;
        return true;
    }

    // 130余万, 一千多万: 余 or 多 belongs to the numeral only when a scale follows it.
    bool inner_over(numeral_lexeme const& lx) {
        if (last_ != state::digit && last_ != state::arabic && last_ != state::unit) return false;
        if (form_.vague || !inner_over_.empty()) return false;
        char const* q = lx.end;
        while (q < end_ && *q == ' ') ++q;
        numeral_lexeme const next = lex_numeral(q, end_);
        if (next.type != numeral_lexeme::kind::chinese || next.ch.kind != numeral_char_kind::scale) return false;
        inner_over_ = std::string_view(lx.begin, 3);
        position_ = lx.end;
        last_ = state::inner_over;
        return true;
    }

    bool ends_elided() const noexcept {
        return last_ == state::digit && !zero_before_ && last_place_ >= 2 && !zero_digit_;
    }

    bool can_end() const noexcept {
        switch (last_) {
            case state::digit:
                if (needs_place_) return false;
                return !(strict() && ends_elided());
            case state::scale: return !trailing_mega_;
            case state::arabic:
            case state::unit:
            case state::fraction: return true;
            default: return false;
        }
    }

    char const* begin_;
    char const* end_;
    number_style style_;
    boost::container::small_vector<numeral_token, 8>* tokens_ = nullptr;
    numeral_form form_;
    std::string_view inner_over_;
    char const* position_ = nullptr;

    state last_ = state::start;
    int section_unit_ = 4;  // units of the current section must stay below this place
    int last_place_ = -1;   // place of the last unit or scale
    bool zero_before_ = false;
    bool zero_digit_ = false;
    bool vague_alone_ = false;
    bool needs_place_ = false;  // 几 or 数 still waiting for its 十/百/千/万
    bool has_scale_ = false;
    bool has_fraction_ = false;
    bool arabic_decimal_ = false;
    bool digit_string_ = false;
    bool frozen_ = false;       // a decimal was scaled (1.2万): only a further scale may follow
    bool trailing_mega_ = false;
    std::array<int, 4> groups_{};  // places of the scale groups read so far, largest first
    std::size_t group_count_ = 0;

    char const* best_end_ = nullptr;
    std::size_t best_tokens_ = 0;
    numeral_form best_form_;
    std::string_view best_over_;
};

// Whether the machine reads nothing more of a numeral at `p`: the text ends, or neither a space
// (which it reads through) nor a numeral character stands there.
inline bool ends_numeral(char const* p, char const* last) noexcept {
    return p == last || (*p != ' ' && lex_numeral(p, last).type == numeral_lexeme::kind::none);
}

// Whether `lx` is a scale that ends a numeral the machine would read as its first piece and this
// scale (36923万元, 五万人): 万 or 亿 (a numeral never ends on 兆), and nothing numeral after it.
inline bool is_lone_scale(numeral_lexeme const& lx, char const* last) noexcept {
    return lx.type == numeral_lexeme::kind::chinese && lx.ch.kind == numeral_char_kind::scale && lx.ch.exponent != 12 &&
           ends_numeral(lx.end, last);
}

// Adds that scale's token after the first piece's; returns the numeral's end.
inline char const* push_lone_scale(numeral_lexeme const& scale, numeral_parts& out) {
    out.tokens.push_back(numeral_token{numeral_token_kind::scale, scale.ch.exponent, 0, 0, false,
                                       std::string_view(scale.begin, static_cast<std::size_t>(scale.end - scale.begin))});
    out.form.chinese = true;
    out.form.financial = out.form.financial || scale.ch.financial;
    return scale.end;
}

// The smart style's most common numeral, a run of Arabic digits (36923, 8.3, 1,234) that nothing
// after it continues, read without the state machine: the scanner would take the run and stop at
// the next character (after spaces) unless that is a place, a scale, a point or 余/多 before a
// scale (3千, 1.2万, 130余万), which are left to it; another Arabic or Chinese digit stops it too.
// nullptr: not this case.  Out of line, so that the scanner's callers stay as they were.
//
// A scale right after the run that nothing numeral follows (36923万元, 1.2亿) is read here too, as
// is_lone_scale says.
ZHQUANT_NOINLINE inline char const* scan_arabic_run(char const* first, char const* last, numeral_parts& out) {
    numeral_lexeme const lx = lex_arabic(first, last);
    if (lx.type != numeral_lexeme::kind::arabic) return nullptr;
    auto const take_run = [&] {
        out.clear();
        out.tokens.push_back(numeral_token{numeral_token_kind::digits, 0, 0, 0, true,
                                           std::string_view(lx.begin, static_cast<std::size_t>(lx.end - lx.begin))});
        out.form.arabic = true;
        return lx.end;
    };
    char const* q = lx.end;
    while (q < last && *q == ' ') ++q;
    if (q < last && static_cast<unsigned char>(*q) >= 0x80) {
        char32_t const c = zhquant::detail::decode_three_byte_utf8(q, last);
        if (!((c >= U'０' && c <= U'９') || c == U'．')) {
            switch (zhquant::detail::classify_numeral_char(c).kind) {
                case numeral_char_kind::scale: {
                    if (q != lx.end) return nullptr;
                    numeral_lexeme const scale = lex_numeral(q, last);
                    if (!is_lone_scale(scale, last)) return nullptr;
                    take_run();
                    return push_lone_scale(scale, out);
                }
                case numeral_char_kind::unit:
                case numeral_char_kind::point:
                case numeral_char_kind::inner_over: return nullptr;
                default: break;
            }
        }
    }
    return take_run();
}

// A Chinese digit that no numeral character follows (一个, 三吨, 两家), read without the state
// machine: one digit token, as digit() reads it when the character after it is no numeral's (and
// no space, which the scanner would read through).  nullptr: not this case.
//
// A scale after the digit (五万人) is read here too, as is_lone_scale says, unless the digit is a
// zero (零万 is no numeral).
inline char const* scan_lone_digit(char const* first, char const* last, numeral_parts& out) {
    numeral_lexeme const lx = lex_numeral(first, last);
    if (lx.type != numeral_lexeme::kind::chinese || lx.ch.kind != numeral_char_kind::digit || lx.ch.circle) return nullptr;
    numeral_lexeme scale;  // the next lexeme, when it is a lone scale
    if (lx.end < last) {
        if (*lx.end == ' ') return nullptr;
        scale = lex_numeral(lx.end, last);
        if (scale.type != numeral_lexeme::kind::none && (lx.ch.value == 0 || !is_lone_scale(scale, last))) return nullptr;
    }
    out.clear();
    out.tokens.push_back(numeral_token{numeral_token_kind::digit, 0, lx.ch.value, lx.ch.value, false,
                                       std::string_view(lx.begin, static_cast<std::size_t>(lx.end - lx.begin))});
    out.form.chinese = true;
    out.form.financial = lx.ch.financial;
    return scale.type == numeral_lexeme::kind::none ? lx.end : push_lone_scale(scale, out);
}

}  // namespace detail

// Reads the longest numeral at [first, last) into `out`; returns its end, or nullptr.
inline char const* scan_numeral(char const* first, char const* last, number_style style, numeral_parts& out) {
    if (first < last && static_cast<unsigned char>(*first) < 0x80) {
        if (style == number_style::smart && ((*first >= '0' && *first <= '9') || *first == '.'))
            if (char const* const end = detail::scan_arabic_run(first, last, out)) return end;
    } else if (char const* const end = detail::scan_lone_digit(first, last, out)) {
        return end;
    }
    return detail::numeral_scanner(first, last, style).run(out);
}

}  // namespace zhquant::grammar
