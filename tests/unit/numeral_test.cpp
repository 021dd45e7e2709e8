// The number grammar, row by row: {input, value, high, remaining input}.  Each row parses the
// input with grammar::number (smart style), resolves the parts, and checks what was left over.
#include <zhquant/grammar/mention.hpp>
#include <zhquant/grammar/number.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/value/resolve.hpp>

#include <boost/spirit/home/x3/core/parse.hpp>
#include <boost/spirit/home/x3/support/traits/attribute_of.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

namespace x3 = boost::spirit::x3;
using zhquant::grammar::number_parts;
using zhquant::grammar::numeral_parts;

// Every public rule's attribute, pinned: a change here is an API change for rule authors.
template <class Parser>
using attribute_of = typename x3::traits::attribute_of<Parser, x3::unused_type>::type;
static_assert(std::is_same_v<attribute_of<zhquant::grammar::numeral_parser>, numeral_parts>);
static_assert(std::is_same_v<attribute_of<std::remove_cvref_t<decltype(zhquant::grammar::number)>>, number_parts>);

struct row {
    char const* input;
    char const* value;  // nullptr: the grammar must not match at all
    char const* high;   // nullptr: not a range
    char const* rest;   // what the grammar leaves unread
};

// clang-format off
constexpr row grammar_rows[] = {
    // Arabic
    {"36923", "36923", nullptr, ""},
    {"1.2", "1.2", nullptr, ""},
    {"1,234.56", "1234.56", nullptr, ""},
    {"1,234,567", "1234567", nullptr, ""},
    {"-10000", "-10000", nullptr, ""},
    {"负32", "-32", nullptr, ""},
    {"負32", "-32", nullptr, ""},
    {"－5", "-5", nullptr, ""},
    {"0.5", "0.5", nullptr, ""},
    {".5", "0.5", nullptr, ""},
    {"4.800", "4.8", nullptr, ""},
    {"007", "7", nullptr, ""},
    {"３６９２３", "36923", nullptr, ""},
    {"２．２", "2.2", nullptr, ""},
    {"４，５６５", "4565", nullptr, ""},
    {"1,23", "1", nullptr, ",23"},
    {"1,2345", "1", nullptr, ",2345"},
    {"12,345.5", "12345.5", nullptr, ""},
    {"1234,567", "1234", nullptr, ",567"},
    {"10..1", "10", nullptr, "..1"},
    {"3.", "3", nullptr, "."},
    {"8.3%", "8.3", nullptr, "%"},
    {"2e5", "200000", nullptr, ""},
    {"-12e-1", "-1.2", nullptr, ""},
    {"1.2E+3", "1200", nullptr, ""},
    {"5Ghz", "5", nullptr, "Ghz"},
    {"3e", "3", nullptr, "e"},
    {"2e5x", "2", nullptr, "e5x"},
    {"2024年", "2024", nullptr, "年"},
    // Chinese numerals
    {"零", "0", nullptr, ""},
    {"〇", "0", nullptr, ""},
    {"一", "1", nullptr, ""},
    {"十", "10", nullptr, ""},
    {"十五", "15", nullptr, ""},
    {"一十", "10", nullptr, ""},
    {"一十五", "15", nullptr, ""},
    {"二十", "20", nullptr, ""},
    {"九十九", "99", nullptr, ""},
    {"一百", "100", nullptr, ""},
    {"一百零一", "101", nullptr, ""},
    {"一百一十", "110", nullptr, ""},
    {"一百十一", "111", nullptr, ""},
    {"一千零五", "1005", nullptr, ""},
    {"一千零五十", "1050", nullptr, ""},
    {"一千零十", "1010", nullptr, ""},
    {"一千一十", "1010", nullptr, ""},
    {"四千零五万", "40050000", nullptr, ""},
    {"四千萬零六千", "40006000", nullptr, ""},
    {"四千万零六千", "40006000", nullptr, ""},
    {"五亿零六", "500000006", nullptr, ""},
    {"一百万零四", "1000004", nullptr, ""},
    {"九万零四百", "90400", nullptr, ""},
    {"一万零百一十一", "10111", nullptr, ""},
    {"两千三百五", "2350", nullptr, ""},
    {"九万四", "94000", nullptr, ""},
    {"九十二万四", "924000", nullptr, ""},
    {"一千三", "1300", nullptr, ""},
    {"一万三", "13000", nullptr, ""},
    {"四百五", "450", nullptr, ""},
    {"一亿三", "130000000", nullptr, ""},
    {"一百二十万三", "1203000", nullptr, ""},
    {"两千六", "2600", nullptr, ""},
    {"兩千六", "2600", nullptr, ""},
    {"倆千两百贰拾二", "2222", nullptr, ""},
    {"廿二", "22", nullptr, ""},
    {"卅", "30", nullptr, ""},
    {"三十五点六", "35.6", nullptr, ""},
    {"零点五", "0.5", nullptr, ""},
    {"零十", "10", nullptr, ""},
    {"零点零五", "0.05", nullptr, ""},
    {"两千三点一", "2300.1", nullptr, ""},
    {"两千万点五五四四", "20000000.5544", nullptr, ""},
    {"四百亿点零五零", "40000000000.05", nullptr, ""},
    {"一百点123", "100.123", nullptr, ""},
    {"三点五万", "35000", nullptr, ""},
    {"三点五亿", "350000000", nullptr, ""},
    {"八十七亿六千万", "8760000000", nullptr, ""},
    {"一万五千亿", "1500000000000", nullptr, ""},
    {"二十万亿", "20000000000000", nullptr, ""},
    {"三百五十一万亿", "351000000000000", nullptr, ""},
    {"四万万", "400000000", nullptr, ""},
    {"一千零一亿一千零一万一千零一", "100110011001", nullptr, ""},
    {"一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", "1111111111111111", nullptr, ""},
    {"四亿五千六百四十二万零一十五", "456420015", nullptr, ""},
    {"五兆六十二亿四万五千二", "5006200045200", nullptr, ""},
    {"负四十五亿零四百零四万", "-4504040000", nullptr, ""},
    {"拾万零五十六", "100056", nullptr, ""},
    {"七十八万五佰零六", "780506", nullptr, ""},
    {"一万二百五十", "10250", nullptr, ""},
    // Financial numerals and money
    {"壹", "1", nullptr, ""},
    {"壹佰壹拾壹", "111", nullptr, ""},
    {"肆佰陸拾", "460", nullptr, ""},
    {"壹仟肆佰肆拾伍万叁仟捌佰玖拾玖元捌角贰分", "14453899.82", nullptr, ""},
    {"伍仟万元整", "50000000", nullptr, ""},
    {"人民币", nullptr, nullptr, "人民币"},
    {"壹拾贰万元整", "120000", nullptr, ""},
    {"玖仟陆佰陆拾伍圆壹角捌分", "9665.18", nullptr, ""},
    {"壹佰捌拾壹圆柒角", "181.7", nullptr, ""},
    {"壹拾壹元正", "11", nullptr, ""},
    {"壹拾壹元", "11", nullptr, ""},
    {"貳萬參仟", "23000", nullptr, ""},
    {"壹元零伍分", "1.05", nullptr, ""},
    {"三元五角", "3.5", nullptr, ""},
    {"598万元", "5980000", nullptr, "元"},
    {"三十元", "30", nullptr, "元"},
    // Arabic with Chinese scales
    {"1.2万", "12000", nullptr, ""},
    {"36923万", "369230000", nullptr, ""},
    {"0.7亿", "70000000", nullptr, ""},
    {"3万5千", "35000", nullptr, ""},
    {"3亿5千万", "350000000", nullptr, ""},
    {"1,100万", "11000000", nullptr, ""},
    {"1,100.9亿", "110090000000", nullptr, ""},
    {"3万4000", "34000", nullptr, ""},
    {"25万6千", "256000", nullptr, ""},
    {"1.2万亿", "1200000000000", nullptr, ""},
    {"123456789012亿", "12345678901200000000", nullptr, ""},
    {"5万4千6百", "54600", nullptr, ""},
    {"5亿1万4千6百", "500014600", nullptr, ""},
    {"1千零1", "1001", nullptr, ""},
    {"2千零30万", "20300000", nullptr, ""},
    {"200亿零四千230", "20000004230", nullptr, ""},
    {"1百01", "101", nullptr, ""},
    {"1万600", "10600", nullptr, ""},
    {"100万三千", "1003000", nullptr, ""},
    {"10万万", "1000000000", nullptr, ""},
    {"4.78萬億", "4780000000000", nullptr, ""},
    {"10.1万零100", "101000", nullptr, "零100"},
    {"１１.92亿", "1192000000", nullptr, ""},
    {"-10.1万", "-101000", nullptr, ""},
    // Fractions
    {"三分之一", "1/3", nullptr, ""},
    {"二分之一", "0.5", nullptr, ""},
    {"五百分之2333", "4.666", nullptr, ""},
    {"百分之八点三", "0.083", nullptr, ""},
    {"百分之五十", "0.5", nullptr, ""},
    {"千分之三", "0.003", nullptr, ""},
    {"一百万分之五", "0.000005", nullptr, ""},
    {"一万万分之七", "0.00000007", nullptr, ""},
    {"壹仟分之贰", "0.002", nullptr, ""},
    {"四千二分之三", "1/1400", nullptr, ""},
    {"１６分之5", "0.3125", nullptr, ""},
    {"负3分之负一百五十七", "157/3", nullptr, ""},
    {"五 分之 一", "0.2", nullptr, ""},
    {"二分 之一", "0.5", nullptr, ""},
    {"3/5", "0.6", nullptr, ""},
    {"1/4", "0.25", nullptr, ""},
    {"-3/2", "-1.5", nullptr, ""},
    {"１６/5", "3.2", nullptr, ""},
    {"2024/12/3", "2024", nullptr, "/12/3"},
    {"1.5/3", "1.5", nullptr, "/3"},
    {"三百五又三分之一", "1051/3", nullptr, ""},
    {"负一又二分之一", "-1.5", nullptr, ""},
    {"3又一千分之23", "3.023", nullptr, ""},
    {"1 3/5", "1.6", nullptr, ""},
    {"1 3/5/7", "1", nullptr, " 3/5/7"},
    {"二分之", "2", nullptr, "分之"},
    {"三分", "3", nullptr, "分"},
    // Vague digits and ranges
    {"三四", "3", "4", ""},
    {"三四百", "300", "400", ""},
    {"七八十", "70", "80", ""},
    {"五六千万", "50000000", "60000000", ""},
    {"三五天", "3", "5", "天"},
    {"一两个", "1", "2", "个"},
    {"两三", "2", "3", ""},
    {"十几", "11", "19", ""},
    {"二十几万", "210000", "290000", ""},
    {"几十", "10", "90", ""},
    {"几百万", "1000000", "9000000", ""},
    {"数百", "100", "900", ""},
    {"数十万", "100000", "900000", ""},
    {"一百七八十", "170", "180", ""},
    {"几", nullptr, nullptr, "几"},
    {"数据", nullptr, nullptr, "数据"},
    {"几乎", nullptr, nullptr, "几乎"},
    // 余 and 多 inside a numeral
    {"130余万", "1300000", nullptr, ""},
    {"1.2万余", "12000", nullptr, "余"},
    {"300万余", "3000000", nullptr, "余"},
    {"十余万", "100000", nullptr, ""},
    {"一千多万", "10000000", nullptr, ""},
    {"500余万", "5000000", nullptr, ""},
    {"十 余 万", "100000", nullptr, ""},
    {"2000多万", "20000000", nullptr, ""},
    {"200多", "200", nullptr, "多"},
    {"十多个", "10", nullptr, "多个"},
    // Digit strings
    {"二〇二四", "2024", nullptr, ""},
    {"一九九八年", "1998", nullptr, "年"},
    {"一七二零", "1720", nullptr, ""},
    {"一七二零点一", "1720.1", nullptr, ""},
    {"一二三", "123", nullptr, ""},
    {"零一", "1", nullptr, ""},
    {"幺八九", "189", nullptr, ""},
    // Spaces left by PDF conversion
    {"一百 五 十 二", "152", nullptr, ""},
    {"7 万5 千4 百", "75400", nullptr, ""},
    {"1000  万", "10000000", nullptr, ""},
    {"1.2 万 余", "12000", nullptr, " 余"},
    {"四百 点 五", "400.5", nullptr, ""},
    {"500 万元", "5000000", nullptr, "元"},
    {"2 个", "2", nullptr, " 个"},
    {"1 2", "1", nullptr, " 2"},
    // Where a numeral stops
    {"十一十二", "11", nullptr, "十二"},
    {"两百点两", "200", nullptr, "点两"},
    {"100兆瓦", "100", nullptr, "兆瓦"},
    {"五十千", "50", nullptr, "千"},
    {"一万五千万", "15000", nullptr, "万"},
    {"一亿二亿", "120000000", nullptr, "亿"},  // 一亿二 is 1.2亿; 亿 twice is not one numeral
    {"万", nullptr, nullptr, "万"},
    {"万万", nullptr, nullptr, "万万"},
    {"亿元", nullptr, nullptr, "亿元"},
    {"点五", nullptr, nullptr, "点五"},
    {"余万", nullptr, nullptr, "余万"},
    {"abc", nullptr, nullptr, "abc"},
    {"", nullptr, nullptr, ""},
    {"一千零", "1000", nullptr, "零"},
    {"三十零", "30", nullptr, "零"},
    {"一百零零一", "100", nullptr, "零零一"},
    {"千三", "1300", nullptr, ""},
    {"百三", "130", nullptr, ""},
    {"两两", "2", nullptr, "两"},
    {"一二", "1", "2", ""},
};
// clang-format on

TEST(NumberGrammar, Rows) {
    int passed = 0;
    for (auto const& r : grammar_rows) {
        SCOPED_TRACE(r.input);
        std::string_view const input = r.input;
        char const* first = input.data();
        char const* const last = first + input.size();
        number_parts parts;
        bool const matched = x3::parse(first, last, zhquant::grammar::number, parts);
        std::string_view const rest(first, static_cast<std::size_t>(last - first));
        EXPECT_EQ(rest, r.rest);
        if (!r.value) {
            EXPECT_FALSE(matched);
            if (!matched && rest == r.rest) ++passed;
            continue;
        }
        if (!matched) {
            ADD_FAILURE() << "did not match";
            continue;
        }
        auto const value = zhquant::resolve(parts);
        if (!value) {
            ADD_FAILURE() << value.error().message;
            continue;
        }
        bool ok = rest == r.rest;
        EXPECT_EQ(value->value.to_string(), r.value);
        ok = ok && value->value.to_string() == r.value;
        if (r.high) {
            EXPECT_TRUE(value->high.has_value());
            ok = ok && value->high && value->high->to_string() == r.high;
            if (value->high) {
                EXPECT_EQ(value->high->to_string(), r.high);
            }
        } else {
            EXPECT_FALSE(value->high.has_value()) << value->high->to_string();
            ok = ok && !value->high;
        }
        if (ok) ++passed;
    }
    std::cout << "number grammar rows: " << passed << " passed of " << std::size(grammar_rows) << '\n';
}

// The mention reader's short path (grammar::detail::parse_number: the numeral scanner alone where
// nothing after the numeral can extend it) reads what the full rule reads: the same end, value
// and shape, on every row above and on the words after 元 that do or do not make money.
constexpr char const* short_path_inputs[] = {
    "五万元三吨", "五万元三角", "五万元零五分", "五万元零零五分", "五万元〇五分", "五万元整", "五万元正",
    "伍万元", "5元5角", "5元", "5元12角", "5元1分", "十元零整", "3元三", "3元三个", "36923万元，同比",
    "1.2万元", "三分之一", "3 1/5", "2又三分之一", "1/3", "-5元", "五元角", "五元零", "一百元零一角",
};

TEST(NumberGrammar, ShortPathReadsAsTheRule) {
    std::vector<std::string_view> inputs(std::begin(short_path_inputs), std::end(short_path_inputs));
    for (auto const& r : grammar_rows) inputs.emplace_back(r.input);
    for (std::string_view const input : inputs) {
        SCOPED_TRACE(input);
        char const* const last = input.data() + input.size();
        char const* rule_end = input.data();
        char const* short_end = input.data();
        number_parts by_rule, by_short_path;
        bool const rule_matched = x3::parse(rule_end, last, zhquant::grammar::number, by_rule);
        bool const short_matched = zhquant::grammar::detail::parse_number(short_end, last, by_short_path);
        ASSERT_EQ(short_matched, rule_matched);
        if (!rule_matched) continue;
        EXPECT_EQ(short_end - input.data(), rule_end - input.data());
        EXPECT_EQ(by_short_path.shape, by_rule.shape);
        auto const a = zhquant::resolve(by_rule);
        auto const b = zhquant::resolve(by_short_path);
        ASSERT_EQ(a.has_value(), b.has_value());
        if (a) {
            EXPECT_EQ(b->value.to_string(), a->value.to_string());
        }
    }
}

// resolve_numeral's short paths (36923, 1.2万, 三, 五万, 八十) give the values of the evaluator
// they skip, at both ends of a vague digit, on every row above.
TEST(NumberGrammar, ResolverShortPathsAgreeWithTheEvaluator) {
    int short_shapes = 0;
    for (auto const& r : grammar_rows) {
        SCOPED_TRACE(r.input);
        char const* first = r.input;
        char const* const last = first + std::string_view(r.input).size();
        number_parts parts;
        if (!x3::parse(first, last, zhquant::grammar::number, parts)) continue;
        short_shapes += parts.whole.tokens.size() <= 2;
        for (bool const high : {false, true}) {
            auto const quick = zhquant::resolve_numeral(parts.whole, high);
            auto const full = zhquant::detail::numeral_evaluator(high).run(parts.whole);
            ASSERT_EQ(quick.has_value(), full.has_value());
            if (quick) {
                EXPECT_EQ(quick->to_string(), full->to_string());
            }
        }
    }
    EXPECT_GT(short_shapes, 10);  // the rows do hold the short shapes
}

// scan_numeral's short path for a run of Arabic digits (scan_arabic_run) gives what the state
// machine gives, on every row above and on each run followed by what may or may not continue it.
TEST(NumberGrammar, ArabicRunShortPathReadsAsTheScanner) {
    std::vector<std::string> inputs;
    for (auto const& r : grammar_rows) inputs.emplace_back(r.input);
    for (std::string const run : {"3", "36923", "8.3", "1,234", "1,234.5", "１２", "2e5", ".5", "1,2"})
        for (std::string const after : {"", "元", "万", "千", "点五", "余万", "多人", "五", "零", "十", "几",
                                         " 万", "  元", " 3", "%", ",", "，234", "．5", "个", "年", "・", "万元",
                                         "亿人", "兆", "兆元", "万 元", "万万", "万亿", "万五", "万3", "萬元", "万点五"})
            inputs.push_back(run + after);
    int short_path = 0;
    for (std::string const& input : inputs) {
        SCOPED_TRACE(input);
        char const* const first = input.data();
        char const* const last = first + input.size();
        zhquant::grammar::numeral_parts by_scanner, by_scan_numeral, scratch;
        char const* const scanner_end =
            zhquant::grammar::detail::numeral_scanner(first, last, zhquant::number_style::smart).run(by_scanner);
        char const* const end = zhquant::grammar::scan_numeral(first, last, zhquant::number_style::smart, by_scan_numeral);
        short_path += zhquant::grammar::detail::scan_arabic_run(first, last, scratch) != nullptr;
        EXPECT_EQ(end, scanner_end);
        if (!scanner_end) continue;
        EXPECT_TRUE(std::equal(by_scan_numeral.tokens.begin(), by_scan_numeral.tokens.end(), by_scanner.tokens.begin(),
                               by_scanner.tokens.end()));
        EXPECT_EQ(by_scan_numeral.form, by_scanner.form);
        EXPECT_EQ(by_scan_numeral.inner_over, by_scanner.inner_over);
    }
    EXPECT_GT(short_path, 50);  // the inputs do take the short path
}

// The short path for a lone Chinese digit (scan_lone_digit) gives what the state machine gives,
// in every style, on every row above and on each digit followed by what may or may not continue it.
TEST(NumberGrammar, LoneDigitShortPathReadsAsTheScanner) {
    std::vector<std::string> inputs;
    for (auto const& r : grammar_rows) inputs.emplace_back(r.input);
    for (std::string const digit : {"一", "三", "两", "〇", "零", "壹", "貳", "几", "①", "十", "万"})
        for (std::string const after : {"", "个", "吨", "万", "十", "五", "零", "四", " 万", " 吨", "点五", "余万",
                                         "3", "%", ",", "成", "年", "分之一", "又", "万人", "亿元", "兆", "兆元",
                                         "万 元", "万万", "万亿", "万五", "万零", "万 五", "萬元", "万点五", "亿余"})
            inputs.push_back(digit + after);
    int short_path = 0;
    for (auto const style : {zhquant::number_style::strict, zhquant::number_style::normal, zhquant::number_style::smart})
        for (std::string const& input : inputs) {
            SCOPED_TRACE(input);
            char const* const first = input.data();
            char const* const last = first + input.size();
            zhquant::grammar::numeral_parts by_scanner, by_scan_numeral, scratch;
            char const* const scanner_end = zhquant::grammar::detail::numeral_scanner(first, last, style).run(by_scanner);
            char const* const end = zhquant::grammar::scan_numeral(first, last, style, by_scan_numeral);
            short_path += zhquant::grammar::detail::scan_lone_digit(first, last, scratch) != nullptr;
            EXPECT_EQ(end, scanner_end);
            if (!scanner_end) continue;
            EXPECT_TRUE(std::equal(by_scan_numeral.tokens.begin(), by_scan_numeral.tokens.end(),
                                   by_scanner.tokens.begin(), by_scanner.tokens.end()));
            EXPECT_EQ(by_scan_numeral.form, by_scanner.form);
            EXPECT_EQ(by_scan_numeral.inner_over, by_scanner.inner_over);
        }
    EXPECT_GT(short_path, 60);  // the inputs do take the short path
}

// Overflow is an error, never a wrap or a rounding.
struct overflow_row {
    char const* input;
    bool overflows;
};
constexpr overflow_row overflow_rows[] = {
    {"99999999999999999999999999999999999999", false},   // 38 digits
    {"999999999999999999999999999999999999999", true},   // 39 digits
    {"1亿亿亿亿", false},                                   // 10^32
    {"1亿亿亿亿亿", true},                                  // 10^40
    {"一百亿亿亿亿", false},                                // 10^34
    {"一千万亿亿亿亿", true},                               // 10^39
    {"0.00000000000000000000000000000000000001", false}, // 10^-38
    {"0.000000000000000000000000000000000000001", true}, // 10^-39
    {"12345678901234567890123456789012345678.5", true},  // 39 significant digits
    {"1234567890123456789012345678901234567亿", true},
};

TEST(NumberGrammar, OverflowIsAnError) {
    for (auto const& r : overflow_rows) {
        SCOPED_TRACE(r.input);
        auto const got = zhquant::parse_number(r.input);
        EXPECT_EQ(!got, r.overflows);
        if (!got) {
            EXPECT_NE(got.error().message.find("too large"), std::string::npos) << got.error().message;
        }
    }
}

// The styles nest: what strict reads, normal and smart read the same; the rest is refused.
struct style_row {
    char const* input;
    bool strict, normal, smart;  // read (true) or refused (false) in each style
};
constexpr style_row style_rows[] = {
    {"一千零五", true, true, true},
    {"壹佰壹拾壹圆整", true, true, true},
    {"一千零一亿一千零一万一千零一", true, true, true},
    {"两千三百五", false, true, true},   // elision
    {"一千一十", false, true, true},     // a skipped place without 零
    {"十万零一千", false, true, true},   // a 零 with no skipped place
    {"一百十一", false, true, true},     // 十 without its digit inside a numeral
    {"二〇二四", false, true, true},     // digit string
    {"零点五零", false, true, true},     // trailing zero after 点
    {"〇", false, true, true},
    {"壹拾壹元", false, true, true},     // money without 整, 角 or 分
    {"1.2万", false, false, true},
    {"3万5千", false, false, true},
    {"百分之八", false, false, true},
    {"千三", false, false, true},
    {"10.1万零100", false, false, false},
    {"零点", false, false, false},
    {"点五", false, false, false},
    {"负", false, false, false},
    {"", false, false, false},
};

TEST(NumberStyles, Nest) {
    using zhquant::number_style;
    for (auto const& r : style_rows) {
        SCOPED_TRACE(r.input);
        EXPECT_EQ(bool(zhquant::parse_number(r.input, number_style::strict)), r.strict) << "strict";
        EXPECT_EQ(bool(zhquant::parse_number(r.input, number_style::normal)), r.normal) << "normal";
        EXPECT_EQ(bool(zhquant::parse_number(r.input, number_style::smart)), r.smart) << "smart";
    }
}

TEST(NumberStyles, ErrorsSayWhere) {
    auto const got = zhquant::parse_number("零点零大", zhquant::number_style::normal);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().offset, 9u);
    EXPECT_EQ(got.error().message, "unexpected '大' after the number");
    auto const empty = zhquant::parse_number("");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().message, "expected a number, found an empty text");
    auto const none = zhquant::parse_number("元整");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message, "expected a number, found '元'");
}

// first_word_of compares only the words of the text's group (word_list): it must find what a walk
// over the whole list in order finds, for every word of every list followed by any character,
// and for a few texts that begin no word.
template <class Entry, std::size_t N>
void expect_first_word_as_listed(zhquant::grammar::detail::word_list<Entry, N> const& list) {
    using zhquant::grammar::detail::word_of;
    std::vector<std::string> texts = {"", "x", "元", "万元", "人民", "36923"};
    for (auto const& e : list)
        for (std::string_view after : {"", "x", "民", "度"}) texts.push_back(std::string(word_of(e).text) + std::string(after));
    for (auto const& text : texts) {
        SCOPED_TRACE(text);
        std::uint32_t const head = zhquant::grammar::detail::listed_word::head_of(text);
        Entry const* walked = nullptr;
        for (auto const& e : list)
            if (word_of(e).begins(text, head)) {
                walked = &e;
                break;
            }
        EXPECT_EQ(zhquant::grammar::detail::first_word_of(text, list), walked);
    }
}

TEST(WordLists, FirstWordIsTheFirstListed) {
    namespace d = zhquant::grammar::detail;
    expect_first_word_as_listed(d::qualifiers_before);
    expect_first_word_as_listed(d::qualifiers_after);
    expect_first_word_as_listed(d::linking_verbs);
    expect_first_word_as_listed(d::unit_lookalikes);
    expect_first_word_as_listed(d::range_separators);
    expect_first_word_as_listed(d::minus_signs);
    // Longer words come first where one begins another: 超过 is found, not 超.
    EXPECT_EQ(d::first_word_of("超过5", d::qualifiers_before)->word.text, "超过");
    EXPECT_EQ(d::first_word_of("超5", d::qualifiers_before)->word.text, "超");
}

}  // namespace
