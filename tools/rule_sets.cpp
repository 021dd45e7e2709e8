#include "rule_sets.hpp"

#include <fmt/core.h>

#include <cstdio>

std::vector<named_rule_set> const& known_rule_sets() {
    static std::vector<named_rule_set> const sets{
        {"township_report", township_report_rules},
        {"statistical_bulletin", statistical_bulletin_rules},
    };
    return sets;
}

named_rule_set const* find_rule_set(std::string_view name) {
    for (auto const& set : known_rule_sets())
        if (set.name == name) return &set;
    return nullptr;
}

std::string rule_set_names() {
    std::string names;
    for (auto const& set : known_rule_sets()) names += (names.empty() ? "" : ", ") + std::string(set.name);
    return names;
}

void report_unknown_rule_set(std::string_view name) {
    fmt::print(stderr, "zhquant: unknown rule set '{}' (known: {})\n", name, rule_set_names());
}
