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

// Watches extract()'s driver (extract.hpp): every place, every rule's outcome, traced.
struct attempt_recorder {
    // Where each rule stops, in clauses without a figure too (extract skips those).
    static constexpr bool every_clause = true;
    static constexpr bool every_attempt = true;

    std::vector<attempt_site> sites;  // the current piece's offsets until end_piece()
    std::vector<trace_step> trace;
    std::size_t piece_sites = 0;      // sites of the earlier pieces, already mapped

    void begin_piece(match_state& state) {
        trace.clear();
        state.trace = &trace;
    }
    void begin_site(std::size_t at) { sites.push_back(attempt_site{at, {}, 0}); }
    void attempt(rule const& r, bool parsed, std::size_t end) {
        attempt_site& site = sites.back();
        rule_attempt a;
        a.rule = r.name;
        a.priority = r.priority;
        if (!parsed) {
            std::tie(a.end, a.expected) = furthest(trace, site.at);
            a.outcome = attempt_outcome::stopped;
        } else {
            a.end = end;
            a.outcome = end == site.at ? attempt_outcome::empty : attempt_outcome::outranked;
        }
        trace.clear();
        site.attempts.push_back(std::move(a));
        site.chosen = site.attempts.size();  // none, unless choose() says otherwise
    }
    void choose(std::size_t k, std::size_t made) {
        attempt_site& site = sites.back();
        site.chosen = k;
        site.attempts[k].outcome = attempt_outcome::chosen;
        site.attempts[k].records = made;
    }
    void end_piece(offset_map const& map) {
        auto point = [&](std::size_t p) { return map.to_original(p, p).first; };
        for (std::size_t i = piece_sites; i < sites.size(); ++i) {
            auto& site = sites[i];
            for (auto& a : site.attempts)
                a.end = a.outcome == attempt_outcome::stopped ? point(a.end) : map.to_original(site.at, a.end).second;
            site.at = point(site.at);
        }
        piece_sites = sites.size();
    }
};

}  // namespace detail

inline explanation explain(std::string_view text, rule_set const& rules, extract_options const& options = {}) {
    detail::attempt_recorder recorder;
    explanation out;
    out.result = detail::extract_watched(text, rules, options, recorder);
    out.sites = std::move(recorder.sites);
    return out;
}

}  // namespace zhquant::rules
