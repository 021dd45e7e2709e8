// Rules and rule sets: a named X3 expression over the DSL primitives, and the records its
// matches make.
//
//     using namespace zhquant::rules::dsl;
//     inline zhquant::rules::rule const figure =
//         zhquant::rules::record("figure", -period >> indicator >> amount, /*priority=*/1);
//     inline zhquant::rules::rule_set const mine{"mine", {figure}};
//
// A rule's expression is compiled where record() is called, so each rule set's translation unit
// pays for its own grammar; a rule_set holds its rules type-erased, and extract() needs no X3.
#pragma once

#include <zhquant/record.hpp>
#include <zhquant/rules/dsl.hpp>
#include <zhquant/rules/rule_needs.hpp>

#include <boost/spirit/home/x3/core/parse.hpp>
#include <boost/spirit/home/x3/directive/with.hpp>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace zhquant::rules {

struct rule {
    std::string name;
    int priority = 0;  // the higher wins where two rules match at one place; then the longer match
    std::function<bool(match_state&, char const*& first, char const* last)> parse;
    rule_needs needs{};  // what every match reads (rule_needs.hpp): the driver skips the places without it
};

// A rule named `name` that reads `expression`.
template <class Expression>
rule record(std::string name, Expression const& expression, int priority = 0) {
    auto parser = x3::as_parser(expression);
    return rule{std::move(name), priority,
                [parser](match_state& state, char const*& first, char const* last) {
                    return x3::parse(first, last, x3::with<match_state_tag>(std::ref(state))[parser]);
                },
                detail::needs_of(parser)};
}

class rule_set {
public:
    rule_set(std::string name, std::vector<rule> rules) : name_(std::move(name)), rules_(std::move(rules)) {}
    rule_set(std::string name, std::initializer_list<rule> rules) : name_(std::move(name)), rules_(rules) {}

    std::string const& name() const { return name_; }
    std::vector<rule> const& rules() const { return rules_; }

private:
    std::string name_;
    std::vector<rule> rules_;
};

namespace detail {

// The entries of a successful match that lie on its path, into `kept`: an entry that a later one
// starts before the end of was backtracked over, and so was anything past the match's end.
inline void surviving_entries(std::vector<journal_entry> const& journal, std::size_t match_end,
                              std::vector<journal_entry>& kept) {
    kept.clear();
    for (auto const& e : journal) {
        while (!kept.empty() && kept.back().end > e.begin && !(kept.back().type == journal_entry::kind::item_begin &&
                                                                kept.back().begin == e.begin))
            kept.pop_back();
        if (e.end <= match_end) kept.push_back(e);
    }
}

// What add_field remembers between the entries of one record.
struct assembly {
    std::string label;           // a label waiting for its value
    bool change_has_direction = false;
};

inline void add_field(zhquant::record& r, journal_entry const& e, std::vector<mention> const& mentions, assembly& a) {
    std::string_view const f = e.field;
    // A change is basis, direction, value in that order; a part already set starts the next one.
    auto open_change = [&](bool for_direction, bool for_value) {
        bool const need_new = r.changes.empty() || r.changes.back().value ||
                              (for_direction && a.change_has_direction) || (!for_direction && !for_value);
        if (need_new) {
            r.changes.push_back(change{});
            a.change_has_direction = false;
        }
    };
    if (detail::same_word(f, "indicator")) {
        r.indicator += e.text;
    } else if (detail::same_word(f, "verb")) {
        r.verb = e.text;
    } else if (detail::same_word(f, "label")) {
        a.label = e.text;
    } else if (detail::same_word(f, "period") && !r.period) {
        r.period = e.mention;
    } else if (detail::same_word(f, "share")) {
        r.share = e.mention;
    } else if (detail::same_word(f, "share.of")) {
        std::string of(e.text);
        if (of.size() >= 3 && of.compare(of.size() - 3, 3, "的") == 0) of.resize(of.size() - 3);
        r.share_of = of;
    } else if (detail::same_word(f, "change.basis")) {
        open_change(false, false);
        r.changes.back().basis = e.text;
    } else if (detail::same_word(f, "change.direction")) {
        open_change(true, false);
        r.changes.back().direction = e.dir;
        a.change_has_direction = true;
    } else if (detail::same_word(f, "change.value")) {
        open_change(false, true);
        r.changes.back().value = e.mention;
    } else if (e.mention) {
        std::string name = !a.label.empty() ? a.label : std::string(f);
        a.label.clear();
        if (name == "value" && !r.value) {
            r.value = e.mention;
        } else {
            if (name == "value" && !mentions[*e.mention].unit.empty()) name = mentions[*e.mention].unit;
            r.values.push_back({name, *e.mention});
        }
    }
    if (e.mention) r.mentions.push_back(*e.mention);
}

// What records_of works in, kept by the driver from match to match: a match makes a record or
// two, and these vectors would otherwise be allocated and freed for each.
struct record_scratch {
    std::vector<journal_entry> entries;
    std::vector<std::pair<void const*, std::size_t>> item_counts;
    std::vector<std::pair<void const*, std::size_t>> owner;
};

// The records one match makes, appended to `out`: one per item of its lists (lists pair up item
// by item), each with the fields outside the lists too.  Returns how many.
inline std::size_t records_of(std::vector<journal_entry> const& journal, std::size_t begin, std::size_t end,
                              std::string const& rule_name, std::vector<mention> const& mentions,
                              record_scratch& scratch, std::vector<zhquant::record>& out) {
    auto& entries = scratch.entries;
    surviving_entries(journal, end, entries);
    // Which item of which list each entry belongs to.  A match has a list or two, if any: the
    // counts are a short vector, searched.
    auto& item_counts = scratch.item_counts;
    item_counts.clear();
    auto count_of = [&item_counts](void const* list) -> std::size_t& {
        for (auto& [l, n] : item_counts)
            if (l == list) return n;
        return item_counts.emplace_back(list, 0).second;
    };
    auto& owner = scratch.owner;
    owner.assign(entries.size(), {nullptr, 0});
    void const* open_list = nullptr;
    std::size_t open_item = 0;
    std::size_t with_mention = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto const& e = entries[i];
        if (e.type == journal_entry::kind::item_begin) {
            open_list = e.list;
            open_item = count_of(e.list)++;
        } else if (e.type == journal_entry::kind::item_end) {
            open_list = nullptr;
        } else if (open_list) {
            owner[i] = {open_list, open_item};
        }
        if (e.mention) ++with_mention;
    }
    std::size_t records = 1;
    for (auto const& [list, n] : item_counts) records = std::max(records, n);
    std::size_t made = 0;
    for (std::size_t k = 0; k < records; ++k) {
        // Made in place: a record is a few strings and vectors, which a move into `out` copied.
        zhquant::record& r = out.emplace_back();
        r.start = begin;
        r.end = end;
        r.rule = rule_name;
        r.mentions.reserve(with_mention);  // one allocation, where adding them one by one regrew it
        assembly a;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].type != journal_entry::kind::field) continue;
            auto const [list, item] = owner[i];
            // A list of one item is said once for all: it is shared like a field outside a list.
            bool const mine = !list || item == k || count_of(list) == 1;
            if (mine) add_field(r, entries[i], mentions, a);
        }
        std::sort(r.mentions.begin(), r.mentions.end());
        r.mentions.erase(std::unique(r.mentions.begin(), r.mentions.end()), r.mentions.end());
        if (r.mentions.empty())
            out.pop_back();
        else
            ++made;
    }
    return made;
}

}  // namespace detail

}  // namespace zhquant::rules
