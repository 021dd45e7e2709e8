// audit(): every numeric token of a text is in a mention, rejected for a reason, or unrecognized.
// Table rows {text, token, status, reason}; then the seeds, where nothing may be unrecognized.
#include "../support/test_data.hpp"

#include <zhquant/audit.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace {

// The status (and reason) of the first token whose text is `token`, as "mention",
// "rejected ordinal", "unrecognized"; "absent" when no token has that text.
std::string judgement(std::string const& text, std::string const& token) {
    auto const a = zhquant::audit(text);
    for (auto const& t : a.tokens) {
        if (text.substr(t.start, t.end - t.start) != token) continue;
        std::string out(zhquant::name(t.status));
        if (t.status == zhquant::token_status::rejected) out += " " + std::string(zhquant::name(t.reason));
        return out;
    }
    return "absent";
}

struct row {
    std::string text;
    std::string token;
    std::string expected;
};

TEST(Audit, EachTokenJudged) {
    std::vector<row> const rows{
        {"规上工业总产值36923万元", "36923万", "mention"},
        {"同比增长8.3%", "8.3", "mention"},
        {"1-11月", "11", "mention"},
        {"第八批项目", "八", "rejected ordinal"},
        {"G318国道", "318", "rejected code"},
        {"5G基站", "5", "rejected code"},
        {"一些村", "一", "rejected word"},
        {"千方百计", "千", "rejected word"},
        {"评选一批好婆婆", "一", "rejected article"},
        {"编号12345", "12345", "rejected no_unit"},
        {"上午9:30召开", "9", "rejected time"},
        {"9时召开", "9", "rejected time"},
        {"2024-12-31", "12", "rejected date"},
        {"一、基本情况", "一", "rejected list_marker"},
        {"（二）主要工作", "二", "rejected list_marker"},
        {"二是加强管理", "二", "rejected list_marker"},
        {"1.加强管理", "1", "rejected list_marker"},
        {"3号楼", "3", "rejected label"},
        {"落实“三农”工作", "三", "rejected name"},
        {"《十四五规划》", "十四五", "rejected name"},
        {"收入" + std::string(40, '9') + "元", std::string(40, '9'), "rejected too_large"},
        {"惠及上千万家庭", "千万", "unrecognized"},  // 上 as 'more than' is not a qualifier yet
    };
    for (auto const& r : rows) EXPECT_EQ(judgement(r.text, r.token), r.expected) << r.text;
}

TEST(Audit, CountsAddUpAndOffsetsAreOriginalBytes) {
    std::string const text = "第八批项目3个，G318国道，一些村，增长8.3%，编号12345";
    auto const a = zhquant::audit(text);
    EXPECT_EQ(a.count(zhquant::token_status::mention), 2u);
    EXPECT_EQ(a.count(zhquant::token_status::rejected), 4u);
    EXPECT_EQ(a.count(zhquant::token_status::unrecognized), 0u);
    EXPECT_EQ(a.tokens.size(), 6u);
    EXPECT_EQ(a.mentions.size(), 2u);

    std::string const spaced = "实 现 税 收 598 万 元";
    auto const b = zhquant::audit(spaced);
    ASSERT_EQ(b.tokens.size(), 1u);
    EXPECT_EQ(spaced.substr(b.tokens[0].start, b.tokens[0].end - b.tokens[0].start), "598 万");
    EXPECT_EQ(b.tokens[0].status, zhquant::token_status::mention);
    ASSERT_TRUE(b.tokens[0].mention);
    EXPECT_EQ(*b.tokens[0].mention, 0u);
}

TEST(Audit, NothingUnrecognizedInTheSeeds) {
    std::filesystem::path const seeds = zhquant::test::data_path("../../seeds");
    std::size_t files = 0, tokens = 0;
    for (auto const& entry : std::filesystem::directory_iterator(seeds)) {
        if (entry.path().extension() != ".txt") continue;
        ++files;
        std::string const text = zhquant::test::read_file(entry.path().string());
        auto const a = zhquant::audit(text);
        tokens += a.tokens.size();
        EXPECT_EQ(a.count(zhquant::token_status::mention) + a.count(zhquant::token_status::rejected) +
                      a.count(zhquant::token_status::unrecognized),
                  a.tokens.size());
        for (auto const& t : a.tokens)
            if (t.status == zhquant::token_status::unrecognized)
                ADD_FAILURE() << entry.path().filename() << ": unrecognized '" << text.substr(t.start, t.end - t.start)
                              << "' at " << t.start;
    }
    EXPECT_EQ(files, 5u);
    EXPECT_GT(tokens, 600u);
    std::cout << "seeds: " << tokens << " numeric tokens audited\n";
}

}  // namespace
