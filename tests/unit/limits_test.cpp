// Limits are errors, not surprises: a number too large to hold (in a text or a unit file), a line
// longer than the maximum, a lexicon that would make a rule ambiguous or that is very large; each
// with its exact message.
// Also the regression rows for what the fuzz targets (tests/fuzz) found.
#include <zhquant/mentions.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/decimal.hpp>
#include <zhquant/value/unit_file.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string const too_large = "number too large to hold exactly (more than 38 significant digits)";

TEST(Limits, NumberTooLargeIsAnError) {
    std::string const digits(40, '9');
    auto const found = zhquant::find_mentions("收入" + digits + "元");
    EXPECT_TRUE(found.mentions.empty());
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0], (zhquant::error{6, too_large}));

    auto const numbers = zhquant::find_numbers(digits);
    EXPECT_TRUE(numbers.numbers.empty());
    ASSERT_EQ(numbers.errors.size(), 1u);
    EXPECT_EQ(numbers.errors[0].offset, 0u);
    EXPECT_EQ(numbers.errors[0].message, too_large + ": " + digits);

    auto const one = zhquant::parse_number(digits);
    ASSERT_FALSE(one);
    EXPECT_EQ(one.error().message, too_large);
    EXPECT_FALSE(zhquant::decimal::parse(digits));
    EXPECT_TRUE(zhquant::decimal::parse(std::string(38, '9')));  // the largest that fits
}

TEST(Limits, UnitFactorTooLongIsAnError) {
    auto load = [](std::string const& file) {
        zhquant::unit_registry units;
        auto const added = zhquant::load_units(file, "units.tsv", units);
        return added ? std::string("ok") : std::to_string(added.error().offset) + " " + added.error().message;
    };
    std::string const message = "error: number too long to hold exactly (at most 38 significant digits and 38 after the point)";
    EXPECT_EQ(load("垧\tarea\t" + std::string(60, '9') + "\tm2\n"), "9 units.tsv:1:8: " + message);
    EXPECT_EQ(load("垧\tarea\t0." + std::string(50, '0') + "1\tm2\n"), "9 units.tsv:1:8: " + message);
    EXPECT_EQ(load("垧\tarea\t1/" + std::string(40, '7') + "\tm2\n"), "11 units.tsv:1:10: " + message);
    EXPECT_EQ(load("垧\tarea\t" + std::string(38, '9') + "\tm2\n"), "ok");
    EXPECT_EQ(load("垧\tarea\t1e5\tm2\n"),
              "9 units.tsv:1:8: error: expected a factor here (a positive number such as 1000, 0.5 or 2000/3)");
}

TEST(Limits, LineLongerThanTheMaximumIsAnError) {
    zhquant::normalize_options options;
    options.max_line_bytes = 16;
    // Lines of 9 and 16 bytes pass; the third line's 17th byte (offset 10 + 17 + 16) is too many.
    std::string const text = "一二三\n" + std::string(16, 'a') + "\r\n" + std::string(17, 'b') + "\n";
    auto const n = zhquant::normalize(text, options);
    ASSERT_FALSE(n);
    EXPECT_EQ(n.error(), (zhquant::error{10 + 18 + 16, "line longer than the maximum of 16 bytes "
                                                         "(normalize_options::max_line_bytes)"}));
    EXPECT_TRUE(zhquant::normalize(text.substr(0, 28), options));

    // Mentions and numbers stop with the same error; so does a stream read in small blocks.
    zhquant::mentions_options mention_options;
    mention_options.normalize = options;
    auto const found = zhquant::find_mentions(std::string(20, '5') + "元", mention_options);
    EXPECT_TRUE(found.mentions.empty());
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].offset, 16u);
    std::istringstream in(text);
    auto const streamed = zhquant::normalize_stream(in, [](zhquant::normalized_text&&) {}, options, 4);
    ASSERT_FALSE(streamed);
    EXPECT_EQ(streamed.error(), n.error());
}

// `lines` lines of 300 一 (900 bytes), each ended by a line break that the PDF repair joins (a
// wrap), every second one with `odd_tail` before its break.
std::string wrapped_lines(int lines, std::string_view odd_tail = "") {
    std::string text;
    for (int line = 0; line < lines; ++line) {
        for (int i = 0; i < 300; ++i) text += "一";
        if (line % 2) text += odd_tail;
        text += "\n";
    }
    return text;
}

// Input lines under the maximum that the PDF repair joins into one (a line break between two
// Chinese characters is a wrap) make a line that the streams, whose pieces end at line breaks,
// would hold whole: past the maximum a piece ends at the last wrap instead, as if it had been
// kept.  Nothing is lost: the mentions are those of the text with no maximum, at the same offsets.
TEST(Limits, JoinedLinesLongerThanTheMaximumAreCutAtAWrap) {
    zhquant::normalize_options options;
    options.max_line_bytes = 4096;
    std::string const wrapped = wrapped_lines(20, "的三吨");
    zhquant::normalize_options unlimited = options;
    unlimited.max_line_bytes = zhquant::normalizer::unlimited;
    auto const expected = zhquant::find_mentions(wrapped, {nullptr, unlimited});
    ASSERT_EQ(expected.mentions.size(), 10u);
    ASSERT_TRUE(expected.errors.empty());

    for (std::size_t block : {std::size_t{1000}, std::size_t{4096}}) {
        SCOPED_TRACE(block);
        zhquant::mention_stream stream({nullptr, options}, block);
        std::vector<std::pair<std::size_t, std::size_t>> found;
        std::vector<zhquant::error> errors;
        auto on_mention = [&](zhquant::mention const& m, std::string_view) { found.emplace_back(m.start, m.end); };
        auto on_error = [&](zhquant::error const& e) { errors.push_back(e); };
        EXPECT_FALSE(stream.feed(wrapped, on_mention, on_error));
        EXPECT_FALSE(stream.finish(on_mention, on_error));
        EXPECT_TRUE(errors.empty());
        ASSERT_EQ(found.size(), expected.mentions.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            EXPECT_EQ(found[i].first, expected.mentions[i].start);
            EXPECT_EQ(found[i].second, expected.mentions[i].end);
        }
    }
    // The same through the one-call API, whose stream has the default block.
    auto const whole = zhquant::find_mentions(wrapped, {nullptr, options});
    EXPECT_TRUE(whole.errors.empty());
    EXPECT_EQ(whole.mentions.size(), 10u);
    EXPECT_TRUE(zhquant::normalize(wrapped, options));
}

// One input line over the maximum is still an error where its lines were joined: the wrap cut
// leaves a line of the input whole.
TEST(Limits, AnInputLineOverTheMaximumAfterJoinedLinesStopsAStream) {
    zhquant::normalize_options options;
    options.max_line_bytes = 4096;
    std::string text = wrapped_lines(4);
    for (int i = 0; i < 1400; ++i) text += "二";  // 4,200 bytes, no line break
    zhquant::mention_stream stream({nullptr, options}, 1000);
    auto ignore = [](auto const&...) {};
    auto stopped = stream.feed(text, ignore, ignore);
    if (!stopped) stopped = stream.finish(ignore, ignore);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->offset, 4 * 901 + 4096u);
    EXPECT_EQ(stopped->message, "line longer than the maximum of 4096 bytes (normalize_options::max_line_bytes)");
}

TEST(Limits, DefaultMaximumLineIsOneMebibyte) {
    EXPECT_EQ(zhquant::normalize_options{}.max_line_bytes, std::size_t{1} << 20);
    std::string const line((std::size_t{1} << 20) + 1, 'x');
    auto const n = zhquant::normalize(line);
    ASSERT_FALSE(n);
    EXPECT_EQ(n.error().offset, std::size_t{1} << 20);
    zhquant::normalize_options unlimited;
    unlimited.max_line_bytes = zhquant::normalizer::unlimited;
    EXPECT_TRUE(zhquant::normalize(line, unlimited));
    EXPECT_TRUE(zhquant::normalize(line.substr(1)));  // exactly the maximum
}

std::string lexicon_error(std::string const& file) {
    zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
    auto const added = zhquant::rules::load_lexicon(file, "words.lex", words);
    if (added) return "ok";
    return std::to_string(added.error().offset) + " " + added.error().message;
}

TEST(Limits, LexiconThatMakesAChangeAmbiguousIsAnError) {
    EXPECT_EQ(lexicon_error("[up]\n回落\n"),
              "5 words.lex:2:1: error: '回落' is already a word of [down]: in [up] too it would make a change ambiguous");
    EXPECT_EQ(lexicon_error("[down]\n回调\n[up]\n  回调\n"),
              "21 words.lex:4:3: error: '回调' is already a word of [down]: in [up] too it would make a change ambiguous");
    EXPECT_EQ(lexicon_error("[flat]\n同比\n"),
              "7 words.lex:2:1: error: '同比' is already a word of [bases]: in [flat] too it would make a change ambiguous");
    EXPECT_EQ(lexicon_error("[up]\n攀升\n攀升\n[verbs]\n增长\n"), "ok");  // twice in one list; a verb too: fine
    // The built-in lexicon itself is unambiguous.
    auto const& b = zhquant::rules::lexicon::builtin();
    for (auto const* list : {&b.bases, &b.up, &b.down, &b.flat})
        for (auto const& w : list->words())
            EXPECT_EQ(static_cast<int>(b.bases.contains(w)) + b.up.contains(w) + b.down.contains(w) + b.flat.contains(w), 1)
                << w;
}

TEST(Limits, LargeLexiconLoadsFastAndKeepsEveryWord) {
    // Word lists used 16-bit positions: past 65536 words the first ones stopped matching, and
    // loading took minutes (one sort and index per word).
    std::string file = "[indicators]\n";
    for (int i = 0; i < 70000; ++i) file += "指标" + std::to_string(i) + "\n";
    zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
    auto const added = zhquant::rules::load_lexicon(file, "big.lex", words);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 70000u);
    EXPECT_EQ(words.indicators.match("指标0，"), std::string("指标0").size());
    EXPECT_EQ(words.indicators.match("指标69999，"), std::string("指标69999").size());
    EXPECT_EQ(words.indicators.match("指标123456"), std::string("指标12345").size());  // the longest
}

// Found by the fuzz targets; each row is also a file in tests/fuzz/corpus/.
TEST(FuzzRegressions, LexiconErrorsPointAtTheirBytes) {
    // A unit error in a lexicon carried the offset of the units alone, not of the file.
    EXPECT_EQ(lexicon_error("[units]\n\tarea\n"), "8 words.lex:2:1: error: expected a unit name here");
    EXPECT_EQ(lexicon_error("[verbs]\n收购\n[units]\n垧\tarea\t1\tm2\n[up]\n攀升\n[units]\n亩\tarea\t0\tm2\n"),
              "66 words.lex:8:8: error: expected a factor greater than zero here");
    // An unclosed section name's column and offset disagreed.
    EXPECT_EQ(lexicon_error("[verbs\n收购\n"), "6 words.lex:1:7: error: expected ']' to close the section name");
}

std::string mentions_of(std::string const& text) {
    std::string out;
    for (auto const& m : zhquant::find_mentions(text).mentions) {
        if (!out.empty()) out += " ; ";
        out += text.substr(m.start, m.end - m.start) + " " + m.value_text();
        if (auto high = m.high_text()) out += ".." + *high;
    }
    return out;
}

TEST(FuzzRegressions, RangeNeverDescends) {
    // 10至5元 was a range from 10 to 5.
    EXPECT_EQ(mentions_of("10至5元"), "5元 5");
    EXPECT_EQ(mentions_of("5至10元"), "5至10元 5..10");
    EXPECT_EQ(mentions_of("5-3年"), "3年 3");
    EXPECT_EQ(mentions_of("30%至20%"), "30% 30 ; 20% 20");
    EXPECT_EQ(mentions_of("5万元至1亿元"), "5万元至1亿元 50000..100000000");
    EXPECT_EQ(mentions_of("1亿元至5万元"), "1亿元 100000000 ; 5万元 50000");
}

TEST(FuzzRegressions, NegativeVagueNumberAscends) {
    // -一百零几万五 was -1015000..-1095000: the upper digits made the lower end.
    auto const n = zhquant::parse_number("负三四百");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->value.to_string(), "-400");
    ASSERT_TRUE(n->high);
    EXPECT_EQ(n->high->to_string(), "-300");
    EXPECT_EQ(mentions_of("-一百零几万五元"), "-一百零几万五元 -1095000..-1015000");
    auto const numbers = zhquant::find_numbers("-一百零几万五");
    ASSERT_EQ(numbers.numbers.size(), 1u);
    EXPECT_LT(numbers.numbers[0].value, *numbers.numbers[0].high);
}

TEST(FuzzRegressions, SpacingAccentsStayAsTheyAre) {
    // NFKC made ¨ a space and a combining mark, a space the whitespace rules never saw.
    for (std::string text : {"¨8C", "a´b", "5¯万元"}) {
        auto const once = zhquant::normalize(text);
        ASSERT_TRUE(once);
        EXPECT_EQ(once->text, text);
        EXPECT_EQ(zhquant::normalize(once->text)->text, once->text);
    }
}

}  // namespace
