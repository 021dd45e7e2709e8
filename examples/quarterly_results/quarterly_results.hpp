// quarterly_results: the figures of a company's quarterly report, as records.  A rule set of
// your own, written with zhquant's rule DSL; the tutorial in README.md builds it step by step.
//
//     2024年第三季度营业收入12.5亿元，同比增长15.2%   -> result: 营业收入 12.5亿元, period 三季度,
//                                                      year 2024年, change 同比 up 15.2%
//     毛利率为32.5%，较上年同期提高1.2个百分点        -> ratio: 毛利率 32.5%, 较上年同期 up 1.2个百分点
//     净利润同比下降4.5%                             -> change: 净利润, 同比 down 4.5%
#pragma once

#include <zhquant/rules/rule_set.hpp>

namespace quarterly_results {

using namespace zhquant::rules::dsl;
using zhquant::rules::record;
namespace x3 = boost::spirit::x3;

// 2024年第三季度， / 第三季度 / 上半年 — the period the figures are for.  2024年第三季度 is two
// mentions: the quarter is the period, the year a value named "year".
inline auto const reporting_period =
    (guard[period("year") >> -x3::lit("第") >> period] | -x3::lit("第") >> period) >> -clause_sep;

// ，同比增长15.2% / ，占营业收入的14.4% — what later clauses say about the same figure.
inline auto const remarks = *guard[clause_sep >> (change | share)];

// 2024年第三季度营业收入12.5亿元，同比增长15.2%
inline zhquant::rules::rule const result = record("result", -reporting_period >> indicator >> money >> remarks);

// 毛利率为32.5%，较上年同期提高1.2个百分点
inline zhquant::rules::rule const ratio = record("ratio", -reporting_period >> indicator >> percent >> remarks);

// 净利润同比下降4.5%
inline zhquant::rules::rule const change_only = record("change", -reporting_period >> indicator >> change >> remarks);

inline zhquant::rules::rule_set const& rules() {
    static zhquant::rules::rule_set const set{"quarterly_results", {result, ratio, change_only}};
    return set;
}

}  // namespace quarterly_results
