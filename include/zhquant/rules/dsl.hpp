// The rule DSL: X3 primitives that read a report sentence around its mentions, and write the
// fields of a record as they go.
//
//     using namespace zhquant::rules::dsl;
//     // 1-11月规上工业总产值36923万元，同比增长 8.3%
//     auto const indicator_with_change = -period >> indicator >> amount >> -(clause_sep >> change);
//     // 出栏肉猪3820头、山羊108只、活鸡28107只: one record per item, the verb shared by all
//     auto const item_list = -verb >> list_of(item_name >> amount);
//
// A rule is X3: compose the primitives with >>, |, -, *, % and x3::lit (one_of("为", "达到", "达")
// for a choice of several words).  The primitives read the
// normalized text of one sentence and the mentions found in it (a primitive such as `amount`
// matches only where a mention of its kind starts), and note what they read in the match's
// journal; `record()` (rule_set.hpp) turns a successful match's journal into records.
//
// Fields, and the primitive that writes each:
//   indicator   `indicator` (text up to the number, fillers such as 完成/实现/累计 trimmed)
//   value       `amount`, `count`, `money`, `percent` (a second value is named after its unit)
//   <label>     `labeled_amount` (面积273.48亩: the value named 面积)
//   period      `period` (a date mention)
//   change      `change` = [basis] direction [了] value: 同比增长8.3%, 较去年减少240余场, 提高0.6个百分点
//   share       `share`: 占目标任务的151.01%
//   verb        `verb`: an action shared by a list's items
// Lists: `list_of(p)` reads p、p、p (or 和, 及) and makes one record per item; fields outside the
// list are shared.  Two lists in one rule pair up item by item (分别: 城镇、农村…分别增长8.5%、9.2%).
//
// A primitive that fails leaves no trace.  X3 itself does not undo what a sequence wrote when it
// fails later on, so a branch of `|` or `-( )` that holds several fields should be wrapped in
// `guard[...]`; record() also drops a field that a later field overlaps (it was backtracked over).
#pragma once

#include <zhquant/detail/start_chars.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/record.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/rules/scan_marks.hpp>

#include <boost/container/small_vector.hpp>
#include <boost/spirit/home/x3/char/char.hpp>
#include <boost/spirit/home/x3/core/action.hpp>
#include <boost/spirit/home/x3/core/call.hpp>
#include <boost/spirit/home/x3/core/parser.hpp>
#include <boost/spirit/home/x3/operator/alternative.hpp>
#include <boost/spirit/home/x3/operator/and_predicate.hpp>
#include <boost/spirit/home/x3/operator/kleene.hpp>
#include <boost/spirit/home/x3/operator/list.hpp>
#include <boost/spirit/home/x3/operator/not_predicate.hpp>
#include <boost/spirit/home/x3/operator/optional.hpp>
#include <boost/spirit/home/x3/operator/plus.hpp>
#include <boost/spirit/home/x3/operator/sequence.hpp>
#include <boost/spirit/home/x3/string/literal_string.hpp>
#include <boost/spirit/home/x3/support/context.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace zhquant::rules {

namespace x3 = boost::spirit::x3;

// The text of a journal entry: a view of the normalized text the rule reads, or of a word that
// outlives the match (a literal, a lexicon's word).  Rules try thousands of places a second, and an
// owned copy cost an allocation at each; records_of() copies the text into the record.  A view of
// a temporary string would dangle, so a std::string rvalue does not compile:
//
//     st.journal.push_back({..., st.text.substr(at, n), ...});  // fine: the text outlives the match
//     st.journal.push_back({..., std::string(word), ...});      // error: use `word` itself
struct matched_text : std::string_view {
    constexpr matched_text() noexcept = default;
    constexpr matched_text(std::string_view text) noexcept : std::string_view(text) {}  // NOLINT: implicit
    constexpr matched_text(char const* text) noexcept : std::string_view(text) {}      // NOLINT: implicit
    matched_text(std::string&&) = delete;
};
static_assert(!std::is_constructible_v<matched_text, std::string> &&
              std::is_constructible_v<matched_text, std::string const&>);

// One thing a primitive read, in the normalized text.
struct journal_entry {
    enum class kind : std::uint8_t { field, item_begin, item_end } type = kind::field;
    std::string_view field;          // "indicator", "value", "change.value", a label ...
    std::size_t begin = 0;           // offsets in the normalized text
    std::size_t end = 0;
    std::optional<std::size_t> mention;  // index into the document's mentions
    matched_text text;               // text fields: the indicator, the verb, the basis
    direction dir = direction::up;   // change.direction
    void const* list = nullptr;      // item markers: which list
};

// One step of a traced match (explain.hpp): where a primitive ended, or where it failed and what
// it wanted there.
struct trace_step {
    std::size_t at = 0;            // offset in the normalized text
    bool matched = false;
    std::string_view field;        // the field the primitive writes: "indicator", "value" ...
    std::string_view expected;     // a failure: what was wanted, for people ("a date")
};


// What a rule reads: the normalized text, its mentions, the words; and what it wrote.
struct match_state {
    std::string_view text;                       // the normalized text of the whole document
    std::vector<mention> const* mentions = nullptr;  // normalized offsets, in order
    lexicon const* words = nullptr;
    std::vector<journal_entry> journal{};
    std::vector<trace_step>* trace = nullptr;  // set by explain() only; null costs a test a primitive

    std::size_t offset(char const* p) const { return static_cast<std::size_t>(p - text.data()); }

    // Takes back the entries after the first `written` (a failed alternative's fields): plain
    // data, so only the end moves, where vector::resize was a call that could also grow.
    void take_back(std::size_t written) noexcept {
        static_assert(std::is_trivially_destructible_v<journal_entry>);
        journal.erase(journal.begin() + static_cast<std::ptrdiff_t>(written), journal.end());
    }

    // A primitive's outcome, noted when tracing: matched(end, field) and missed(at, field, wanted)
    // return true and false for the primitive to return.
    bool matched(std::size_t end, std::string_view field) {
        if (trace) trace->push_back({end, true, field, {}});
        return true;
    }
    bool missed(std::size_t at, std::string_view field, std::string_view wanted) {
        if (trace) trace->push_back({at, false, field, wanted});
        return false;
    }

    // Where the text that text_parser reads from `begin` ends, remembered: the rules of a set all
    // try the same clause start, and most of them begin with an indicator.
    // One slot per (begin, kind of scan), overwritten by the next scan that falls in it: one
    // comparison where a list of the last scans was searched whole, and a miss only scans again.
    template <class Scan>
    std::size_t text_end(std::size_t begin, std::size_t limit, bool list_item, bool label, Scan&& scan) {
        text_scan& slot = scans[(begin * 4 + (list_item ? 2 : 0) + (label ? 1 : 0)) % scans.size()];
        if (slot.begin == begin && slot.limit == limit && slot.list_item == list_item && slot.label == label)
            return slot.end;
        std::size_t const end = scan();
        slot = {begin, limit, end, list_item, label};
        return end;
    }

    // What each character of the text starts (scan_marks.hpp), marked when first asked: every
    // scan of every rule asks it of the same characters.
    detail::scan_marks& marks() {
        if (marks_.size() != text.size()) marks_.build(text, *words);
        return marks_;
    }

    // The name in the text [begin, end) (trim_fillers), remembered the same way.
    template <class Trim>
    std::string_view name_in(std::size_t begin, std::size_t end, Trim&& trim) {
        trimmed_name& slot = names[(begin * 7 + end) % names.size()];
        if (slot.begin == begin && slot.end == end) return slot.name;
        std::string_view const name = trim();
        slot = {begin, end, name};
        return name;
    }

    // The mention that starts exactly at `at`.
    std::optional<std::size_t> mention_at(std::size_t at) {
        std::size_t const i = first_mention_from(at);
        if (i == mentions->size() || (*mentions)[i].start != at) return std::nullopt;
        return i;
    }

    // Where the next mention at or after `at` starts (text size when none).
    std::size_t next_mention_start(std::size_t at) {
        std::size_t const i = first_mention_from(at);
        return i == mentions->size() ? text.size() : (*mentions)[i].start;
    }

    // The index of the first mention that starts at or after `at`.  The rules ask about the same
    // few places again and again (each rule of a set at a clause start, then the places after
    // it): the same place is answered from memory, and the last answer and the one after it are
    // tried before a binary search.
    std::size_t first_mention_from(std::size_t at) {
        if (at == last_query.at) return last_query.index;
        auto const& ms = *mentions;
        auto const answers = [&](std::size_t i) {
            return (i == ms.size() || ms[i].start >= at) && (i == 0 || ms[i - 1].start < at);
        };
        std::size_t i = last_query.index;
        if (!(i <= ms.size() && answers(i))) {
            if (i < ms.size() && answers(i + 1)) {
                ++i;
            } else {
                auto const it = std::lower_bound(ms.begin(), ms.end(), at,
                                                 [](mention const& m, std::size_t o) { return m.start < o; });
                i = static_cast<std::size_t>(it - ms.begin());
            }
        }
        last_query = {at, i};
        return i;
    }

    // The mentions changed (extract's next round): first_mention_from forgets its answers.
    void forget_mention_queries() noexcept { last_query = {}; }

    struct text_scan {
        std::size_t begin = std::string_view::npos;
        std::size_t limit = 0;
        std::size_t end = 0;
        bool list_item = false;
        bool label = false;
    };
    struct trimmed_name {
        std::size_t begin = std::string_view::npos;
        std::size_t end = 0;
        std::string_view name;
    };
    detail::scan_marks marks_{};
    std::array<text_scan, 64> scans{};
    std::array<trimmed_name, 64> names{};
    struct mention_query {
        std::size_t at = std::string_view::npos;
        std::size_t index = 0;
    };
    mention_query last_query{};  // first_mention_from's last question and answer
};

struct match_state_tag;

namespace detail {

template <class Context>
match_state& state_of(Context const& context) {
    return x3::get<match_state_tag>(context).get();
}

inline std::size_t utf8_step(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t const n = zhquant::detail::utf8_lead_length[static_cast<unsigned char>(s[0])];
    return n < s.size() ? n : s.size();
}

// The name in an indicator's text: after the last filler (全镇完成营业额 -> 营业额), without a
// leading verb (建成“四好农村路” -> “四好农村路”) or a trailing tail word (收入平均 -> 收入);
// a known indicator that ends the text wins.  Keeps the text when nothing would remain.
// The text is marks.text()[begin, end); the marks tell where a filler may start.
inline std::string_view trim_fillers(std::size_t begin, std::size_t end, lexicon const& words, scan_marks const& marks) {
    std::string_view const whole = marks.text();
    std::string_view text = whole.substr(begin, end - begin);
    if (std::size_t const n = words.tails.match_suffix(text); n && n < text.size()) {
        text.remove_suffix(n);
        end -= n;
    }
    if (std::size_t const n = words.indicators.match_suffix(text)) return text.substr(text.size() - n);
    for (std::size_t at = begin; (at = marks.next(at, end, scan_mark::filler)) < end;) {
        std::size_t const n = words.fillers.match(whole.substr(at, end - at));
        if (n && at + n < end) text = whole.substr(at + n, end - at - n);
        at += n ? n : utf8_step(whole.substr(at));
    }
    while (std::size_t const n = words.verbs.match(text)) {
        if (n >= text.size()) break;
        text.remove_prefix(n);
    }
    return text;
}

inline bool has_han(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); i += utf8_step(s.substr(i))) {
        auto const b0 = static_cast<unsigned char>(s[i]);
        if ((b0 & 0xF0) != 0xE0) continue;
        char32_t const c = (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                           char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F);
        if (c >= 0x3400 && c <= 0x9FFF) return true;
    }
    return false;
}

// A Latin word of two letters or more: GDP, CPI (a lone letter names nothing).
inline bool has_letter(std::string_view s) {
    std::size_t run = 0;
    for (char c : s) {
        run = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? run + 1 : 0;
        if (run >= 2) return true;
    }
    return false;
}

}  // namespace detail

// Base of the primitives: no X3 attribute; they write to the journal instead.
template <class Derived>
struct primitive : x3::parser<Derived> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
};

// A mention of a given kind starting here: amount, count, money, percent, period.
struct mention_parser : primitive<mention_parser> {
    std::string_view field = "value";
    enum class accepts : std::uint8_t { quantity_or_percent, quantity, count, money, percent, date, duration } what =
        accepts::quantity_or_percent;

    constexpr mention_parser(std::string_view f, accepts a) : field(f), what(a) {}

    // The same primitive writing another field: amount("面积").
    constexpr mention_parser operator()(std::string_view name) const { return mention_parser(name, what); }

    // What it reads, for explain(): "a date".
    constexpr std::string_view wanted() const {
        switch (what) {
            case accepts::quantity_or_percent: return "a quantity or percent";
            case accepts::quantity: return "a quantity";
            case accepts::count: return "a count";
            case accepts::money: return "an amount of money";
            case accepts::percent: return "a percent";
            case accepts::date: return "a date";
            case accepts::duration: return "a length of time";
        }
        return "";
    }

    bool fits(mention const& m) const {
        switch (what) {
            case accepts::quantity_or_percent: return m.kind != mention_kind::date;
            case accepts::quantity: return m.kind == mention_kind::quantity;
            case accepts::count: return m.kind == mention_kind::quantity && m.dimension == dimension::count;
            case accepts::money: return m.kind == mention_kind::quantity && m.dimension == dimension::money;
            case accepts::percent: return m.kind == mention_kind::percent;
            case accepts::date: return m.kind == mention_kind::date;
            case accepts::duration: return m.kind == mention_kind::quantity && m.dimension == dimension::time;
        }
        return false;
    }

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const&, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = detail::state_of(context);
        auto const at = st.offset(first);
        auto const index = st.mention_at(at);
        if (!index || !fits((*st.mentions)[*index])) return st.missed(at, field, wanted());
        mention const& m = (*st.mentions)[*index];
        st.journal.push_back({journal_entry::kind::field, field, at, m.end, index, {}, direction::up, nullptr});
        first = st.text.data() + m.end;
        return st.matched(m.end, field);
    }
};

// Text read up to the next mention, a clause mark or a change word.  As an indicator its fillers
// are trimmed off (完成税收 -> 税收); as a label (label_bytes > 0) it must stand right before a
// value and be short: 面积 in 面积273.48亩, 目标任务的 in 占目标任务的151.01%.
struct text_parser : primitive<text_parser> {
    std::string_view field = "indicator";
    bool stop_at_list = false;     // an item of a list ends at 、, 和, 及
    std::size_t label_bytes = 0;   // a label: at most this long, and ends where a mention starts

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const begin = st.offset(first);
        std::size_t const limit = std::min(st.next_mention_start(begin), st.offset(last));
        std::size_t const at = st.text_end(begin, limit, stop_at_list, label_bytes != 0, [&] {
            auto& marks = st.marks();
            std::uint8_t const ends =
                scan_mark::ends_text | (stop_at_list ? scan_mark::ends_item | scan_mark::joins_items : 0);
            std::uint8_t const wanted = ends | (label_bytes ? 0 : scan_mark::stop_word);
            std::size_t end = begin;
            while ((end = marks.next(end, limit, wanted)) < limit) {
                if ((marks[end] & ends) || marks.stop_word_fits(end, limit)) break;
                end += detail::utf8_step(st.text.substr(end));
            }
            return end;
        });
        if (at == begin)
            return st.missed(begin, field, label_bytes ? "a short label right before a value" : "text that names the figure");
        if (at - begin > 90) return st.missed(begin, field, "a name of at most 30 characters");  // too long to name a figure
        if (label_bytes && (at != limit || at - begin > label_bytes))
            return st.missed(begin, field, "a short label right before a value");
        std::string_view const read = st.text.substr(begin, at - begin);
        // “ or (: punctuation names nothing; GDP and CPI do.
        if (!detail::has_han(read) && !detail::has_letter(read)) return st.missed(begin, field, "text with a word in it");
        // A label names a further value (面积); an item of a list is never one.
        if (detail::same_word(field, "label") && !st.words->labels.contains(read))
            return st.missed(begin, field, "a label of the lexicon's [labels]");
        if (stop_at_list && !label_bytes && st.words->labels.contains(read))
            return st.missed(begin, field, "an item name that is not a label");
        std::string_view const name =
            label_bytes ? read : st.name_in(begin, at, [&] { return detail::trim_fillers(begin, at, *st.words, st.marks()); });
        st.journal.push_back({journal_entry::kind::field, field, begin, at, std::nullopt, name,
                              direction::up, nullptr});
        first = st.text.data() + at;
        return st.matched(at, field);
    }
};

// A word from one of the lexicon's lists, written as a field: verb, change.basis.
struct word_parser : primitive<word_parser> {
    enum class list : std::uint8_t { verbs, bases } which = list::verbs;
    std::string_view field;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const at = st.offset(first);
        std::string_view const rest = st.text.substr(at, st.offset(last) - at);
        word_list const& words = which == list::verbs ? st.words->verbs : st.words->bases;
        std::size_t const n = words.match(rest);
        if (!n)
            return st.missed(at, field, which == list::verbs ? "a word of the lexicon's [verbs]"
                                                             : "a word of the lexicon's [bases]");
        st.journal.push_back({journal_entry::kind::field, field, at, at + n, std::nullopt, rest.substr(0, n),
                              direction::up, nullptr});
        first += static_cast<std::ptrdiff_t>(n);
        return st.matched(at + n, field);
    }
};

// 增长, 下降, 持平 (and 了 after them).
struct direction_parser : primitive<direction_parser> {
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const at = st.offset(first);
        std::string_view const rest = st.text.substr(at, st.offset(last) - at);
        direction dir = direction::up;
        std::size_t n = st.words->up.match(rest);
        if (!n && (n = st.words->down.match(rest))) dir = direction::down;
        if (!n && (n = st.words->flat.match(rest))) dir = direction::flat;
        if (!n) return st.missed(at, "change.direction", "a word of the lexicon's [up], [down] or [flat]");
        if (rest.substr(n, 3) == "了") n += 3;
        st.journal.push_back({journal_entry::kind::field, "change.direction", at, at + n, std::nullopt,
                              rest.substr(0, n), dir, nullptr});
        first += static_cast<std::ptrdiff_t>(n);
        return st.matched(at + n, "change.direction");
    }
};

// One of a few words that the rule spells out, the first that matches: one_of("一", "二", "两")
// reads what x3::lit("一") | x3::lit("二") | x3::lit("两") reads.  Asked at every place a figure
// may start, it rejects most of them on their first byte, which the alternatives compared
// against each word in turn.  Like x3::lit it writes nothing; no word may be empty.
template <std::size_t N>
struct one_of_parser : primitive<one_of_parser<N>> {
    std::array<std::string_view, N> words;
    std::array<std::uint64_t, 4> first_bytes{};  // bit b: a word starts with byte b

    constexpr explicit one_of_parser(std::array<std::string_view, N> const& w) : words(w) {
        for (std::string_view word : words) {
            auto const b = static_cast<unsigned char>(word.at(0));
            first_bytes[b / 64] |= std::uint64_t{1} << (b % 64);
        }
    }

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
        if (first == last) return false;
        auto const b = static_cast<unsigned char>(*first);
        if (!(first_bytes[b / 64] >> (b % 64) & 1)) return false;
        std::string_view const rest(first, static_cast<std::size_t>(last - first));
        for (std::string_view word : words)
            if (detail::starts_with_word(rest, word)) {
                first += static_cast<std::ptrdiff_t>(word.size());
                return true;
            }
        return false;
    }
};

template <class... Words>
constexpr one_of_parser<sizeof...(Words)> one_of(Words const&... words) {
    return one_of_parser<sizeof...(Words)>({std::string_view(words)...});
}

// Runs `subject`; when it fails, takes back what it wrote.
template <class Subject>
struct guard_parser : x3::unary_parser<Subject, guard_parser<Subject>> {
    using base = x3::unary_parser<Subject, guard_parser<Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    constexpr guard_parser(Subject const& s) : base(s) {}

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx& rcontext, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const written = st.journal.size();
        It const save = first;
        if (this->subject.parse(first, last, context, rcontext, x3::unused)) return true;
        st.take_back(written);
        first = save;
        return false;
    }
};

struct guard_gen {
    template <class Subject>
    constexpr guard_parser<typename x3::extension::as_parser<Subject>::value_type> operator[](Subject const& s) const {
        return {x3::as_parser(s)};
    }
};

// p、p、p (at least two): one item per element, each element's fields in an item of its own.
template <class Subject>
struct list_parser : x3::unary_parser<Subject, list_parser<Subject>> {
    using base = x3::unary_parser<Subject, list_parser<Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    constexpr list_parser(Subject const& s) : base(s) {}

    template <class It, class Ctx, class RCtx>
    bool item(It& first, It const& last, Ctx const& context, RCtx& rcontext) const {
        match_state& st = detail::state_of(context);
        std::size_t const written = st.journal.size();
        It const save = first;
        st.journal.push_back({journal_entry::kind::item_begin, {}, st.offset(first), st.offset(first), {}, {},
                              direction::up, this});
        if (this->subject.parse(first, last, context, rcontext, x3::unused)) {
            st.journal.push_back({journal_entry::kind::item_end, {}, st.offset(first), st.offset(first), {}, {},
                                  direction::up, this});
            return true;
        }
        st.take_back(written);
        first = save;
        return false;
    }

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx& rcontext, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const written = st.journal.size();
        It const start = first;
        if (!item(first, last, context, rcontext)) return false;
        std::size_t items = 1;
        while (true) {
            It const save = first;
            std::string_view const rest(first, static_cast<std::size_t>(last - first));
            std::size_t sep = 0;
            for (std::string_view s : {"、", "和", "及", "以及"})
                if (detail::starts_with_word(rest, s)) sep = s.size();
            if (!sep) break;
            first += static_cast<std::ptrdiff_t>(sep);
            if (!item(first, last, context, rcontext)) {
                first = save;
                break;
            }
            ++items;
        }
        if (items >= 2) return true;  // one item is no list: the rule without a list reads it
        std::size_t const one = st.offset(first);
        st.take_back(written);
        first = start;
        return st.missed(one, "list", "、, 和 or 及 and a second item");
    }
};

struct list_gen {
    template <class Subject>
    constexpr list_parser<typename x3::extension::as_parser<Subject>::value_type> operator()(Subject const& s) const {
        return {x3::as_parser(s)};
    }
};

// 城镇、农村常住居民人均可支配收入: parallel names sharing a tail, one item each; the tail is shared.
struct name_list_parser : primitive<name_list_parser> {
    static constexpr std::string_view wanted_list = "names joined by 、 or 和 (城镇、农村)";

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = detail::state_of(context);
        std::size_t const begin = st.offset(first);
        std::size_t const limit = std::min(st.next_mention_start(begin), st.offset(last));
        // Most clauses join no names: without 、 or 和 before the figure there is no list to read.
        if (std::string_view const before = st.text.substr(begin, limit - begin);
            before.find("、") == std::string_view::npos && before.find("和") == std::string_view::npos)
            return st.missed(begin, "indicator", wanted_list);
        boost::container::small_vector<std::pair<std::size_t, std::size_t>, 8> names;  // a few, on the stack
        std::size_t at = begin, name_begin = begin;
        auto& marks = st.marks();
        constexpr std::uint8_t wanted =
            scan_mark::ends_text | scan_mark::stop_word | scan_mark::ends_item | scan_mark::joins_items;
        while ((at = marks.next(at, limit, wanted)) < limit) {
            std::string_view const rest = st.text.substr(at, limit - at);
            if (rest.substr(0, 3) == "、" || rest.substr(0, 3) == "和") {
                if (at == name_begin) return st.missed(at, "indicator", "a name before 、 or 和");
                names.emplace_back(name_begin, at);
                at += 3;
                name_begin = at;
                continue;
            }
            if ((marks[at] & scan_mark::ends_text) || marks.stop_word_fits(at, limit)) break;
            at += detail::utf8_step(rest);
        }
        if (names.empty() || at == name_begin)
            return st.missed(names.empty() ? begin : at, "indicator",
                             names.empty() ? wanted_list : "a name after 、 or 和");
        // The last name is as many characters long as the first; what follows it is the shared tail.
        std::size_t last_end = name_begin;
        for (std::size_t k = names.front().first; k < names.front().second && last_end < at;
             k += detail::utf8_step(st.text.substr(k)))
            last_end += detail::utf8_step(st.text.substr(last_end, at - last_end));
        names.emplace_back(name_begin, last_end);
        for (auto const& span : names) {
            std::size_t const b = span.first, e = span.second;  // not a structured binding: clang 14 cannot capture one
            st.journal.push_back({journal_entry::kind::item_begin, {}, b, b, {}, {}, direction::up, this});
            std::string_view const name =
                st.name_in(b, e, [&] { return detail::trim_fillers(b, e, *st.words, st.marks()); });
            st.journal.push_back({journal_entry::kind::field, "indicator", b, e, {}, name, direction::up, nullptr});
            st.journal.push_back({journal_entry::kind::item_end, {}, e, e, {}, {}, direction::up, this});
        }
        if (last_end < at)
            st.journal.push_back({journal_entry::kind::field, "indicator", last_end, at, {},
                                  st.text.substr(last_end, at - last_end), direction::up, nullptr});
        first = st.text.data() + at;
        return st.matched(at, "indicator");
    }
};

namespace dsl {

using mention_kinds = mention_parser::accepts;

// A quantity or a percent: 36923万元, 8.3%.  amount("面积") writes the field 面积 instead of value.
inline constexpr mention_parser amount{"value", mention_kinds::quantity_or_percent};
inline constexpr mention_parser quantity{"value", mention_kinds::quantity};
inline constexpr mention_parser count{"value", mention_kinds::count};
inline constexpr mention_parser money{"value", mention_kinds::money};
inline constexpr mention_parser percent{"value", mention_kinds::percent};
// A date: 1-11月, 2024年, 上半年.
inline constexpr mention_parser period{"period", mention_kinds::date};

// The name of the figure: the text before the number, fillers trimmed (完成税收 -> 税收).
inline constexpr text_parser indicator{{}, "indicator", false, 0};
// The name of one item of a list (stops at 、 和 及): 肉猪 in 肉猪3820头、山羊108只.
inline constexpr text_parser item_name{{}, "indicator", true, 0};
// Text before a period that opens the figure (另申报 in 另申报2022年高标准农田建设5000亩): read
// and left out of the record.
inline constexpr text_parser context{{}, "context", false, 0};
// A short label right before a value, which names it: 面积 in 面积273.48亩.
inline constexpr text_parser label{{}, "label", true, 12};
// Parallel names with a shared tail: 城镇、农村常住居民人均可支配收入.
inline constexpr name_list_parser name_list{};

// An action that the items of a list share: 出栏, 建成.
inline constexpr word_parser verb{{}, word_parser::list::verbs, "verb"};
// What a change is measured against: 同比, 比上年, 较去年.
inline constexpr word_parser basis{{}, word_parser::list::bases, "change.basis"};
// 增长, 下降, 持平.
inline constexpr direction_parser direction_word{};
// The amount of a change: 8.3%, 240余场, 0.6个百分点, 2.3倍.
inline constexpr mention_parser change_value{"change.value", mention_kinds::quantity_or_percent};

inline constexpr guard_gen guard{};
// one_of("为", "达到", "达"): the first of the words that the text starts with.
using rules::one_of;
inline constexpr list_gen list_of{};

// Between clauses of one sentence, and between items.
inline auto const clause_sep = x3::lit("，") | x3::lit(",");
inline auto const list_sep = x3::lit("、") | x3::lit("和") | x3::lit("及");

// 同比增长8.3%, 较去年减少240余场, 下降了60%, 提高0.6个百分点.
inline auto const change = guard[-basis >> -x3::lit("分别") >> direction_word >> change_value];

// 占目标任务的151.01%: the share, and what it is a share of.
inline auto const share = guard[x3::lit("占") >> -text_parser{{}, "share.of", false, 30} >>
                                mention_parser{"share", mention_kinds::percent}];

// 面积273.48亩: a value named by its label.
inline auto const labeled_amount = guard[label >> amount];

}  // namespace dsl

}  // namespace zhquant::rules
