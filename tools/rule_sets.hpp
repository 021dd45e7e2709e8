// The rule sets `zhquant extract --rules NAME` knows; each is compiled in a file of its own
// (rule_set_<name>.cpp), since a rule set's X3 grammar is the heavy part of a build.
#pragma once

#include <zhquant/rules/rule_set.hpp>

#include <string>
#include <string_view>
#include <vector>

struct named_rule_set {
    std::string_view name;
    zhquant::rules::rule_set const& (*get)();
};

std::vector<named_rule_set> const& known_rule_sets();

// The rule set called `name`, or null.
named_rule_set const* find_rule_set(std::string_view name);

// "township_report, ...": the known names, for messages and --help.
std::string rule_set_names();

// Prints `zhquant: unknown rule set 'NAME' (known: ...)` to standard error.
void report_unknown_rule_set(std::string_view name);

zhquant::rules::rule_set const& township_report_rules();
zhquant::rules::rule_set const& statistical_bulletin_rules();
