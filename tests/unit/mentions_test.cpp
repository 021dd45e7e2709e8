// find_mentions, sentence by sentence: tests/data/mentions/sentences.tsv holds each sentence and
// the mentions it must yield (GUIDE.md's fields, written compactly), negatives included.
#include "../support/test_data.hpp"

#include <zhquant/mentions.hpp>

#include <gtest/gtest.h>

#include <iostream>
#include <string>

namespace {

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

// The mentions of `text` in the case file's notation.
std::string describe(std::string const& text) {
    std::string out;
    for (auto const& m : zhquant::find_mentions(text).mentions) {
        if (!out.empty()) out += " ; ";
        out.append(escape(text.substr(m.start, m.end - m.start))).append(" → ").append(zhquant::name(m.kind));
        out.append(" ").append(m.value_text());
        if (auto high = m.high_text()) out.append("..").append(*high);
        if (!m.unit.empty()) out.append(" ").append(m.unit);
        if (m.qualifier != zhquant::qualifier::exact) out.append(" ").append(zhquant::name(m.qualifier));
    }
    return out;
}

TEST(Mentions, SentenceCases) {
    auto const rows = zhquant::test::read_tsv(zhquant::test::data_path("mentions/sentences.tsv"), false);
    ASSERT_GE(rows.size(), 150u);
    int passed = 0;
    for (auto const& row : rows) {
        std::string const expected = row.size() > 1 ? row[1] : std::string();
        std::string const actual = describe(unescape(row[0]));
        if (actual == expected) {
            ++passed;
        } else {
            ADD_FAILURE() << "sentence: " << row[0] << "\n  expected: " << expected << "\n  actual:   " << actual;
        }
    }
    std::cout << "mention sentence cases: " << passed << " passed of " << rows.size() << '\n';
}

TEST(Mentions, OffsetsPointIntoTheOriginalBytes) {
    std::string const text = "实 现 税 收 598 万 元，同\n比增长 8.3%";
    auto const found = zhquant::find_mentions(text);
    ASSERT_EQ(found.mentions.size(), 2u);
    EXPECT_EQ(text.substr(found.mentions[0].start, found.mentions[0].end - found.mentions[0].start), "598 万 元");
    EXPECT_EQ(text.substr(found.mentions[1].start, found.mentions[1].end - found.mentions[1].start), "8.3%");
}

TEST(Mentions, DimensionAndSiValue) {
    auto const found = zhquant::find_mentions("流转土地300亩，收购5000斤，5万元/亩");
    ASSERT_EQ(found.mentions.size(), 3u);
    EXPECT_EQ(found.mentions[0].dimension, zhquant::dimension::area);
    ASSERT_TRUE(found.mentions[0].base_value);
    EXPECT_EQ(found.mentions[0].base_value->to_string(), "200000");  // 300 亩 = 300 * 2000/3 m2
    EXPECT_EQ(found.mentions[0].base_unit, "m2");
    EXPECT_EQ(found.mentions[1].base_value->to_string(), "2500");
    EXPECT_EQ(found.mentions[1].base_unit, "kg");
    EXPECT_EQ(found.mentions[2].unit, "元/亩");
    ASSERT_TRUE(found.mentions[2].base_value);
    EXPECT_EQ(found.mentions[2].base_value->to_string(), "75");  // 50000 CNY / (2000/3 m2)
    EXPECT_EQ(found.mentions[2].base_unit, "CNY/m2");
}

TEST(Mentions, InvalidUtf8IsReportedAndNothingIsLost) {
    std::string const text = "收入\xff 598万元";
    auto const found = zhquant::find_mentions(text);
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].offset, 6u);
    EXPECT_EQ(found.errors[0].message, "invalid UTF-8 byte 0xFF");
    ASSERT_EQ(found.mentions.size(), 1u);
    EXPECT_EQ(text.substr(found.mentions[0].start, found.mentions[0].end - found.mentions[0].start), "598万元");
}

TEST(Mentions, UserUnits) {
    zhquant::unit_registry units = zhquant::unit_registry::builtin();
    zhquant::unit extra{"垧", "垧", zhquant::dimension::area, zhquant::rational(zhquant::decimal::from_int(10000)), "m2"};
    ASSERT_TRUE(units.add(extra));
    zhquant::mentions_options options;
    options.units = &units;
    auto const found = zhquant::find_mentions("开垦荒地30垧", options);
    ASSERT_EQ(found.mentions.size(), 1u);
    EXPECT_EQ(found.mentions[0].unit, "垧");
    EXPECT_TRUE(zhquant::find_mentions("开垦荒地30垧").mentions.empty());
}

}  // namespace
