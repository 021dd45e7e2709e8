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
#include <zhquant/text/normalize.hpp>

#include <string_view>
#include <tuple>
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

}  // namespace detail

inline extraction extract(std::string_view text, rule_set const& rules, extract_options const& options = {}) {
    extraction out;
    lexicon const& words = options.words ? *options.words : lexicon::builtin();
    auto normalized = normalize(text, options.normalize);
    if (!normalized) {
        out.errors.push_back(normalized.error());
        return out;
    }
    out.errors = std::move(normalized->problems);
    std::string const& norm = normalized->text;
    std::vector<error> found_errors;
    zhquant::detail::scan_mentions(norm, words.units, out.mentions, found_errors);

    match_state state{norm, &out.mentions, &words, {}};
    std::vector<bool> claimed(out.mentions.size(), false);
    std::size_t sentence = 0;
    while (sentence < norm.size()) {
        std::size_t mark = 0;
        std::size_t const sentence_end = detail::sentence_end(norm, sentence, mark);
        std::size_t at = sentence;
        while (at < sentence_end) {
            int best_priority = 0;
            std::size_t best_end = at;
            rule const* best = nullptr;
            std::vector<journal_entry> best_journal;
            for (auto const& r : rules.rules()) {
                state.journal.clear();
                char const* first = norm.data() + at;
                if (!r.parse(state, first, norm.data() + sentence_end)) continue;
                std::size_t const match_end = static_cast<std::size_t>(first - norm.data());
                if (match_end == at) continue;
                if (!best || r.priority > best_priority || (r.priority == best_priority && match_end > best_end)) {
                    best = &r;
                    best_priority = r.priority;
                    best_end = match_end;
                    best_journal = state.journal;
                }
            }
            if (best) {
                for (auto& rec : detail::records_of(best_journal, at, best_end, best->name, out.mentions)) {
                    for (auto i : rec.mentions) claimed[i] = true;
                    out.records.push_back(std::move(rec));
                }
                at = best_end;
                continue;
            }
            at = detail::next_clause(norm, at, sentence_end);
        }
        sentence = sentence_end + mark;
        if (mark == 0 && sentence == sentence_end) sentence = sentence_end + 1;
    }

    auto const& map = normalized->map;
    for (auto& r : out.records) std::tie(r.start, r.end) = map.to_original(r.start, r.end);
    for (auto& m : out.mentions) std::tie(m.start, m.end) = map.to_original(m.start, m.end);
    for (auto& e : found_errors) out.errors.push_back(error{map.to_original(e.offset, e.offset).first, e.message});
    for (std::size_t i = 0; i < claimed.size(); ++i)
        if (!claimed[i]) out.unclaimed.push_back(i);
    return out;
}

}  // namespace zhquant::rules
