// explain(): why a rule set made what it made of a text.  At each place where the driver tries
// its rules (extract.hpp: a sentence's start, after ，：or (, where the last record ended), every
// rule's outcome: the match that was chosen, a match that lost, or how far the rule read and what
// its primitives expected there.
//
//     auto why = zhquant::rules::explain("完成税收598万元，同比增长8.3%", township_report::rules());
//     for (auto const& site : why.sites)
//         for (auto const& a : site.attempts)
//             if (a.outcome == attempt_outcome::stopped)   // scoped_figure stopped at 0: a quantity or percent (scope)
//                 std::cout << a.rule << " stopped at " << a.end << ": " << a.expected.front() << '\n';
//
// explain() follows extract()'s driver step by step (the same sentences, clause starts and choice
// of rule), so its records are extract()'s.  It traces every primitive (match_state::trace), so it
// is slower: it is meant for the one sentence a rule author is looking at.  "Furthest" is the
// furthest offset any primitive of the rule ended or failed at; a literal of the rule (x3::lit)
// leaves no trace, so a rule that stopped at a literal has no `expected`.
#pragma once

#include <zhquant/mentions.hpp>
#include <zhquant/record.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/rules/rule_set.hpp>
#include <zhquant/text/normalize.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace zhquant::rules {

enum class attempt_outcome : std::uint8_t {
    chosen,     // the match the driver took
    outranked,  // matched, but another rule won: a higher priority, or the same and longer
    empty,      // matched nothing (every part of it optional and absent)
    stopped,    // did not match
};

constexpr std::string_view name(attempt_outcome o) noexcept {
    switch (o) {
        case attempt_outcome::chosen: return "chosen";
        case attempt_outcome::outranked: return "outranked";
        case attempt_outcome::empty: return "empty";
        case attempt_outcome::stopped: return "stopped";
    }
    return "";
}

// One rule tried at one place.  Offsets are bytes of the text given.
struct rule_attempt {
    std::string rule;
    int priority = 0;
    attempt_outcome outcome = attempt_outcome::stopped;
    std::size_t end = 0;                // a match's end; stopped: the furthest offset the rule reached
    std::vector<std::string> expected;  // stopped: what its primitives wanted at `end`, e.g. "a date (period)"
    std::size_t records = 0;            // chosen: how many records the match made
};

// A place where the driver tried every rule, and what each did.
struct attempt_site {
    std::size_t at = 0;
    std::vector<rule_attempt> attempts;  // in the rule set's order
    std::size_t chosen = 0;              // index into attempts; attempts.size() when none matched
};

struct explanation {
    extraction result;                // the records, mentions and unclaimed mentions, as extract() makes them
    std::vector<attempt_site> sites;  // in text order
};

namespace detail {

// The furthest offset a traced match reached, and what its primitives wanted there.
inline std::pair<std::size_t, std::vector<std::string>> furthest(std::vector<trace_step> const& trace, std::size_t from) {
    std::size_t far = from;
    for (auto const& t : trace) far = std::max(far, t.at);
    std::vector<std::string> wanted;
    for (auto const& t : trace) {
        if (t.matched || t.at != far) continue;
        std::string w = std::string(t.expected) + " (" + std::string(t.field) + ")";
        if (std::find(wanted.begin(), wanted.end(), w) == wanted.end()) wanted.push_back(std::move(w));
    }
    return {far, std::move(wanted)};
}

}  // namespace detail

inline explanation explain(std::string_view text, rule_set const& rules, extract_options const& options = {}) {
    explanation out;
    extraction& x = out.result;
    lexicon const& words = options.words ? *options.words : lexicon::builtin();
    auto normalized = normalize(text, options.normalize);
    if (!normalized) {
        x.errors.push_back(normalized.error());
        return out;
    }
    x.errors = std::move(normalized->problems);
    std::string const& norm = normalized->text;
    std::vector<error> found_errors;
    zhquant::detail::scan_mentions(norm, words.units, x.mentions, found_errors);

    std::vector<trace_step> trace;
    match_state state{norm, &x.mentions, &words, {}};
    state.trace = &trace;
    std::vector<bool> claimed(x.mentions.size(), false);
    // Normalized offsets until the end, as in extract().
    std::size_t sentence = 0;
    while (sentence < norm.size()) {
        std::size_t mark = 0;
        std::size_t const sentence_end = detail::sentence_end(norm, sentence, mark);
        std::size_t at = sentence;
        while (at < sentence_end) {
            attempt_site site;
            site.at = at;
            int best_priority = 0;
            std::size_t best_end = at;
            std::size_t best = rules.rules().size();
            std::vector<journal_entry> best_journal;
            for (auto const& r : rules.rules()) {
                state.journal.clear();
                trace.clear();
                rule_attempt a;
                a.rule = r.name;
                a.priority = r.priority;
                char const* first = norm.data() + at;
                if (!r.parse(state, first, norm.data() + sentence_end)) {
                    std::tie(a.end, a.expected) = detail::furthest(trace, at);
                    a.outcome = attempt_outcome::stopped;
                } else {
                    std::size_t const match_end = static_cast<std::size_t>(first - norm.data());
                    a.end = match_end;
                    a.outcome = match_end == at ? attempt_outcome::empty : attempt_outcome::outranked;
                    if (match_end != at && (best == rules.rules().size() || r.priority > best_priority ||
                                            (r.priority == best_priority && match_end > best_end))) {
                        best = site.attempts.size();
                        best_priority = r.priority;
                        best_end = match_end;
                        best_journal = state.journal;
                    }
                }
                site.attempts.push_back(std::move(a));
            }
            site.chosen = best;
            if (best < site.attempts.size()) {
                auto& chosen = site.attempts[best];
                chosen.outcome = attempt_outcome::chosen;
                for (auto& rec : detail::records_of(best_journal, at, best_end, chosen.rule, x.mentions)) {
                    for (auto i : rec.mentions) claimed[i] = true;
                    x.records.push_back(std::move(rec));
                    ++chosen.records;
                }
                out.sites.push_back(std::move(site));
                at = best_end;
                continue;
            }
            out.sites.push_back(std::move(site));
            at = detail::next_clause(norm, at, sentence_end);
        }
        sentence = sentence_end + mark;
        if (mark == 0 && sentence == sentence_end) sentence = sentence_end + 1;
    }

    auto const& map = normalized->map;
    auto point = [&](std::size_t p) { return map.to_original(p, p).first; };
    for (auto& site : out.sites) {
        for (auto& a : site.attempts)
            a.end = a.outcome == attempt_outcome::stopped ? point(a.end) : map.to_original(site.at, a.end).second;
        site.at = point(site.at);
    }
    for (auto& r : x.records) std::tie(r.start, r.end) = map.to_original(r.start, r.end);
    for (auto& m : x.mentions) std::tie(m.start, m.end) = map.to_original(m.start, m.end);
    for (auto& e : found_errors) x.errors.push_back(error{point(e.offset), e.message});
    for (std::size_t i = 0; i < claimed.size(); ++i)
        if (!claimed[i]) x.unclaimed.push_back(i);
    return out;
}

}  // namespace zhquant::rules
