// The number finder on running text: which numbers it reports, where, and what it leaves alone.
#include <zhquant/numbers.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// Each found number written as "text=value" or "text=low..high", in order.
std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (auto const& n : zhquant::find_numbers(text).numbers) {
        std::string item(text.substr(n.start, n.end - n.start));
        item.append("=").append(n.value.to_string());
        if (n.high) item.append("..").append(n.high->to_string());
        out.push_back(std::move(item));
    }
    return out;
}

struct row {
    char const* text;
    std::vector<std::string> numbers;
};

// clang-format off
row const rows[] = {
    {"1-11月规上工业总产值36923万元，同比增长 8.3%", {"1=1", "11=11", "36923万=369230000", "8.3=8.3"}},
    {"实 现 税 收 598 万 元", {"598 万=5980000"}},
    {"拿到 1.2 万 余 元销售款", {"1.2 万=12000"}},
    {"两万亩", {"两万=20000"}},
    {"百分之八点三", {"百分之八点三=0.083"}},
    {"近400人次", {"400=400"}},
    {"人民币壹拾贰万元整", {"壹拾贰万元整=120000"}},
    {"温度-5度，1-2月", {"-5=-5", "1=1", "2=2"}},
    {"A-1型", {"1=1"}},
    {"三四百人", {"三四百=300..400"}},
    {"十几个", {"十几=11..19"}},
    {"数百家企业", {"数百=100..900"}},
    {"数据显示", {}},
    {"几乎没有", {}},
    {"一切都好", {}},
    {"我家在四川", {}},
    {"陆地上有许多动物", {}},
    {"这是我的队伍", {}},
    {"小明拾起石子", {}},
    {"这个人很肆意妄为", {}},
    {"千方百计", {}},
    {"两两相对", {}},
    {"一一对应", {}},
    {"统一思想", {}},
    {"三分之一的人", {"三分之一=1/3"}},
    {"二〇二四年", {"二〇二四=2024"}},
    {"第八批", {"八=8"}},
    {"十斤", {"十=10"}},
    {"1, 234, 567", {"1=1", "234=234", "567=567"}},
    {"1,050,000,000", {"1,050,000,000=1050000000"}},
    {"１３２０６．７亿元", {"１３２０６．７亿=1320670000000"}},
    {"15億3,364萬6千元", {"15億3,364萬6千=1533646000"}},
    {"出栏肉猪3820头、山羊108只", {"3820=3820", "108=108"}},
    {"100兆瓦", {"100=100"}},
    {"2024/12/3", {"2024=2024", "12=12", "3=3"}},
    {"占比1/4", {"1/4=0.25"}},
    {"", {}},
};
// clang-format on

TEST(FindNumbers, Rows) {
    for (auto const& r : rows) {
        SCOPED_TRACE(r.text);
        EXPECT_EQ(found(r.text), r.numbers);
    }
}

TEST(FindNumbers, OffsetsAreBytesOfTheInput) {
    std::string_view const text = "收入 2046 万元";
    auto const result = zhquant::find_numbers(text);
    ASSERT_EQ(result.numbers.size(), 1u);
    EXPECT_EQ(result.numbers[0].start, 7u);
    EXPECT_EQ(result.numbers[0].end, 15u);
}

TEST(FindNumbers, OverflowIsReportedAndTheScanGoesOn) {
    std::string const text = "共1亿亿亿亿亿元，另有5个";
    auto const result = zhquant::find_numbers(text);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].offset, 3u);
    EXPECT_EQ(result.errors[0].message,
              "number too large to hold exactly (more than 38 significant digits): 1亿亿亿亿亿");
    ASSERT_EQ(result.numbers.size(), 1u);
    EXPECT_EQ(result.numbers[0].value.to_string(), "5");
}

TEST(FindNumbers, InvalidUtf8DoesNotStopTheScan) {
    std::string text = "a\xff\xfe 12 \xe4\xb8 三";
    auto const got = found(text);
    EXPECT_EQ(got, (std::vector<std::string>{"12=12", "三=3"}));
}

TEST(FindNumbers, PathologicalRepetitionStaysLinear) {
    // 200k characters of one numeral character, of separators and of scales: each must finish
    // (the scan is linear; a quadratic one would take minutes here).
    for (std::string unit : {"一", "1,", "万", "十", "点"}) {
        std::string text;
        for (int i = 0; i < 200000; ++i) text += unit;
        auto const result = zhquant::find_numbers(text);
        EXPECT_LE(result.numbers.size() + result.errors.size(), text.size());
    }
}

}  // namespace
