// statistical_bulletin: statistics releases, bulletins and government work reports — the
// township report's rules, and what these texts add to them.
//
//     1—7月份，社会消费品零售总额262179亿元，同比增长7.3%   -> figure: a period clause, then the figure
//     规模以上工业增加值同比增长3.8%，比上月加快0.5个百分点   -> changes: an indicator with 增加值
//     新能源汽车产销量占全球比重超过60%                       -> share_figure: 占…比重
//     常住人口城镇化率提高到66.2%                            -> figure: a change said as its new level
//     一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元     -> figure and its change
//     其中城镇、农村居民收入分别增长4.8%、5.9%               -> paired_lists (township_report's lists)
//
// Everything township_report has is reused from it, not copied: its period, values, items and
// lists, and its rules for lists.  The sentences after 其中， are figures of their own (the driver
// starts a record after each comma).
#pragma once

#include <zhquant/rules/rule_set.hpp>
#include <zhquant/rules/township_report.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zhquant::rules::statistical_bulletin {

using namespace zhquant::rules::dsl;
namespace township = zhquant::rules::township_report;

// A word that belongs to the indicator though it starts with a change word: 增加值 (the indicator
// primitive stops at 增加).  Written as more of the indicator: 规模以上工业 + 增加值.
// (A stopgap: the indicator primitive itself should read through such words.)
struct indicator_word_parser : primitive<indicator_word_parser> {
    std::string_view word;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& context, RCtx&, Attr&) const {
        match_state& st = x3::get<match_state_tag>(context).get();
        std::size_t const at = st.offset(first);
        if (st.text.substr(at, st.offset(last) - at).substr(0, word.size()) != word) return false;
        st.journal.push_back({journal_entry::kind::field, "indicator", at, at + word.size(), std::nullopt,
                              word, direction::up, nullptr});
        first += static_cast<std::ptrdiff_t>(word.size());
        return true;
    }
};

inline constexpr indicator_word_parser value_added{{}, "增加值"};

// 为 / 达到 between a name and its value: 第一产业增加值为11.05亿元.
inline auto const link = one_of("为", "达到", "达");

// 规模以上工业增加值 / 第一产业增加值 / 增加值 / 社会消费品零售总额.
inline auto const indicator_name = guard[-indicator >> value_added >> -(!link >> indicator)] | indicator;

// 前7个月， / 今年前7个月: the months so far, a length of time (7个月) after 前.  Not any
// quantity: 前三包 is no period.
inline auto const months_so_far =
    x3::lit("前") >> mention_parser{"period", mention_kinds::duration} >> -clause_sep;

// 今年7月份， / 前7个月， / 其中 — what opens a clause before its figure.  (其中 without its comma:
// after a comma the driver starts a record anyway.)
inline auto const lead =
    -x3::lit("今年") >> -(township::opening_period | guard[months_so_far]) >> -x3::lit("其中");

// 提高到66.2% / 降至1.9%: the new level of the figure, not a change of it.
inline auto const to_level = one_of("提高到", "提升到", "上升到", "增加到", "增长到", "下降到", "降低到", "减少到",
                                   "达到", "增至", "降至", "升至");

// 占全球比重超过60% / 占全部投资的比重为35.2%: a share said with 比重.
inline auto const share_ratio =
    guard[x3::lit("占") >> -text_parser{{}, "share.of", false, 0} >> -x3::lit("的") >> x3::lit("比重") >>
          -(x3::lit("为") | x3::lit("达到") | x3::lit("达")) >> mention_parser{"share", mention_kinds::percent}];

// ，按不变价格计算， — how a change was computed, between a figure and its change.
inline auto const price_basis =
    x3::lit("按") >> (x3::lit("不变价格") | x3::lit("可比价格") | x3::lit("可比口径")) >> x3::lit("计算") >> -clause_sep;

// ，同比增长7.3% / 、比上年增加1.1万亿元 / ，占全球比重超过60% — what follows about the same
// figure, after a comma or a 、.
// ，增速比一季度提高1.9个百分点 / ，降幅收窄… — a change of the growth rate is a change of the
// figure too.
inline auto const rate_word = x3::lit("增速") | x3::lit("增幅") | x3::lit("涨幅") | x3::lit("降幅");
inline auto const remarks = *guard[(clause_sep | list_sep) >> -price_basis >> -rate_word >>
                                   (change | share_ratio | share | township::completion)];

// 1—7月份，社会消费品零售总额262179亿元，同比增长7.3% / 常住人口城镇化率提高到66.2%
inline rule const figure =
    record("figure", lead >> -indicator_name >> -(to_level | link) >> township::values >> remarks, 2);

// 规模以上工业增加值同比增长3.8%，比上月加快0.5个百分点
inline rule const changes =
    record("changes", lead >> (change | guard[indicator_name >> -price_basis >> change]) >> remarks, 2);

// 新能源汽车产销量占全球比重超过60%
inline rule const share_figure =
    record("share_figure", lead >> indicator_name >> (share_ratio | share) >> remarks, 2);

// 其中城镇、农村居民收入分别增长4.8%、5.9% / 1—7月份，A、B零售额同比分别增长…
inline rule const paired_lists = record("paired_lists", lead >> township::paired, 4);

inline rule_set const& rules() {
    static rule_set const set{"statistical_bulletin",
                              {paired_lists, township::item_list, figure, changes, share_figure, township::scoped_figure,
                               township::counted}};
    return set;
}

}  // namespace zhquant::rules::statistical_bulletin
