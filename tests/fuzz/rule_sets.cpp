// Every rule set in rules/zhquant/rules/ that exists in this tree.
#include "rule_sets.hpp"

#include <zhquant/rules/township_report.hpp>
#if __has_include(<zhquant/rules/statistical_bulletin.hpp>)
#include <zhquant/rules/statistical_bulletin.hpp>
#define ZHQUANT_FUZZ_HAS_STATISTICAL_BULLETIN 1
#endif

#include <type_traits>

namespace zhquant::fuzz {

namespace {

// A rule set is an object or a function that returns one.
template <class T>
rules::rule_set const* rule_set_of(T const& symbol) {
    if constexpr (std::is_invocable_v<T const&>)
        return &symbol();
    else
        return &symbol;
}

}  // namespace

std::vector<rules::rule_set const*> const& project_rule_sets() {
    static std::vector<rules::rule_set const*> const sets{
        rule_set_of(rules::township_report::rules),
#if defined(ZHQUANT_FUZZ_HAS_STATISTICAL_BULLETIN)
        rule_set_of(rules::statistical_bulletin::rules),
#endif
    };
    return sets;
}

}  // namespace zhquant::fuzz
