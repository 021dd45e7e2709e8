// township_report: the sentences of township and village work reports (the seeds' format).
//
//     1-11月规上工业总产值36923万元，同比增长 8.3%       -> figure: indicator, period, value, change
//     完成税收598万元，占目标任务的151.01%              -> figure with a share
//     出栏肉猪3820头、山羊108只、活鸡28107只            -> item_list: three records, verb 出栏
//     城镇、农村常住居民人均可支配收入同比分别增长8.5%、9.2% -> paired_lists: two records
//     现实监测脱贫户706户2257人                          -> figure with two values
//     办宴数量较去年减少240余场，下降了60%               -> changes: two changes
//     500万元以上固定资产投资项目2个                     -> scoped_figure: a value that scopes the indicator
//     1.4万余人享受家庭医生签约服务                      -> counted: the count before what it counts
//
// Each rule reads like the sentence it matches; the pieces are public so that other rule sets
// (statistical_bulletin) reuse them.  Its cases: township_report.cases, next to this header.
#pragma once

#include <zhquant/rules/rule_set.hpp>

#include <boost/spirit/home/x3/auxiliary/eoi.hpp>

namespace zhquant::rules::township_report {

using namespace zhquant::rules::dsl;

// 1-11月, / 2024年, / 截至2024年12月,  — a period that opens the sentence.
inline auto const opening_period = -(x3::lit("截至") | x3::lit("截止")) >> period >> -clause_sep;

// 四个意识, 八项规定, 过去一年, 十五条硬措施: a small number in words names a thing, it is not a
// figure of the report (两万亩, 十余次 are).
inline auto const small_numeral = one_of("一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十");
inline auto const number_word = +small_numeral >> !one_of("百", "千", "万", "亿", "余", "多");
inline auto const figure_amount = !number_word >> amount;

// 36923万元、面积273.48亩 / 706户2257人 / 5条、11.9公里 / 302人共31150元: a value and the values
// that follow it.
inline auto const values = figure_amount >> *guard[-(list_sep | x3::lit("共")) >> (labeled_amount | amount)];

// 完成计划任务的125.9%: a share of a plan, said as its completion.
inline auto const completion =
    guard[x3::lit("完成") >> &(x3::lit("计划") | x3::lit("目标") | x3::lit("年度") | x3::lit("全年") | x3::lit("任务")) >>
          text_parser{{}, "share.of", false, 30} >> mention_parser{"share", mention_kinds::percent}];

// ，同比增长8.3% / ，占目标任务的151.01% / ，完成计划任务的125.9% — what a later clause says about
// the same figure.
inline auto const remarks = *guard[clause_sep >> (change | share | completion)];

// 肉猪3820头 / 临时救助困难群众388人次138.39万元: one item of a list.  An item never starts with a
// verb of its own: 出栏肉猪3820头、山羊108只，养殖清水鱼1000亩 is two lists, 养殖 the second one's verb.
inline auto const item = !verb >> item_name >> values;

// 另申报2022年 — a period inside the clause: the words before it are left out.
inline auto const inner_period = guard[context >> period];

// 规上工业总产值36923万元，同比增长 8.3% / 另申报2022年高标准农田建设5000亩
inline rule const figure =
    record("figure", -(opening_period | inner_period) >> -indicator >> values >> remarks, 2);

// 办宴数量较去年减少240余场，下降了60% / 比上年末提高0.6个百分点.  A clause may start with its
// change: 较2023年提高… (the indicator would read 较 and stop at the mention 2023年).
inline rule const changes = record("changes", -opening_period >> (change | guard[indicator >> change]) >> remarks, 2);

// 500万元以上固定资产投资项目2个
inline rule const scoped_figure = record("scoped_figure", amount("scope") >> indicator >> values >> remarks, 2);

// 1.4万余人享受家庭医生签约服务 / 8支村居义务巡逻队强化夜间巡逻: a count before what it counts,
// the whole clause.
inline rule const counted =
    record("counted", -opening_period >> -verb >> figure_amount >> indicator >> &(clause_sep | x3::eoi), 2);

// 全年产销…, 累计举办…: a word of time before a list's verb.
inline auto const lead_in = x3::lit("全年") | x3::lit("累计") | x3::lit("今年") | x3::lit("去年") | x3::lit("当年");

// 出栏肉猪3820头、山羊108只、活鸡28107只
inline rule const item_list = record("item_list", -opening_period >> -lead_in >> -verb >> list_of(item), 3);

// 城镇、农村常住居民人均可支配收入同比分别增长8.5%、9.2% / 分别为3个、5个
inline auto const paired =
    name_list >> guard[-basis >> x3::lit("分别") >> direction_word >> list_of(change_value)] |
    name_list >> x3::lit("分别") >> -(x3::lit("为") | x3::lit("是") | x3::lit("达")) >> list_of(amount);
inline rule const paired_lists = record("paired_lists", paired, 4);

inline rule_set const& rules() {
    static rule_set const set{"township_report", {paired_lists, item_list, figure, changes, scoped_figure, counted}};
    return set;
}

}  // namespace zhquant::rules::township_report
