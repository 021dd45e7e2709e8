// What any match of a rule must read, worked out from its X3 expression: words that it spells
// out (x3::lit, one_of), the separator of a list, a change's direction word; and what it may
// start with (a mention, such a word, or text).  The driver tries a rule only where the sentence
// starts as it may and its rest holds what it must read, instead of parsing everywhere to fail.
//
//     using namespace zhquant::rules::dsl;
//     auto const n = zhquant::rules::detail::needs_of(x3::as_parser(name_list >> x3::lit("分别") >> direction_word));
//     // n.all_of: {"、", "和"} (name_list), {"分别"}, a direction word ([up], [down], [flat])
//     auto const none = zhquant::rules::detail::needs_of(x3::as_parser(-period >> indicator >> amount));
//     // none.all_of is empty: a mention is all it needs, and the driver knows where those are;
//     // needs_of(x3::as_parser(-verb >> amount >> indicator)).starts: a verb or a mention
//
// A need is a superset: a rule whose need is met may still fail, and a primitive this header
// does not know needs nothing.  Of `a | b` only what both branches need is kept (or, when they
// share nothing, one need of each, either one will do).
#pragma once

#include <zhquant/rules/dsl.hpp>
#include <zhquant/rules/scan_marks.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhquant::rules {

// One of these is in the text of every match: a word, or a word of the lexicon's up, down or
// flat lists.
struct word_need {
    std::vector<std::string> words;
    bool direction_word = false;
    friend bool operator==(word_need const&, word_need const&) = default;
};

// What a match may start with: a mention, a word the rule spells out, a word of the lexicon's
// verbs, bases or up, down and flat lists; or anything (a rule that may start with text).
struct start_need {
    bool anything = true;
    bool mention = false;
    std::vector<std::string> words;
    bool verb = false;
    bool basis = false;
    bool direction_word = false;
    friend bool operator==(start_need const&, start_need const&) = default;
};

// Every need of a rule, each to be met, and what it starts with.
struct rule_needs {
    std::vector<word_need> all_of;
    start_need starts{};
    bool may_be_empty = true;  // the expression may match nothing (-a, *a, !a): what follows may start it
};

namespace detail {

// The words that separate the items of list_of.
inline constexpr std::string_view list_separators[] = {"、", "和", "及", "以及"};

// A match starts with one of the things either may start with.
inline start_need either_start(start_need a, start_need const& b) {
    if (a.anything || b.anything) return {};
    a.mention = a.mention || b.mention;
    for (auto const& w : b.words)
        if (std::find(a.words.begin(), a.words.end(), w) == a.words.end()) a.words.push_back(w);
    a.verb = a.verb || b.verb;
    a.basis = a.basis || b.basis;
    a.direction_word = a.direction_word || b.direction_word;
    return a;
}

inline constexpr start_need starts_with_nothing() {
    start_need none;
    none.anything = false;
    return none;
}

// The needs of `a >> b`: a's and b's; it starts as a does, or as b does where a may be empty.
inline rule_needs both(rule_needs a, rule_needs b) {
    for (auto& n : b.all_of)
        if (std::find(a.all_of.begin(), a.all_of.end(), n) == a.all_of.end()) a.all_of.push_back(std::move(n));
    if (a.may_be_empty) a.starts = either_start(std::move(a.starts), b.starts);
    a.may_be_empty = a.may_be_empty && b.may_be_empty;
    return a;
}

// The needs of `a | b`: what both need (or one need of each, either will do); it starts as
// either does.
inline rule_needs either(rule_needs const& a, rule_needs const& b) {
    rule_needs shared;
    shared.starts = either_start(a.starts, b.starts);
    shared.may_be_empty = a.may_be_empty || b.may_be_empty;
    if (a.all_of.empty() || b.all_of.empty()) return shared;
    for (auto const& n : a.all_of)
        if (std::find(b.all_of.begin(), b.all_of.end(), n) != b.all_of.end()) shared.all_of.push_back(n);
    if (!shared.all_of.empty()) return shared;
    word_need one = a.all_of.front();
    for (auto const& w : b.all_of.front().words)
        if (std::find(one.words.begin(), one.words.end(), w) == one.words.end()) one.words.push_back(w);
    one.direction_word = one.direction_word || b.all_of.front().direction_word;
    shared.all_of.push_back(std::move(one));
    return shared;
}

// What a parser that reads no text of its own and needs nothing starts like: -a, *a (where `a`
// does, or as what follows), !a (as what follows).
inline rule_needs optional_part(start_need starts) { return {{}, std::move(starts), true}; }

// A parser that reads something: what it needs, what it starts with.
inline rule_needs reads(std::vector<word_need> all_of, start_need starts) { return {std::move(all_of), std::move(starts), false}; }

// needs_of_parser<P>::of(p): a class template, so that each kind of parser's answer is found
// wherever its specialization is declared, unlike overloads that a template only sees if
// declared before it.
template <class Parser>
struct needs_of_parser {
    static rule_needs of(Parser const&) { return {}; }
};

template <class Parser>
rule_needs needs_of(Parser const& p) {
    return needs_of_parser<Parser>::of(p);
}

template <class Left, class Right>
struct needs_of_parser<x3::sequence<Left, Right>> {
    static rule_needs of(x3::sequence<Left, Right> const& p) { return both(needs_of(p.left), needs_of(p.right)); }
};

template <class Left, class Right>
struct needs_of_parser<x3::alternative<Left, Right>> {
    static rule_needs of(x3::alternative<Left, Right> const& p) { return either(needs_of(p.left), needs_of(p.right)); }
};

template <class Left, class Right>
struct needs_of_parser<x3::list<Left, Right>> {  // a % b: one a at least
    static rule_needs of(x3::list<Left, Right> const& p) { return needs_of(p.left); }
};

template <class Subject>
struct needs_of_parser<x3::optional<Subject>> {
    static rule_needs of(x3::optional<Subject> const& p) { return optional_part(needs_of(p.subject).starts); }
};

template <class Subject>
struct needs_of_parser<x3::kleene<Subject>> {
    static rule_needs of(x3::kleene<Subject> const& p) { return optional_part(needs_of(p.subject).starts); }
};

template <class Subject>
struct needs_of_parser<x3::not_predicate<Subject>> {
    static rule_needs of(x3::not_predicate<Subject> const&) { return optional_part(starts_with_nothing()); }
};

template <class Subject>
struct needs_of_parser<x3::plus<Subject>> {
    static rule_needs of(x3::plus<Subject> const& p) { return needs_of(p.subject); }
};

template <class Subject>
struct needs_of_parser<x3::and_predicate<Subject>> {  // &a >> b: a's needs, and a match starts as b does
    static rule_needs of(x3::and_predicate<Subject> const& p) { return {needs_of(p.subject).all_of, starts_with_nothing(), true}; }
};

template <class Subject>
struct needs_of_parser<guard_parser<Subject>> {
    static rule_needs of(guard_parser<Subject> const& p) { return needs_of(p.subject); }
};

template <class Subject>
struct needs_of_parser<list_parser<Subject>> {  // two items and a separator between them
    static rule_needs of(list_parser<Subject> const& p) {
        word_need separator;
        for (std::string_view s : list_separators) separator.words.emplace_back(s);
        rule_needs needs = needs_of(p.subject);  // a list starts with its first item
        if (std::find(needs.all_of.begin(), needs.all_of.end(), separator) == needs.all_of.end())
            needs.all_of.insert(needs.all_of.begin(), std::move(separator));
        return needs;
    }
};

template <class String, class Encoding, class Attribute>
struct needs_of_parser<x3::literal_string<String, Encoding, Attribute>> {
    static rule_needs of(x3::literal_string<String, Encoding, Attribute> const& p) {
        std::string word(std::string_view(p.str));
        if (word.empty()) return optional_part(starts_with_nothing());
        start_need starts = starts_with_nothing();
        starts.words.push_back(word);
        return reads({word_need{{std::move(word)}, false}}, std::move(starts));
    }
};

template <std::size_t N>
struct needs_of_parser<one_of_parser<N>> {
    static rule_needs of(one_of_parser<N> const& p) {
        word_need need;
        for (std::string_view w : p.words) need.words.emplace_back(w);
        start_need starts = starts_with_nothing();
        starts.words = need.words;
        return reads({std::move(need)}, std::move(starts));
    }
};

template <>
struct needs_of_parser<mention_parser> {
    static rule_needs of(mention_parser const&) {
        start_need starts = starts_with_nothing();
        starts.mention = true;
        return reads({}, std::move(starts));
    }
};

template <>
struct needs_of_parser<word_parser> {
    static rule_needs of(word_parser const& p) {
        start_need starts = starts_with_nothing();
        (p.which == word_parser::list::verbs ? starts.verb : starts.basis) = true;
        return reads({}, std::move(starts));
    }
};

template <>
struct needs_of_parser<direction_parser> {
    static rule_needs of(direction_parser const&) {
        start_need starts = starts_with_nothing();
        starts.direction_word = true;
        return reads({word_need{{}, true}}, std::move(starts));
    }
};

template <>
struct needs_of_parser<text_parser> {  // text: it may start with anything
    static rule_needs of(text_parser const&) { return reads({}, {}); }
};

template <>
struct needs_of_parser<name_list_parser> {  // names joined by 、 or 和
    static rule_needs of(name_list_parser const&) { return reads({word_need{{"、", "和"}, false}}, {}); }
};

// Whether `text` starts with a word of the lexicon's up, down or flat lists (direction_parser's).
inline bool starts_direction_word(std::string_view text, lexicon const& words) {
    return words.up.match(text) || words.down.match(text) || words.flat.match(text);
}

// Whether text[at, end) starts as `s` says a match may (the mentions are the state's).
inline bool may_start_here(start_need const& s, match_state& st, std::size_t at, std::size_t end) {
    if (s.anything || (s.mention && st.mention_at(at))) return true;
    std::string_view const rest = st.text.substr(at, end - at);
    for (std::string const& w : s.words)
        if (starts_with_word(rest, w)) return true;
    lexicon const& words = *st.words;
    return (s.verb && words.verbs.match(rest)) || (s.basis && words.bases.match(rest)) ||
           (s.direction_word && starts_direction_word(rest, words));
}

// Where the first `word` at or after `from` in `text` starts, or npos: memchr for its last byte,
// which in Chinese text (a continuation byte, one of 64) stops far less often than its first.
inline std::size_t find_word(std::string_view text, std::string_view word, std::size_t from) {
    if (word.empty()) return from;
    std::size_t const n = word.size();
    for (std::size_t p = from + n - 1; p < text.size();) {
        void const* const hit = std::memchr(text.data() + p, word.back(), text.size() - p);
        if (!hit) break;
        std::size_t const last = static_cast<std::size_t>(static_cast<char const*>(hit) - text.data());
        if (starts_with_word(text.substr(last + 1 - n), word)) return last + 1 - n;
        p = last + 1;
    }
    return std::string_view::npos;
}

// Answers, for the rules of a set, whether the text from a place to a sentence's end meets a
// rule's needs.  The places asked about only move forward (the driver's clause starts), so each
// word's next place is looked for once and kept until the places pass it: one pass over the text
// for each word, whatever the number of clauses.
class need_finder {
public:
    need_finder(std::string_view text, std::vector<rule_needs const*> const& needs, lexicon const& words, scan_marks& marks)
        : text_(text), words_(&words), marks_(&marks) {
        for (rule_needs const* rule : needs) {
            std::vector<need_index> indexed;
            for (word_need const& need : rule->all_of) {
                need_index n;
                n.direction_word = need.direction_word;
                for (std::string const& w : need.words) n.words.push_back(word_slot(w));
                indexed.push_back(std::move(n));
            }
            rules_.push_back(std::move(indexed));
        }
    }

    // Whether the `rule`th rule's needs are all met in text[at, end).
    bool met(std::size_t rule, std::size_t at, std::size_t end) {
        for (need_index const& need : rules_[rule]) {
            bool found = need.direction_word && next_direction_word(at) < end;
            for (std::size_t k = 0; !found && k < need.words.size(); ++k) {
                word_place& w = words_found_[need.words[k]];
                found = next_word(w, at) + w.word.size() <= end;
            }
            if (!found) return false;
        }
        return true;
    }

private:
    struct word_place {
        std::string_view word;
        std::size_t from = std::string_view::npos;  // where the last look began (npos: none yet)
        std::size_t at = std::string_view::npos;    // the first place of the word from there
    };
    struct need_index {
        std::vector<std::size_t> words;  // into words_found_
        bool direction_word = false;
    };

    std::size_t word_slot(std::string_view word) {
        for (std::size_t i = 0; i < words_found_.size(); ++i)
            if (words_found_[i].word == word) return i;
        words_found_.push_back({word, std::string_view::npos, std::string_view::npos});  // not looked for yet
        return words_found_.size() - 1;
    }

    std::size_t next_word(word_place& w, std::size_t at) const {
        bool const known = w.from != std::string_view::npos && w.from <= at && (w.at == std::string_view::npos || w.at >= at);
        if (!known) {
            w.from = at;
            w.at = find_word(text_, w.word, at);
        }
        return w.at == std::string_view::npos ? text_.size() + 1 : w.at;
    }

    // The first place at or after `at` where a word of up, down or flat starts (text size + 1
    // when none): such a word starts a stop word, which the marks show.
    std::size_t next_direction_word(std::size_t at) {
        if (direction_from_ != std::string_view::npos && direction_from_ <= at && direction_at_ >= at) return direction_at_;
        direction_from_ = at;
        for (std::size_t p = at; (p = marks_->next(p, text_.size(), scan_mark::stop_word)) < text_.size();
             p += utf8_step(text_.substr(p))) {
            if (starts_direction_word(text_.substr(p), *words_)) return direction_at_ = p;
        }
        return direction_at_ = text_.size() + 1;
    }

    std::string_view text_;
    lexicon const* words_;
    scan_marks* marks_;
    std::vector<word_place> words_found_;
    std::vector<std::vector<need_index>> rules_;
    std::size_t direction_from_ = std::string_view::npos;
    std::size_t direction_at_ = 0;
};

}  // namespace detail

}  // namespace zhquant::rules
