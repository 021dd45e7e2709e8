// The rule-set test harness (zhquant/rules/testing.hpp): the case-file format, its error messages
// word for word, and the side-by-side rendering of a failure, against a two-rule set of its own.
#include <zhquant/rules/testing.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace zhquant::rules;
using namespace zhquant::rules::dsl;
namespace testing_ = zhquant::rules::testing;

rule_set const& tiny() {
    static rule_set const set{"tiny",
                              {record("figure", -indicator >> amount >> -(clause_sep >> change)),
                               record("item_list", -verb >> list_of(item_name >> amount), 1)}};
    return set;
}

std::string error_of(std::string_view text) {
    auto parsed = testing_::parse_cases(text, "t.cases");
    return parsed ? std::string("(no error)") : parsed.error().message;
}

TEST(CaseFile, ReadsCasesRecordsAndDirectives) {
    auto parsed = testing_::parse_cases(
        "# comment\n"
        "> 完成税收598万元，同比增长 8.3%\n"
        "figure | value=598万元 | change=同比  up   8.3% | indicator=税收\n"
        "\n"
        "> 第一行\n"
        "> 第二行\n"
        "unclaimed: 2024年 | 3个\n"
        "known failure: a gap\n"
        "> 无数字\n"
        "unclaimed:\n",
        "t.cases");
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->cases.size(), 3u);
    auto const& c = parsed->cases[0];
    EXPECT_EQ(c.line, 2u);
    EXPECT_EQ(c.input, "完成税收598万元，同比增长 8.3%");
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].rule, "figure");
    // Fields in their canonical order; a change's spacing normalized.
    EXPECT_EQ(testing_::detail::render_line(c.records[0]), "figure | indicator=税收 | value=598万元 | change=同比 up 8.3%");
    EXPECT_FALSE(c.unclaimed);
    EXPECT_EQ(parsed->cases[1].input, "第一行\n第二行");
    EXPECT_EQ(parsed->cases[1].unclaimed, (std::vector<std::string>{"2024年", "3个"}));
    EXPECT_EQ(parsed->cases[1].known_failure, "a gap");
    EXPECT_TRUE(parsed->cases[2].records.empty());
    EXPECT_EQ(parsed->cases[2].unclaimed, std::vector<std::string>{});
}

TEST(CaseFile, NamedValuesAndShares) {
    auto parsed = testing_::parse_cases(
        "> x\n"
        "figure | 面积=273.48亩 | value=81个 | share=151.01% of 目标任务 | values.value=3个\n",
        "t.cases");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(testing_::detail::render_line(parsed->cases[0].records[0]),
              "figure | value=81个 | share=151.01% of 目标任务 | 面积=273.48亩 | values.value=3个");
}

TEST(CaseFile, ErrorsPointAtLineAndColumn) {
    EXPECT_EQ(error_of("figure | value=1个\n"),
              "t.cases:1:1: error: expected '> ' and a sentence before the first record of a case\n"
              "    figure | value=1个\n"
              "    ^");
    EXPECT_EQ(error_of("> 句子\n | value=1个\n"),
              "t.cases:2:2: error: expected a rule name before '|'\n"
              "     | value=1个\n"
              "     ^");
    EXPECT_EQ(error_of("> 句子\nfigure | 指标 税收\n"),
              "t.cases:2:10: error: expected '=' after the field name (name=text)\n"
              "    figure | 指标 税收\n"
              "             ^");
    // The caret counts CJK characters two columns wide; the column counts characters.
    EXPECT_EQ(error_of("> 句子\nfigure | indicator=税收 | change=同比 增长 8.3%\n"),
              "t.cases:2:32: error: expected 'up', 'down' or 'flat' in a change (change=同比 up 8.3%)\n"
              "    figure | indicator=税收 | change=同比 增长 8.3%\n"
              "                                     ^");
    EXPECT_EQ(error_of("> 句子\nfigure | value=1个 | value=2个\n"),
              "t.cases:2:21: error: unexpected second 'value' (a record has one; name a further value: 面积=273.48亩)\n"
              "    figure | value=1个 | value=2个\n"
              "                         ^");
    EXPECT_EQ(error_of("> 句子\nfigure | value=\n"),
              "t.cases:2:16: error: expected the text of 'value' after '='\n"
              "    figure | value=\n"
              "                   ^");
    EXPECT_EQ(error_of(">\n"),
              "t.cases:1:2: error: expected a sentence after '>'\n"
              "    >\n"
              "     ^");
    EXPECT_EQ(error_of("> 句子\nfigure value=1个\n"),
              "t.cases:2:7: error: expected '|' between the rule name and the first field (rule | field=text | ...)\n"
              "    figure value=1个\n"
              "          ^");
    EXPECT_EQ(error_of("> 句子\nknown failure:\n"),
              "t.cases:2:15: error: expected the reason after 'known failure:'\n"
              "    known failure:\n"
              "                  ^");
}

TEST(RunCases, PassesFailsAndKnownFailures) {
    auto report = testing_::run_cases(tiny(),
                                      "> 完成税收598万元，同比增长8.3%\n"
                                      "figure | indicator=税收 | value=598万元 | change=同比 up 8.3%\n"
                                      "> 出栏肉猪3820头、山羊108只\n"
                                      "item_list | verb=出栏 | indicator=肉猪 | value=3820头\n"
                                      "item_list | verb=出栏 | indicator=山羊 | value=108只\n"
                                      "unclaimed:\n"
                                      "> 税收598万元\n"
                                      "figure | indicator=税收 | value=598万\n"
                                      "known failure: the value is written without its unit\n"
                                      "> 税收598万元\n"
                                      "figure | indicator=税收 | value=598万元\n"
                                      "known failure: passes, so this is reported\n",
                                      "t.cases");
    ASSERT_FALSE(report.parse_error);
    ASSERT_EQ(report.cases.size(), 4u);
    EXPECT_EQ(report.cases[0].result, testing_::outcome::passed);
    EXPECT_EQ(report.cases[1].result, testing_::outcome::passed);
    EXPECT_EQ(report.cases[2].result, testing_::outcome::known_failure);
    EXPECT_EQ(report.cases[3].result, testing_::outcome::fixed);
    EXPECT_EQ(report.summary(), "2 passed, 1 failed, 1 known failure");
    EXPECT_FALSE(report);
    EXPECT_NE(report.failures().find("t.cases:10: error: this case passes now; remove its 'known failure:' line"),
              std::string::npos);
}

TEST(RunCases, FailureShowsBothSidesAndTheRule) {
    auto report = testing_::run_cases(tiny(),
                                      "# the sentence gives 税收, not 营业额\n"
                                      "> 完成税收598万元，同比增长8.3%\n"
                                      "figure | indicator=营业额 | value=598万元\n",
                                      "t.cases");
    ASSERT_EQ(report.cases.size(), 1u);
    EXPECT_EQ(report.cases[0].rendered,
              "t.cases:2: error: the records differ\n"
              "  > 完成税收598万元，同比增长8.3%\n"
              "\n"
              "               expected  actual\n"
              "  record 1\n"
              "    rule       figure    figure\n"
              "  ! indicator  营业额    税收\n"
              "    value      598万元   598万元\n"
              "  ! change     -         同比 up 8.3%\n"
              "\n"
              "  which rule made each actual record, and what it matched:\n"
              "    1. figure: 完成税收598万元，同比增长8.3%\n"
              "\n"
              "  the actual records, as case lines:\n"
              "    figure | indicator=税收 | value=598万元 | change=同比 up 8.3%\n");
    EXPECT_EQ(report.failures(), report.cases[0].rendered + "\n0 passed, 1 failed\n");
}

TEST(RunCases, MissingAndExtraRecordsAndUnclaimed) {
    auto report = testing_::run_cases(tiny(),
                                      "> 2024年，税收598万元\n"
                                      "figure | indicator=税收 | value=598万元\n"
                                      "figure | indicator=营业额 | value=1万元\n"
                                      "unclaimed:\n",
                                      "t.cases");
    ASSERT_EQ(report.cases.size(), 1u);
    EXPECT_EQ(report.cases[0].rendered,
              "t.cases:1: error: the records differ\n"
              "  > 2024年，税收598万元\n"
              "\n"
              "               expected  actual\n"
              "  record 1\n"
              "    rule       figure    figure\n"
              "    indicator  税收      税收\n"
              "    value      598万元   598万元\n"
              "  record 2\n"
              "  ! rule       figure    -\n"
              "  ! indicator  营业额    -\n"
              "  ! value      1万元     -\n"
              "  ! unclaimed            2024年\n"
              "\n"
              "  which rule made each actual record, and what it matched:\n"
              "    1. figure: 税收598万元\n"
              "\n"
              "  the actual records, as case lines:\n"
              "    figure | indicator=税收 | value=598万元\n"
              "    unclaimed: 2024年\n");
}

TEST(RunCases, ParseErrorIsTheReport) {
    auto report = testing_::run_cases(tiny(), "> x\nfigure value\n", "bad.cases");
    ASSERT_TRUE(report.parse_error);
    EXPECT_FALSE(report);
    EXPECT_EQ(report.summary().substr(0, 36), "bad.cases:2:7: error: expected '|' b");
}

TEST(Check, GoogleTestFriendly) {
    auto r = testing_::check(tiny(), "> 税收598万元\nfigure | indicator=税收 | value=598万元\n");
    EXPECT_TRUE(r) << r;
    EXPECT_EQ(testing_::case_lines(tiny(), "税收598万元，2024年"),
              "> 税收598万元，2024年\nfigure | indicator=税收 | value=598万元\nunclaimed: 2024年\n");
}

TEST(DisplayWidth, CountsWideCharactersTwice) {
    EXPECT_EQ(testing_::detail::display_width("598万元"), 7u);
    EXPECT_EQ(testing_::detail::display_width("同比 up 8.3%"), 12u);
    EXPECT_EQ(testing_::detail::display_width("，（％）"), 8u);
}

}  // namespace
