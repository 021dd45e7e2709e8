#include "rule_sets.hpp"

#include <zhquant/rules/statistical_bulletin.hpp>

zhquant::rules::rule_set const& statistical_bulletin_rules() {
    return zhquant::rules::statistical_bulletin::rules();
}
