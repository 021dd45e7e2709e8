// mention_stream against find_mentions over one whole piece: the same mentions and errors, with
// the same offsets and original text, whatever the block size, on the seeds and on inputs built to
// make pieces end badly (a line longer than the block, mentions right at block edges, CRLF, PDF
// breaks inside numbers, invalid UTF-8).
#include "../support/test_data.hpp"

#include <zhquant/mentions.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#define ZHQUANT_SEEDS_DIR ZHQUANT_TEST_DATA_DIR "/../../seeds"

namespace {

struct found {
    std::vector<std::string> mentions;  // "start end text kind value unit"
    std::vector<std::string> errors;    // "offset message"
};

std::string describe(zhquant::mention const& m, std::string_view text) {
    return std::to_string(m.start) + " " + std::to_string(m.end) + " " + std::string(text) + " " +
           std::string(zhquant::name(m.kind)) + " " + m.value_text() + " " + m.unit;
}

// The input fed in blocks of `block` bytes to a stream whose pieces aim at `piece` bytes.
found streamed(std::string_view input, std::size_t block, std::size_t piece) {
    found out;
    zhquant::mention_stream stream({}, piece);
    auto keep = [&](zhquant::mention const& m, std::string_view text) {
        EXPECT_EQ(text, input.substr(m.start, m.end - m.start));
        out.mentions.push_back(describe(m, text));
    };
    auto report = [&](zhquant::error const& e) { out.errors.push_back(std::to_string(e.offset) + " " + e.message); };
    for (std::size_t i = 0; i < input.size(); i += block)
        if (auto e = stream.feed(input.substr(i, block), keep, report)) report(*e);
    if (auto e = stream.finish(keep, report)) report(*e);
    return out;
}

// The reference: the whole input as one piece.
found whole(std::string_view input) { return streamed(input, input.size() + 1, zhquant::normalizer::unlimited); }

void expect_same_at_every_size(std::string const& input) {
    found const reference = whole(input);
    for (std::size_t block : {1u, 7u, 64u, 4096u})
        for (std::size_t piece : {1u, 16u, 100u, 1000u, 1u << 20}) {
            SCOPED_TRACE("block " + std::to_string(block) + ", piece " + std::to_string(piece));
            found const got = streamed(input, block, piece);
            EXPECT_EQ(got.mentions, reference.mentions);
            EXPECT_EQ(got.errors, reference.errors);
        }
}

TEST(mention_stream, seeds_at_every_block_and_piece_size) {
    std::size_t files = 0;
    for (auto const& entry : std::filesystem::directory_iterator(ZHQUANT_SEEDS_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        SCOPED_TRACE(entry.path().string());
        std::string const text = zhquant::test::read_file(entry.path().string());
        ASSERT_FALSE(whole(text).mentions.empty());
        expect_same_at_every_size(text);
        ++files;
    }
    EXPECT_EQ(files, 5u);
}

TEST(mention_stream, pieces_that_would_end_inside_a_line) {
    std::string long_line;  // one line of 40 mentions, longer than most piece sizes above
    for (int i = 0; i < 40; ++i) long_line += "实 现 税 收 " + std::to_string(598 + i) + " 萬 元，同比增长 ８．" + std::to_string(i % 10) + "％；";
    for (std::string const& input : {
             long_line,
             long_line + "\n" + long_line + "\r\n" + long_line,
             std::string("1-11月规上工业总产值36923\n万元。\n超200万元\n\n约 1.2 万 余 元"),
             std::string("收入3\xff" "5万元，近400人次\n两万亩"),
             std::string(5000, '1') + "万元\n" + std::string(3000, ' ') + "3吨",
         }) {
        SCOPED_TRACE(input.substr(0, 80));
        expect_same_at_every_size(input);
    }
}

// One line with more mentions than the stream scans in one round (it hands them out in rounds
// so that a long line does not hold them all): every one, in order, at its offset.
TEST(mention_stream, a_line_of_many_mentions) {
    std::string const unit = "三吨，";  // 9 bytes
    std::string line;
    for (int i = 0; i < 10000; ++i) line += unit;
    found const got = streamed(line, 1 << 16, 1 << 16);
    ASSERT_EQ(got.mentions.size(), 10000u);
    for (std::size_t i = 0; i < got.mentions.size(); i += 997)
        EXPECT_EQ(got.mentions[i], std::to_string(9 * i) + " " + std::to_string(9 * i + 6) + " 三吨 quantity 3 吨");
    EXPECT_TRUE(got.errors.empty());
}

TEST(mention_stream, find_mentions_is_the_stream) {
    std::string const text = "规上工业总产值36923万元，同比增长8.3%\n1-11月 超200万元";
    auto const result = zhquant::find_mentions(text);
    std::vector<std::string> described;
    for (auto const& m : result.mentions) described.push_back(describe(m, text.substr(m.start, m.end - m.start)));
    EXPECT_EQ(described, whole(text).mentions);
    EXPECT_EQ(described.size(), 4u);
}

}  // namespace
