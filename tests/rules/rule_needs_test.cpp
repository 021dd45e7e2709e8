// What a rule's matches must read (zhquant/rules/rule_needs.hpp), worked out from expressions;
// and the driver that skips a rule where its needs are missing makes the records of one that
// tries every rule everywhere (explain()'s), on the seeds and, when present, ../shared/corpus.
#include <zhquant/rules/explain.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/rule_needs.hpp>
#include <zhquant/rules/statistical_bulletin.hpp>
#include <zhquant/rules/testing.hpp>
#include <zhquant/rules/township_report.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace zhquant::rules::dsl;
namespace x3 = boost::spirit::x3;
using zhquant::rules::rule_needs;
using zhquant::rules::start_need;
using zhquant::rules::word_need;
using zhquant::rules::detail::needs_of;

word_need words(std::vector<std::string> w) { return {std::move(w), false}; }
word_need direction() { return {{}, true}; }

struct needs_case {
    char const* expression;
    rule_needs found;
    std::vector<word_need> expected;
};

TEST(RuleNeeds, AreWhatEveryMatchOfTheExpressionReads) {
    word_need const separators = words({"、", "和", "及", "以及"});
    needs_case const cases[] = {
        {"-period >> indicator >> amount", needs_of(x3::as_parser(-period >> indicator >> amount)), {}},
        {"lit(分别) >> amount", needs_of(x3::as_parser(x3::lit("分别") >> amount)), {words({"分别"})}},
        {"name_list >> lit(分别) >> direction_word",
         needs_of(x3::as_parser(name_list >> x3::lit("分别") >> direction_word)),
         {words({"、", "和"}), words({"分别"}), direction()}},
        {"lit(占) | lit(比重)", needs_of(x3::as_parser(x3::lit("占") | x3::lit("比重"))), {words({"占", "比重"})}},
        {"(a >> b) | (b >> c): only b is in both",
         needs_of(x3::as_parser((x3::lit("a") >> x3::lit("b")) | (x3::lit("b") >> x3::lit("c")))), {words({"b"})}},
        {"lit(a) | amount: a branch that needs nothing", needs_of(x3::as_parser(x3::lit("a") | amount)), {}},
        {"-lit(a) >> *lit(b) >> !lit(c) >> amount",
         needs_of(x3::as_parser(-x3::lit("a") >> *x3::lit("b") >> !x3::lit("c") >> amount)), {}},
        {"+lit(a) >> &lit(b)", needs_of(x3::as_parser(+x3::lit("a") >> &x3::lit("b"))), {words({"a"}), words({"b"})}},
        {"list_of(item_name >> amount)", needs_of(x3::as_parser(list_of(item_name >> amount))), {separators}},
        {"change", needs_of(change), {direction()}},
        {"guard[lit(a) >> lit(a)]: a need once", needs_of(guard[x3::lit("a") >> x3::lit("a")]), {words({"a"})}},
        {"one_of(为, 达到, 达)", needs_of(one_of("为", "达到", "达")), {words({"为", "达到", "达"})}},
    };
    for (auto const& c : cases) EXPECT_EQ(c.found.all_of, c.expected) << c.expression;
}

start_need starts(bool mention, std::vector<std::string> w = {}, bool verb = false, bool direction_word = false) {
    start_need s;
    s.anything = false;
    s.mention = mention;
    s.words = std::move(w);
    s.verb = verb;
    s.direction_word = direction_word;
    return s;
}

TEST(RuleNeeds, SayWhatAMatchStartsWith) {
    struct starts_case {
        char const* expression;
        start_need found;
        start_need expected;
    };
    start_need const anything{};
    starts_case const cases[] = {
        {"amount(scope) >> indicator", needs_of(x3::as_parser(amount("scope") >> indicator)).starts, starts(true)},
        {"period | amount", needs_of(x3::as_parser(period | amount)).starts, starts(true)},
        {"guard[amount >> indicator] >> lit(分别)",
         needs_of(x3::as_parser(guard[amount >> indicator] >> x3::lit("分别"))).starts, starts(true)},
        {"list_of(amount)", needs_of(list_of(amount)).starts, starts(true)},
        {"-period >> amount", needs_of(x3::as_parser(-period >> amount)).starts, starts(true)},
        {"-(lit(截至) | lit(截止)) >> period", needs_of(x3::as_parser(-(x3::lit("截至") | x3::lit("截止")) >> period)).starts,
         starts(true, {"截至", "截止"})},
        {"-verb >> !one_of(一) >> amount >> indicator",
         needs_of(x3::as_parser(-verb >> !one_of("一") >> amount >> indicator)).starts, starts(true, {}, true)},
        {"*lit(a) >> &lit(b) >> lit(c)", needs_of(x3::as_parser(*x3::lit("a") >> &x3::lit("b") >> x3::lit("c"))).starts,
         starts(false, {"a", "c"})},
        {"change", needs_of(change).starts, [] {
             start_need s = starts(false, {}, false, true);
             s.basis = true;
             s.words = {"分别"};
             return s;
         }()},
        {"indicator >> amount", needs_of(x3::as_parser(indicator >> amount)).starts, anything},
        {"-period >> indicator >> amount", needs_of(x3::as_parser(-period >> indicator >> amount)).starts, anything},
        {"amount | indicator >> amount", needs_of(x3::as_parser(amount | indicator >> amount)).starts, anything},
        {"lit(占) >> percent", needs_of(x3::as_parser(x3::lit("占") >> percent)).starts, starts(false, {"占"})},
    };
    for (auto const& c : cases) EXPECT_EQ(c.found, c.expected) << c.expression;
}

// one_of reads what the alternatives of its words read: the first word that matches, in order.
TEST(OneOf, ReadsWhatTheAlternativesOfItsWordsRead) {
    struct one_of_case {
        std::string_view text;
        bool matched;
        std::size_t read;
    };
    auto const parse = [](auto const& parser, std::string_view text) -> std::pair<bool, std::size_t> {
        char const* first = text.data();
        bool const ok = x3::parse(first, text.data() + text.size(), parser);
        return {ok, static_cast<std::size_t>(first - text.data())};
    };
    for (auto const& c : {one_of_case{"达到8%", true, 3}, one_of_case{"达8%", true, 3}, one_of_case{"为8%", true, 3},
                          one_of_case{"8%", false, 0}, one_of_case{"", false, 0}, one_of_case{"\xE8", false, 0}}) {
        auto const [ok, read] = parse(one_of("为", "达", "达到"), c.text);
        EXPECT_EQ(ok, c.matched) << c.text;
        EXPECT_EQ(read, c.read) << c.text;
        EXPECT_EQ(parse(x3::lit("为") | x3::lit("达") | x3::lit("达到"), c.text), std::make_pair(ok, read)) << c.text;
    }
    EXPECT_EQ(parse(one_of("达到", "达"), "达到8%"), std::make_pair(true, std::size_t{6})) << "the first word that matches";
    EXPECT_EQ(parse(+one_of("一", "二") >> !one_of("万"), "一二三"), std::make_pair(true, std::size_t{6}));
    EXPECT_EQ(parse(+one_of("一", "二") >> !one_of("万"), "一二万"), std::make_pair(false, std::size_t{0}));
}

TEST(RuleNeeds, FinderAnswersForThePlacesAskedInOrder) {
    using zhquant::rules::lexicon;
    std::string_view const text = "产值增长5%，投资和消费、出口6%，无词8%";
    zhquant::rules::detail::scan_marks marks;
    marks.build(text, lexicon::builtin());
    rule_needs const list{{words({"、", "和"})}};
    rule_needs const changes{{direction()}};
    rule_needs const both{{words({"、"}), direction()}};
    zhquant::rules::detail::need_finder finder(text, {&list, &changes, &both}, lexicon::builtin(), marks);
    std::size_t const second = text.find("投资"), third = text.find("无词");
    // The places asked about move forward, as the driver's do; the ends vary.
    EXPECT_TRUE(finder.met(0, 0, text.size())) << "和 in the second clause";
    EXPECT_FALSE(finder.met(0, 0, second)) << "no 、 or 和 in the first clause";
    EXPECT_TRUE(finder.met(1, 0, second)) << "增长 is a direction word";
    EXPECT_TRUE(finder.met(2, 0, text.size()));
    EXPECT_TRUE(finder.met(0, second, third));
    EXPECT_FALSE(finder.met(1, second, text.size())) << "no direction word after the first clause";
    EXPECT_FALSE(finder.met(2, second, text.size())) << "、 but no direction word";
    EXPECT_FALSE(finder.met(0, third, text.size()));
}

std::string read(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> record_lines(zhquant::extraction const& x, std::string_view input) {
    namespace t = zhquant::rules::testing::detail;
    std::vector<std::string> lines;
    for (auto const& r : x.records) lines.push_back(r.rule + " " + t::render_line(t::describe(r, x, input)));
    return lines;
}

void expect_same_records_as_trying_every_rule(fs::path const& dir) {
    std::size_t files = 0, records = 0;
    for (auto const& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        std::string const text = read(entry.path());
        for (auto const* rules : {&zhquant::rules::township_report::rules(), &zhquant::rules::statistical_bulletin::rules()}) {
            auto const skipping = zhquant::rules::extract(text, *rules);
            auto const trying_all = zhquant::rules::explain(text, *rules).result;
            EXPECT_EQ(record_lines(skipping, text), record_lines(trying_all, text)) << entry.path() << ", " << rules->name();
            EXPECT_EQ(skipping.unclaimed, trying_all.unclaimed) << entry.path() << ", " << rules->name();
            records += trying_all.records.size();
        }
        ++files;
    }
    EXPECT_GT(files, 0u) << dir;
    EXPECT_GT(records, 100u) << dir;
}

TEST(RuleNeeds, SkippingRulesMakesTheRecordsOfTryingEveryRuleOnTheSeeds) {
    expect_same_records_as_trying_every_rule(ZHQUANT_SEEDS_DIR);
}

TEST(RuleNeeds, SkippingRulesMakesTheRecordsOfTryingEveryRuleOnTheCorpus) {
    fs::path const corpus = fs::path(ZHQUANT_SOURCE_DIR) / ".." / "shared" / "corpus";
    if (!fs::is_directory(corpus)) GTEST_SKIP() << corpus << " is not here";
    expect_same_records_as_trying_every_rule(corpus);
}

}  // namespace
