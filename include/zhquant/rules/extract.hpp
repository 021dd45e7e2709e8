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

#include <algorithm>
#include <array>
#include <iterator>
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

// The end of the sentence that starts at `from` (before its mark), and the mark's length.
inline std::size_t sentence_end(std::string_view norm, scan_marks const& marks, std::size_t from, std::size_t& mark) {
    std::size_t const end = marks.next(from, norm.size(), scan_mark::sentence_end);
    mark = end < norm.size() ? utf8_step(norm.substr(end)) : 0;
    return end;
}

// Where the next clause of a sentence starts, after `at`: past the next ，：or (.
inline std::size_t next_clause(std::string_view norm, scan_marks const& marks, std::size_t at, std::size_t sentence_end) {
    std::size_t const sep = marks.next(at, sentence_end, scan_mark::clause_end);
    return sep < sentence_end ? sep + utf8_step(norm.substr(sep)) : sentence_end;
}

// What the driver tells the one who watches it (explain()): a place where it tries the rules,
// each rule's outcome there, the match it chose.  extract() watches nothing.
struct ignore_attempts {
    // Only where a record can come from (drive): the watcher of explain() sees every clause,
    // and every rule tried there, where extract() skips a rule whose needs are not met.
    static constexpr bool every_clause = false;
    static constexpr bool every_attempt = false;
    void begin_piece(match_state&) {}
    void begin_site(std::size_t) {}
    void attempt(rule const&, bool, std::size_t) {}
    void choose(std::size_t, std::size_t) {}
    void end_piece(offset_map const&) {}
};

// The driver over a normalized text of whole lines from `from` (a sentence's start) to its end:
// sentence by sentence, at each clause start every rule; the best match makes records (offsets
// and mention indices the text's).
template <class Watch>
void drive(std::string_view norm, std::size_t from, rule_set const& rules, match_state& state,
           std::vector<zhquant::record>& records, std::vector<bool>& claimed, Watch& watch) {
    std::size_t sentence = from;
    std::vector<journal_entry> best_journal;  // swapped with state.journal: both keep their room
    detail::record_scratch scratch;
    std::vector<rule_needs const*> needs;
    for (rule const& r : rules.rules()) needs.push_back(&r.needs);
    detail::need_finder finder(norm, needs, *state.words, state.marks());
    while (sentence < norm.size()) {
        std::size_t mark = 0;
        std::size_t const sentence_end = detail::sentence_end(norm, state.marks(), sentence, mark);
        std::size_t at = sentence;
        // A record holds a mention, and a rule reads a mention only where it starts: from a
        // place with no mention after it in the sentence, no rule can make a record.
        while (at < sentence_end && (Watch::every_clause || state.next_mention_start(at) < sentence_end)) {
            watch.begin_site(at);
            int best_priority = 0;
            std::size_t best_end = at;
            std::size_t best = rules.rules().size();
            for (std::size_t k = 0; k < rules.rules().size(); ++k) {
                rule const& r = rules.rules()[k];
                if constexpr (!Watch::every_attempt)
                    if (!detail::may_start_here(r.needs.starts, state, at, sentence_end) || !finder.met(k, at, sentence_end))
                        continue;
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
                    best_journal.swap(state.journal);  // state.journal is cleared before the next rule
                }
            }
            if (best < rules.rules().size()) {
                std::size_t const made = detail::records_of(best_journal, at, best_end, rules.rules()[best].name,
                                                            *state.mentions, scratch, records);
                for (std::size_t k = records.size() - made; k < records.size(); ++k)
                    for (auto i : records[k].mentions) claimed[i] = true;
                watch.choose(best, made);
                at = best_end;
                continue;
            }
            at = detail::next_clause(norm, state.marks(), at, sentence_end);
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

// A piece is read in rounds of at most this many mentions (extract_piece).
inline constexpr std::size_t round_mentions = 16384;

// Where a round that starts at `from` and has read mentions up to `scanned` ends: after the last
// sentence mark (sentence_end's) before `scanned`, or at `scanned` when the sentence goes on.
inline std::size_t round_end(std::string_view norm, scan_marks const& marks, std::size_t from, std::size_t scanned) {
    // Backwards over the marks, eight bytes a load: a line with no sentence mark in it (numbers
    // and units only) is passed over in one look, where asking each byte was a round's length
    // times the marks.
    for (std::size_t at = scanned; (at = marks.previous(from, at, scan_mark::sentence_end)) != std::string_view::npos;)
        if (std::size_t const end = at + utf8_step(norm.substr(at)); end <= scanned) return end;
    return scanned;
}

// One piece of normalized text (whole lines, line_pieces.hpp), read in rounds: each round's
// mentions, records, unclaimed mentions and errors go to `emit(extraction&&, original_begin,
// original_end)` (mention indices the round's, offsets and [original_begin, original_end) the
// input's).  A round has at most round_mentions mentions and ends at a sentence's end, so that a
// line of a million characters (a PDF's lines joined, a file without line breaks) is not held
// with all its mentions and records at once; a sentence with more mentions than that (no prose
// has one) is cut after them, and a record across the cut is not made.  A piece of ordinary text
// is one round.
template <class Watch, class Emit>
void extract_piece(normalized_text const& piece, rule_set const& rules, lexicon const& words, Watch& watch,
                   Emit&& emit) {
    std::string_view const text = piece.text;
    auto const& map = piece.map;
    std::vector<mention> mentions;
    std::vector<error> found_errors;
    match_state state{.text = text, .mentions = &mentions, .words = &words};
    watch.begin_piece(state);
    bool first_round = true;
    for (std::size_t from = 0; first_round || from < text.size(); first_round = false) {
        mentions.clear();
        found_errors.clear();
        std::size_t const scanned =
            zhquant::detail::scan_mentions(text, words.units, mentions, found_errors, from, round_mentions);
        std::size_t const to = scanned < text.size() ? round_end(text, state.marks(), from, scanned) : text.size();
        // What lies past the round's end is read again by the next round.
        while (!mentions.empty() && mentions.back().start >= to) mentions.pop_back();
        std::erase_if(found_errors, [to](error const& e) { return e.offset >= to; });
        state.forget_mention_queries();

        std::vector<zhquant::record> records;
        std::vector<bool> claimed(mentions.size(), false);
        drive(text.substr(0, to), from, rules, state, records, claimed, watch);

        extraction x;
        if (first_round) x.errors = piece.problems;
        // Offsets mapped in place and the vectors handed over whole: a piece has thousands of
        // mentions of a few hundred bytes, which moving one by one into a growing vector copied
        // again at each growth (the peak memory of extract, first touched page by page).
        std::size_t segment = 0;  // of the map: records and mentions come in the text's order
        for (auto& r : records) std::tie(r.start, r.end) = map.to_original(r.start, r.end, segment);
        x.records = std::move(records);
        segment = 0;
        for (auto& m : mentions) std::tie(m.start, m.end) = map.to_original(m.start, m.end, segment);
        x.mentions = std::move(mentions);
        mentions.clear();  // moved from: empty, and the next round fills it again
        for (auto& e : found_errors) x.errors.push_back(error{map.to_original(e.offset, e.offset).first, e.message});
        for (std::size_t i = 0; i < claimed.size(); ++i)
            if (!claimed[i]) x.unclaimed.push_back(i);
        std::size_t const original_begin = from == 0 ? map.original_begin() : map.to_original(from, from).first;
        std::size_t const original_end = to == text.size() ? map.original_end() : map.to_original(to, to).first;
        emit(std::move(x), original_begin, original_end);
        from = to;
    }
    watch.end_piece(map);
}

// Appends `x` (a round of extract_piece) to `out`, its mention indices moved past out's.
inline void append_extraction(extraction& out, extraction&& x) {
    // The first round is taken whole (a document shorter than a piece has no other): moving its
    // mentions one by one into fresh vectors touched as many new pages again, on every call.
    if (out.mentions.empty() && out.records.empty() && out.errors.empty() && out.unclaimed.empty()) {
        out = std::move(x);
        return;
    }
    std::size_t const first = out.mentions.size();
    out.errors.insert(out.errors.end(), std::make_move_iterator(x.errors.begin()), std::make_move_iterator(x.errors.end()));
    for (auto& r : x.records) {
        shift_mentions(r, first);
        out.records.push_back(std::move(r));
    }
    out.mentions.insert(out.mentions.end(), std::make_move_iterator(x.mentions.begin()),
                        std::make_move_iterator(x.mentions.end()));
    for (std::size_t i : x.unclaimed) out.unclaimed.push_back(first + i);
}

// extract() with a watcher, over the whole text.
template <class Watch>
extraction extract_watched(std::string_view text, rule_set const& rules, extract_options const& options, Watch& watch) {
    extraction out;
    lexicon const& words = options.words ? *options.words : lexicon::builtin();
    line_pieces pieces(options.normalize);
    auto take = [&](normalized_text const& piece, std::string_view) {
        extract_piece(piece, rules, words, watch,
                      [&](extraction&& x, std::size_t, std::size_t) { append_extraction(out, std::move(x)); });
    };
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
// longest line: each piece of whole lines (a long or dense one in rounds of whole sentences,
// extract_piece) is handed out as its own extraction (mention indices its own, offsets the whole
// input's) with its original bytes.
//
//     zhquant::rules::extract_stream stream(township_report::rules());
//     auto print = [](zhquant::extraction&& x, std::string_view original, std::size_t original_begin) {
//         for (auto const& r : x.records) ...  // r.start - original_begin: its offset in `original`
//     };
//     while (read(block)) if (auto e = stream.feed(block, print)) return fail(*e);
//     if (auto e = stream.finish(print)) return fail(*e);
class extract_stream {
public:
    // Pieces of about 256 KiB of text (whole lines), not the normalizer's 1 MiB: a piece's
    // mentions, marks and records are held at once, and a quarter of them halves the peak memory
    // and the pages first touched, at the same speed (bench/RESULTS.md, session 13).
    static constexpr std::size_t default_piece_size = std::size_t{1} << 18;

    explicit extract_stream(rule_set const& rules, extract_options const& options = {},
                            std::size_t block_size = default_piece_size)
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
        std::size_t const piece_begin = piece.map.original_begin();
        detail::ignore_attempts none;
        detail::extract_piece(piece, *rules_, *words_, none, [&](extraction&& x, std::size_t begin, std::size_t end) {
            sink(std::move(x), original.substr(begin - piece_begin, end - begin), begin);
        });
    }

    rule_set const* rules_;
    lexicon const* words_;
    line_pieces pieces_;
};

}  // namespace zhquant::rules
