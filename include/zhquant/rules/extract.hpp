// extract(): a rule set applied to a report, sentence by sentence, clause by clause.
//
//     auto result = zhquant::rules::extract(text, zhquant::rules::township_report::rules);
//     for (auto const& r : result.records) ...      // indicator, value, period, change ...
//     for (auto i : result.unclaimed) ...           // mentions no record took
//
// The text is normalized and its mentions found first.  In each sentence (ended by 。！？；;!? or a
// line break) every rule is tried at the sentence's start, after each ，：or (, and where the last
// record ended; where several match, the highest priority wins, then the longest match.  Matches
// never overlap.  All offsets in the result are bytes of the text given.
#pragma once

#include <zhquant/mentions.hpp>
#include <zhquant/record.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/rules/rule_set.hpp>
#include <zhquant/text/line_pieces.hpp>
#include <zhquant/text/normalize.hpp>

#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace zhquant::rules {

struct extract_options {
    lexicon const* words = nullptr;  // the built-in lexicon when null
    normalize_options normalize;
};

namespace detail {

inline bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> words, std::size_t& length) {
    for (auto w : words)
        if (text.substr(0, w.size()) == w) {
            length = w.size();
            return true;
        }
    return false;
}

// The end of the sentence that starts at `from` (before its mark), and the mark's length.
inline std::size_t sentence_end(std::string_view norm, std::size_t from, std::size_t& mark) {
    std::size_t end = from;
    mark = 0;
    while (end < norm.size() && !starts_with_any(norm.substr(end), {"。", "！", "？", "；", ";", "!", "?", "\n"}, mark))
        end += utf8_step(norm.substr(end));
    return end;
}

// Where the next clause of a sentence starts, after `at`: past the next ，：or (.
inline std::size_t next_clause(std::string_view norm, std::size_t at, std::size_t sentence_end) {
    std::size_t sep = 0;
    while (at < sentence_end && !starts_with_any(norm.substr(at), {"，", "：", ",", ":", "（", "("}, sep))
        at += utf8_step(norm.substr(at));
    return at + sep;
}

// What the driver tells the one who watches it (explain()): a place where it tries the rules,
// each rule's outcome there, the match it chose.  extract() watches nothing.
struct ignore_attempts {
    void begin_piece(match_state&) {}
    void begin_site(std::size_t) {}
    void attempt(rule const&, bool, std::size_t) {}
    void choose(std::size_t, std::size_t) {}
    void end_piece(offset_map const&) {}
};

// The driver over a normalized text of whole lines: sentence by sentence, at each clause start
// every rule; the best match makes records (offsets and mention indices the text's).
template <class Watch>
void drive(std::string_view norm, rule_set const& rules, match_state& state, std::vector<zhquant::record>& records,
           std::vector<bool>& claimed, Watch& watch) {
    std::size_t sentence = 0;
    while (sentence < norm.size()) {
        std::size_t mark = 0;
        std::size_t const sentence_end = detail::sentence_end(norm, sentence, mark);
        std::size_t at = sentence;
        while (at < sentence_end) {
            watch.begin_site(at);
            int best_priority = 0;
            std::size_t best_end = at;
            std::size_t best = rules.rules().size();
            std::vector<journal_entry> best_journal;
            for (std::size_t k = 0; k < rules.rules().size(); ++k) {
                rule const& r = rules.rules()[k];
                state.journal.clear();
                char const* first = norm.data() + at;
                bool const parsed = r.parse(state, first, norm.data() + sentence_end);
                std::size_t const match_end = static_cast<std::size_t>(first - norm.data());
                watch.attempt(r, parsed, match_end);
                if (!parsed || match_end == at) continue;
                if (best == rules.rules().size() || r.priority > best_priority ||
                    (r.priority == best_priority && match_end > best_end)) {
                    best = k;
                    best_priority = r.priority;
                    best_end = match_end;
                    best_journal = state.journal;
                }
            }
            if (best < rules.rules().size()) {
                std::size_t made = 0;
                for (auto& rec : detail::records_of(best_journal, at, best_end, rules.rules()[best].name, *state.mentions)) {
                    for (auto i : rec.mentions) claimed[i] = true;
                    records.push_back(std::move(rec));
                    ++made;
                }
                watch.choose(best, made);
                at = best_end;
                continue;
            }
            at = detail::next_clause(norm, at, sentence_end);
        }
        sentence = sentence_end + mark;
        if (mark == 0 && sentence == sentence_end) sentence = sentence_end + 1;
    }
}

// A record's mention indices, moved by `by` (a piece's mentions join the document's).
inline void shift_mentions(zhquant::record& r, std::size_t by) {
    for (auto* i : {&r.value, &r.period, &r.share})
        if (*i) **i += by;
    for (auto& c : r.changes)
        if (c.value) *c.value += by;
    for (auto& v : r.values) v.mention += by;
    for (auto& i : r.mentions) i += by;
}

// One piece of normalized text (whole lines, line_pieces.hpp): its mentions, records, unclaimed
// mentions and errors appended to `out`, with offsets into the original input.
template <class Watch>
void extract_piece(normalized_text const& piece, rule_set const& rules, lexicon const& words, extraction& out,
                   Watch& watch) {
    out.errors.insert(out.errors.end(), piece.problems.begin(), piece.problems.end());
    std::vector<mention> mentions;
    std::vector<error> found_errors;
    zhquant::detail::scan_mentions(piece.text, words.units, mentions, found_errors);

    match_state state{.text = piece.text, .mentions = &mentions, .words = &words};
    watch.begin_piece(state);
    std::vector<zhquant::record> records;
    std::vector<bool> claimed(mentions.size(), false);
    drive(piece.text, rules, state, records, claimed, watch);
    watch.end_piece(piece.map);

    auto const& map = piece.map;
    std::size_t const first = out.mentions.size();
    for (auto& r : records) {
        std::tie(r.start, r.end) = map.to_original(r.start, r.end);
        shift_mentions(r, first);
        out.records.push_back(std::move(r));
    }
    for (auto& m : mentions) {
        std::tie(m.start, m.end) = map.to_original(m.start, m.end);
        out.mentions.push_back(std::move(m));
    }
    for (auto& e : found_errors) out.errors.push_back(error{map.to_original(e.offset, e.offset).first, e.message});
    for (std::size_t i = 0; i < claimed.size(); ++i)
        if (!claimed[i]) out.unclaimed.push_back(first + i);
}

// extract() with a watcher, over the whole text.
template <class Watch>
extraction extract_watched(std::string_view text, rule_set const& rules, extract_options const& options, Watch& watch) {
    extraction out;
    lexicon const& words = options.words ? *options.words : lexicon::builtin();
    line_pieces pieces(options.normalize);
    auto take = [&](normalized_text const& piece, std::string_view) { extract_piece(piece, rules, words, out, watch); };
    if (auto e = pieces.feed(text, take)) {
        out.errors.push_back(*e);
        return out;
    }
    if (auto e = pieces.finish(take)) out.errors.push_back(*e);
    return out;
}

}  // namespace detail

inline extraction extract(std::string_view text, rule_set const& rules, extract_options const& options = {}) {
    detail::ignore_attempts none;
    return detail::extract_watched(text, rules, options, none);
}

// extract() for an input that arrives in blocks, with memory bounded by the block size and the
// longest line: each piece of whole lines is handed out as its own extraction (mention indices
// the piece's, offsets the whole input's) with the piece's original bytes.
//
//     zhquant::rules::extract_stream stream(township_report::rules());
//     auto print = [](zhquant::extraction&& x, std::string_view original, std::size_t original_begin) {
//         for (auto const& r : x.records) ...  // r.start - original_begin: its offset in `original`
//     };
//     while (read(block)) if (auto e = stream.feed(block, print)) return fail(*e);
//     if (auto e = stream.finish(print)) return fail(*e);
class extract_stream {
public:
    explicit extract_stream(rule_set const& rules, extract_options const& options = {},
                            std::size_t block_size = normalizer::default_block_size)
        : rules_(&rules), words_(options.words ? options.words : &lexicon::builtin()), pieces_(options.normalize, block_size) {}

    template <class Sink>
    std::optional<error> feed(std::string_view bytes, Sink&& sink) {
        return pieces_.feed(bytes, [&](normalized_text const& piece, std::string_view original) { take(piece, original, sink); });
    }

    template <class Sink>
    std::optional<error> finish(Sink&& sink) {
        return pieces_.finish([&](normalized_text const& piece, std::string_view original) { take(piece, original, sink); });
    }

private:
    template <class Sink>
    void take(normalized_text const& piece, std::string_view original, Sink& sink) {
        extraction x;
        detail::ignore_attempts none;
        detail::extract_piece(piece, *rules_, *words_, x, none);
        sink(std::move(x), original, piece.map.original_begin());
    }

    rule_set const* rules_;
    lexicon const* words_;
    line_pieces pieces_;
};

}  // namespace zhquant::rules
