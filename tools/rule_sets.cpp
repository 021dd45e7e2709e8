#include "rule_sets.hpp"

std::vector<named_rule_set> const& known_rule_sets() {
    static std::vector<named_rule_set> const sets{
        {"township_report", township_report_rules},
    };
    return sets;
}
