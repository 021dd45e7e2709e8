// The project's rule sets, for the targets that run extract() with each (rule_sets.cpp compiles
// them, so that their grammars are built in one translation unit).
#pragma once

#include <zhquant/rules/rule_set.hpp>

#include <vector>

namespace zhquant::fuzz {

std::vector<rules::rule_set const*> const& project_rule_sets();

}  // namespace zhquant::fuzz
