#include "rule_sets.hpp"

#include <zhquant/rules/township_report.hpp>

zhquant::rules::rule_set const& township_report_rules() { return zhquant::rules::township_report::rules(); }
