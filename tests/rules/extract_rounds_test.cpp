// A line far longer than a block — a PDF's lines joined into one, a file without line breaks — is
// read in rounds (extract.hpp, extract_piece): the records are those of its sentences, nothing is
// lost at a round's end, and no round holds more than round_mentions mentions.
#include <zhquant/mentions.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/township_report.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zhquant::rules::detail::round_mentions;

std::string repeated(std::string_view piece, std::size_t times) {
    std::string text;
    text.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
}

// One line of sentences with more mentions than a round holds.
constexpr std::string_view sentence = "完成税收598万元，同比增长8.3%。";
constexpr std::size_t sentences = round_mentions;  // two mentions each: two rounds and more

TEST(ExtractRounds, LongLineGivesTheRecordsOfEachOfItsSentences) {
    auto const& rules = zhquant::rules::township_report::rules();
    auto const one = zhquant::rules::extract(sentence, rules);
    ASSERT_EQ(one.records.size(), 1u);
    auto const all = zhquant::rules::extract(repeated(sentence, sentences), rules);
    ASSERT_EQ(all.records.size(), sentences);
    ASSERT_EQ(all.mentions.size(), 2 * sentences);
    EXPECT_TRUE(all.unclaimed.empty());
    EXPECT_TRUE(all.errors.empty());
    for (std::size_t i = 0; i < sentences; ++i) {
        auto const& r = all.records[i];
        ASSERT_EQ(r.start, i * sentence.size() + one.records[0].start) << "record " << i;
        ASSERT_EQ(r.indicator, "税收") << "record " << i;
        ASSERT_TRUE(r.value && r.changes.size() == 1 && r.changes[0].value) << "record " << i;
        EXPECT_EQ(all.mentions[*r.value].value_text(), "5980000") << "record " << i;
        EXPECT_EQ(all.mentions[*r.changes[0].value].value_text(), "8.3") << "record " << i;
    }
}

// extract_stream hands each round out on its own, with the original bytes it covers.
struct round_counts {
    std::size_t rounds = 0, records = 0, mentions = 0, unclaimed = 0, most_mentions = 0;
};

round_counts stream_rounds(std::string const& text) {
    round_counts counts;
    zhquant::rules::extract_stream stream(zhquant::rules::township_report::rules());
    std::size_t next = 0;  // rounds tile the input
    auto take = [&](zhquant::extraction&& x, std::string_view original, std::size_t begin) {
        EXPECT_EQ(begin, next);
        EXPECT_EQ(text.substr(begin, original.size()), original);
        next = begin + original.size();
        for (auto const& m : x.mentions) {
            EXPECT_TRUE(m.start >= begin && m.end <= next);
            if (m.start < begin || m.end > next) break;
        }
        for (auto const& r : x.records) EXPECT_TRUE(r.start >= begin && r.end <= next);
        ++counts.rounds;
        counts.records += x.records.size();
        counts.mentions += x.mentions.size();
        counts.unclaimed += x.unclaimed.size();
        counts.most_mentions = std::max(counts.most_mentions, x.mentions.size());
    };
    EXPECT_FALSE(stream.feed(text, take));
    EXPECT_FALSE(stream.finish(take));
    EXPECT_EQ(next, text.size());
    return counts;
}

TEST(ExtractRounds, StreamHandsOutRoundsOfBoundedSize) {
    auto const counts = stream_rounds(repeated(sentence, sentences));
    EXPECT_GE(counts.rounds, 2u);
    EXPECT_LE(counts.most_mentions, round_mentions);
    EXPECT_EQ(counts.records, sentences);
    EXPECT_EQ(counts.mentions, 2 * sentences);
}

// No sentence end at all: the line is cut after a round's mentions, and none is lost.
TEST(ExtractRounds, SentenceWithoutAnEndIsCutBetweenMentions) {
    std::string const text = repeated("三吨五万元", round_mentions + 1000);
    auto const counts = stream_rounds(text);
    EXPECT_GE(counts.rounds, 3u);
    EXPECT_LE(counts.most_mentions, round_mentions);
    EXPECT_EQ(counts.mentions, zhquant::find_mentions(text).mentions.size());
    EXPECT_EQ(counts.mentions, 2 * (round_mentions + 1000));
    EXPECT_EQ(counts.records, 0u);  // no rule reads a figure in 三吨五万元
    EXPECT_EQ(counts.unclaimed, counts.mentions);
}

// A document of short lines comes in pieces of about extract_stream::default_piece_size, or of the
// size its constructor is given, fed in one block or many: memory bounded by the piece, not the input.
constexpr std::string_view line = "完成税收598万元，同比增长8.3%。\n";

std::vector<std::size_t> piece_sizes(std::string const& text, std::size_t block, std::optional<std::size_t> piece_size) {
    auto const& rules = zhquant::rules::township_report::rules();
    auto stream = piece_size ? zhquant::rules::extract_stream(rules, {}, *piece_size) : zhquant::rules::extract_stream(rules);
    std::vector<std::size_t> sizes;
    std::size_t records = 0;
    auto take = [&](zhquant::extraction&& x, std::string_view original, std::size_t) {
        sizes.push_back(original.size());
        records += x.records.size();
    };
    for (std::size_t at = 0; at < text.size(); at += block)
        EXPECT_FALSE(stream.feed(std::string_view(text).substr(at, block), take));
    EXPECT_FALSE(stream.finish(take));
    EXPECT_EQ(records, text.size() / line.size());
    return sizes;
}

TEST(ExtractStream, PiecesHaveTheStreamsSizeNotTheInputs) {
    std::string const text = repeated(line, (std::size_t{3} << 20) / line.size());  // 3 MiB
    struct case_t {
        std::size_t block;
        std::optional<std::size_t> piece_size;
        std::size_t expected;
    };
    constexpr std::size_t quarter = zhquant::rules::extract_stream::default_piece_size;
    static_assert(quarter == std::size_t{1} << 18);
    for (auto const& c : {case_t{text.size(), std::nullopt, quarter}, case_t{std::size_t{1} << 20, std::nullopt, quarter},
                          case_t{4096, std::nullopt, quarter}, case_t{std::size_t{1} << 20, std::size_t{1} << 16, std::size_t{1} << 16}}) {
        auto const sizes = piece_sizes(text, c.block, c.piece_size);
        SCOPED_TRACE(testing::Message() << "block " << c.block << ", expected pieces of " << c.expected);
        ASSERT_GE(sizes.size(), text.size() / c.expected);
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {  // the last is what is left
            EXPECT_LE(sizes[i], c.expected + line.size()) << "piece " << i;
            EXPECT_GE(sizes[i], c.expected / 2) << "piece " << i;
        }
    }
}

}  // namespace
