// Text normalization, row by row: the offset map, the UTF-8 check, cleanup, selective NFKC, the
// traditional->simplified table (against ICU's transliterator), the PDF repair rule on lines of the
// seeds, every gold span of the seeds, streaming against whole-buffer normalization, and properties
// over random and adversarial input.
#include <zhquant/text/normalize.hpp>

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <ranges>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef ZHQUANT_TEST_DATA_DIR
#define ZHQUANT_TEST_DATA_DIR "tests/data"
#endif
// The seeds live at the top of the project; relative to the data directory so that a build that
// only defines ZHQUANT_TEST_DATA_DIR (absolute) finds them too.  From the project directory these
// are "seeds" and "../shared".
#ifndef ZHQUANT_SEEDS_DIR
#define ZHQUANT_SEEDS_DIR ZHQUANT_TEST_DATA_DIR "/../../seeds"
#endif
#ifndef ZHQUANT_SHARED_DIR
#define ZHQUANT_SHARED_DIR ZHQUANT_TEST_DATA_DIR "/../../../shared"
#endif

namespace {

namespace fs = std::filesystem;
using zhquant::error;
using zhquant::invalid_utf8;
using zhquant::normalize;
using zhquant::normalize_options;
using zhquant::normalized_text;
using zhquant::offset_map;
using span = std::pair<std::size_t, std::size_t>;

std::string read_file(fs::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> files_in(fs::path const& dir, std::string_view extension) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (auto const& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

normalized_text must_normalize(std::string_view input, normalize_options options = {}) {
    auto r = normalize(input, options);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(r).value() : normalized_text{};
}

std::string escaped(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) out += "\\x" + std::string{"0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]};
        else out += static_cast<char>(c);
    }
    return out;
}

// The map is well formed for `input`: segments tile both texts in order, copies copy, and every
// normalized byte maps into the input, monotonically.
void expect_sound_map(std::string_view input, normalized_text const& n) {
    offset_map const& m = n.map;
    ASSERT_EQ(m.size(), n.text.size());
    ASSERT_EQ(m.original_begin(), 0u);
    ASSERT_EQ(m.original_end(), input.size());
    std::size_t orig = 0, norm = 0;
    for (offset_map::segment const s : m) {
        ASSERT_EQ(s.original_begin, orig);
        ASSERT_EQ(s.normalized_begin, norm);
        ASSERT_LT(s.original_begin, s.original_end);
        ASSERT_LE(s.normalized_begin, s.normalized_end);
        if (s.copied) {
            ASSERT_EQ(s.original_end - s.original_begin, s.normalized_end - s.normalized_begin);
            ASSERT_EQ(input.substr(s.original_begin, s.original_end - s.original_begin),
                      std::string_view(n.text).substr(s.normalized_begin, s.normalized_end - s.normalized_begin));
        }
        orig = s.original_end;
        norm = s.normalized_end;
    }
    ASSERT_EQ(orig, input.size());
    ASSERT_EQ(norm, n.text.size());
    // Spans asked in the text's order with a segment hint, and one after a jump back, map as
    // they do without it.
    std::size_t segment = 0;
    for (std::size_t k = 0; k < n.text.size(); k += 1 + k % 3) {
        std::size_t const end = std::min(n.text.size(), k + 1 + k % 5);
        ASSERT_EQ(m.to_original(k, end, segment), m.to_original(k, end)) << "span at " << k;
    }
    if (!n.text.empty()) {
        ASSERT_EQ(m.to_original(0, 1, segment), m.to_original(0, 1));
    }
    span previous{0, 0};
    for (std::size_t k = 0; k < n.text.size(); ++k) {
        span const o = m.to_original(k, k + 1);
        ASSERT_LT(o.first, o.second) << "byte " << k;
        ASSERT_LE(o.second, input.size());
        ASSERT_LE(previous.first, o.first) << "byte " << k << " maps before byte " << k - 1;
        ASSERT_LE(previous.second, o.second);
        previous = o;
    }
    EXPECT_TRUE(zhquant::is_valid_utf8(n.text));
}

// ---------------------------------------------------------------------------------------------
// offset_map

TEST(OffsetMap, HeaderExample) {
    offset_map m;  // "5647 万\n元" -> "5647万元"
    m.append_copy(4);
    m.append_replacement(1, 0);
    m.append_copy(3);
    m.append_replacement(1, 0);
    m.append_copy(3);
    EXPECT_EQ(m.size(), 10u);
    EXPECT_EQ(m.original_end(), 12u);
    EXPECT_EQ(m.to_original(0, 10), span(0, 12));
    EXPECT_EQ(m.to_original(4, 7), span(5, 8));
    EXPECT_EQ(m.to_original(7, 10), span(9, 12));
    EXPECT_EQ(m.from_original(0, 12), span(0, 10));
    EXPECT_EQ(m.from_original(5, 8), span(4, 7));
    EXPECT_EQ(m.segment_count(), 5u);
}

TEST(OffsetMap, ReplacedPiecesWiden) {
    offset_map m;  // "a１２b" -> "a12b": each full-width digit is its own piece
    m.append_copy(1);
    m.append_replacement(3, 1);
    m.append_replacement(3, 1);
    m.append_copy(1);
    struct row {
        std::size_t begin, end;
        span original;
    };
    row const rows[] = {
        {0, 1, {0, 1}}, {1, 2, {1, 4}}, {2, 3, {4, 7}}, {1, 3, {1, 7}}, {0, 4, {0, 8}},
        {3, 4, {7, 8}}, {1, 1, {1, 1}}, {2, 2, {4, 4}}, {4, 4, {8, 8}}, {0, 0, {0, 0}},
        {3, 9, {7, 8}},  // clamped
    };
    for (row const& r : rows) {
        SCOPED_TRACE(testing::Message() << "[" << r.begin << "," << r.end << ")");
        EXPECT_EQ(m.to_original(r.begin, r.end), r.original);
    }
    EXPECT_EQ(m.from_original(1, 4), span(1, 2));
    EXPECT_EQ(m.from_original(2, 4), span(2, 2));  // part of a piece: nothing
    EXPECT_EQ(m.from_original(0, 5), span(0, 2));
    EXPECT_EQ(m.from_original(0, 8), span(0, 4));
}

TEST(OffsetMap, OnePieceOfSeveralBytes) {
    offset_map m;  // "x㎏y" -> "xkgy"
    m.append_copy(1);
    m.append_replacement(3, 2);
    m.append_copy(1);
    EXPECT_EQ(m.to_original(1, 2), span(1, 4));  // "k" alone is the whole ㎏
    EXPECT_EQ(m.to_original(2, 3), span(1, 4));
    EXPECT_EQ(m.to_original(2, 2), span(1, 1));  // an empty span inside a piece: the piece's start
    EXPECT_EQ(m.to_original(2, 4), span(1, 5));
}

TEST(OffsetMap, DeletionsMergeAndAreSkipped) {
    offset_map m(100);  // starts at original 100: "  a" -> "a"
    m.append_replacement(1, 0);
    m.append_replacement(1, 0);
    m.append_copy(1);
    m.append_replacement(2, 0);
    EXPECT_EQ(m.segment_count(), 3u);
    EXPECT_EQ(m.to_original(0, 1), span(102, 103));
    EXPECT_EQ(m.to_original(0, 0), span(102, 102));
    EXPECT_EQ(m.to_original(1, 1), span(105, 105));
    std::vector<offset_map::segment> const expected{
        {100, 102, 0, 0, false}, {102, 103, 0, 1, true}, {103, 105, 1, 1, false}};
    EXPECT_EQ(std::vector<offset_map::segment>(m.begin(), m.end()), expected);
}

TEST(OffsetMap, TakeFront) {
    offset_map m;  // "abc" copy, "１" piece, " " deleted, "def" copy
    m.append_copy(3);
    m.append_replacement(3, 1);
    m.append_replacement(1, 0);
    m.append_copy(3);
    offset_map const whole = m;
    struct row {
        std::size_t normalized, original;
    };
    for (row const r : {row{1, 1}, row{3, 3}, row{4, 6}, row{4, 7}, row{5, 8}, row{0, 0}, row{7, 10}}) {
        SCOPED_TRACE(testing::Message() << "cut at " << r.normalized << "/" << r.original);
        offset_map back = whole;
        offset_map const front = back.take_front(r.normalized, r.original);
        EXPECT_EQ(front.size(), r.normalized);
        EXPECT_EQ(front.original_end(), r.original);
        EXPECT_EQ(back.original_begin(), r.original);
        EXPECT_EQ(back.size(), whole.size() - r.normalized);
        for (std::size_t k = 0; k < whole.size(); ++k) {
            span const expected = whole.to_original(k, k + 1);
            span const got = k < r.normalized ? front.to_original(k, k + 1)
                                              : back.to_original(k - r.normalized, k - r.normalized + 1);
            EXPECT_EQ(got, expected) << "byte " << k;
        }
    }
}

static_assert(std::forward_iterator<offset_map::iterator>);
static_assert(std::ranges::forward_range<offset_map const>);

// The segments as a `--map` listing would print them: original range, normalized range, kind.
TEST(OffsetMap, Listing) {
    std::string const input = "５ 万\r\n元";
    normalized_text const n = must_normalize(input);
    ASSERT_EQ(n.text, "5万元");
    std::ostringstream listing;
    for (offset_map::segment const s : n.map)
        listing << s.original_begin << '-' << s.original_end << " -> " << s.normalized_begin << '-'
                << s.normalized_end << (s.copied ? " copy" : s.normalized_begin == s.normalized_end ? " delete" : " replace")
                << '\n';
    EXPECT_EQ(listing.str(),
              "0-3 -> 0-1 replace\n"
              "3-4 -> 1-1 delete\n"
              "4-7 -> 1-4 copy\n"
              "7-9 -> 4-4 delete\n"
              "9-12 -> 4-7 copy\n");
}

TEST(OffsetMap, Empty) {
    offset_map const m;
    EXPECT_EQ(m.size(), 0u);
    EXPECT_EQ(m.segment_count(), 0u);
    EXPECT_EQ(m.to_original(0, 0), span(0, 0));
    EXPECT_EQ(m.to_original(3, 5), span(0, 0));
    EXPECT_EQ(m.from_original(0, 0), span(0, 0));
    EXPECT_TRUE(m.begin() == m.end());
}

// ---------------------------------------------------------------------------------------------
// (c) Invalid UTF-8: each malformed form, its replacement and its problems; the first problem is
// the error under invalid_utf8::fail.

struct utf8_row {
    char const* name;
    std::string input;
    std::string replaced;              // normalized text under invalid_utf8::replace
    std::vector<error> problems;       // offsets into input
};

std::vector<utf8_row> const& utf8_rows() {
    static std::vector<utf8_row> const rows{
        {"0xFF", "ab\xFF", "ab\uFFFD", {{2, "invalid UTF-8 byte 0xFF"}}},
        {"0xFE between CJK", "万\xFE元", "万\uFFFD元", {{3, "invalid UTF-8 byte 0xFE"}}},
        {"two bad bytes, two replacements", "\xFF\xFF", "\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xFF"}, {1, "invalid UTF-8 byte 0xFF"}}},
        {"stray continuation", "a\x80" "b", "a\uFFFD" "b", {{1, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"overlong 2-byte slash", "\xC0\xAF", "\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xC0 (overlong form)"}, {1, "invalid UTF-8 byte 0xAF (stray continuation byte)"}}},
        {"overlong NUL C1", "\xC1\x80", "\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xC1 (overlong form)"}, {1, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"overlong 3-byte", "\xE0\x80\xAF", "\uFFFD\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xE0 (overlong form)"},
          {1, "invalid UTF-8 byte 0x80 (stray continuation byte)"},
          {2, "invalid UTF-8 byte 0xAF (stray continuation byte)"}}},
        {"overlong 4-byte", "\xF0\x8F\xBF\xBF", "\uFFFD\uFFFD\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xF0 (overlong form)"},
          {1, "invalid UTF-8 byte 0x8F (stray continuation byte)"},
          {2, "invalid UTF-8 byte 0xBF (stray continuation byte)"},
          {3, "invalid UTF-8 byte 0xBF (stray continuation byte)"}}},
        {"surrogate U+D800", "1\xED\xA0\x80" "2", "1\uFFFD\uFFFD\uFFFD" "2",
         {{1, "invalid UTF-8 byte 0xED (surrogate code point)"},
          {2, "invalid UTF-8 byte 0xA0 (stray continuation byte)"},
          {3, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xF4 (code point above U+10FFFF)"},
          {1, "invalid UTF-8 byte 0x90 (stray continuation byte)"},
          {2, "invalid UTF-8 byte 0x80 (stray continuation byte)"},
          {3, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"above U+10FFFF (F5)", "\xF5\x80", "\uFFFD\uFFFD",
         {{0, "invalid UTF-8 byte 0xF5 (code point above U+10FFFF)"},
          {1, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"five-byte form", "\xF8\x88\x80\x80\x80" "x", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD" "x",
         {{0, "invalid UTF-8 byte 0xF8"},
          {1, "invalid UTF-8 byte 0x88 (stray continuation byte)"},
          {2, "invalid UTF-8 byte 0x80 (stray continuation byte)"},
          {3, "invalid UTF-8 byte 0x80 (stray continuation byte)"},
          {4, "invalid UTF-8 byte 0x80 (stray continuation byte)"}}},
        {"truncated at the end", "万\xE4\xB8", "万\uFFFD", {{3, "truncated UTF-8 sequence 0xE4 0xB8"}}},
        {"truncated before ASCII: one replacement", "\xE4\xB8" "A", "\uFFFD" "A",
         {{0, "truncated UTF-8 sequence 0xE4 0xB8"}}},
        {"truncated 4-byte", "\xF0\x9F\x98" "!", "\uFFFD!", {{0, "truncated UTF-8 sequence 0xF0 0x9F 0x98"}}},
        {"lone lead byte", "\xC3", "\uFFFD", {{0, "truncated UTF-8 sequence 0xC3"}}},
        {"lead then lead", "\xE4\xE4\xB8\x87", "\uFFFD万", {{0, "truncated UTF-8 sequence 0xE4"}}},
        {"NUL is a character", std::string("a\0b", 3), std::string("a\0b", 3), {}},
        {"edges that are valid", "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF\xF0\x90\x80\x80",
         "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF\xF0\x90\x80\x80", {}},
    };
    return rows;
}

TEST(Utf8, ReplaceAndReport) {
    for (utf8_row const& r : utf8_rows()) {
        SCOPED_TRACE(r.name);
        EXPECT_EQ(zhquant::utf8_problems(r.input), r.problems);
        EXPECT_EQ(zhquant::is_valid_utf8(r.input), r.problems.empty());
        normalized_text const n = must_normalize(r.input);
        EXPECT_EQ(n.text, r.replaced);
        EXPECT_EQ(n.problems, r.problems);
        expect_sound_map(r.input, n);
        // each U+FFFD maps back to exactly the bytes it replaced
        std::size_t k = 0;
        for (error const& p : r.problems) {
            k = n.text.find("\uFFFD", k);
            ASSERT_NE(k, std::string::npos);
            EXPECT_EQ(n.map.to_original(k, k + 3).first, p.offset);
            k += 3;
        }
    }
}

TEST(Utf8, FailAtTheFirst) {
    for (utf8_row const& r : utf8_rows()) {
        SCOPED_TRACE(r.name);
        auto const n = normalize(r.input, {.on_invalid = invalid_utf8::fail});
        if (r.problems.empty()) {
            EXPECT_TRUE(n.has_value());
        } else {
            ASSERT_FALSE(n.has_value());
            EXPECT_EQ(n.error(), r.problems.front());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: BOM, line ends, zero-width characters, Unicode spaces.

struct text_row {
    char const* input;
    char const* expected;
};

TEST(Normalize, Cleanup) {
    // clang-format off
    text_row const without_repair[] = {
        {"\xEF\xBB\xBF" "2024年", "2024年"},
        {"a\r\nb", "a\nb"},
        {"a\rb", "a\nb"},
        {"a\r\n\r\nb\r", "a\n\nb\n"},
        {"a\fb\vc\xC2\x85" "d\u2028e\u2029f", "a\nb\nc\nd\ne\nf"},
        {"1\u200B2\u200C3\u200D4\u20605\uFEFF6", "123456"},
        {"万\u00A0元\u3000人\u2002次\u202F个\u205F户\u1680吨", "万 元 人 次 个 户 吨"},
        {"a\tb", "a\tb"},
        {"实 现 税 收", "实 现 税 收"},
    };
    text_row const with_repair[] = {
        {"\xEF\xBB\xBF" "2024年", "2024年"},
        {"a\r\nb", "a\nb"},
        {"a\r\n\r\nb", "a\nb"},
        {"a\tb", "a b"},
        {"万\u3000元", "万元"},
        {"1\u00A0000", "1 000"},
        {"实\u200B 现", "实现"},
        {"完成。\r\n\u3000\u3000下一段", "完成。\n下一段"},
        {"完成。\f下页", "完成。\n下页"},
    };
    // clang-format on
    for (text_row const& r : without_repair) {
        SCOPED_TRACE(escaped(r.input));
        normalized_text const n = must_normalize(r.input, {.repair_pdf = false});
        EXPECT_EQ(n.text, r.expected);
        expect_sound_map(r.input, n);
    }
    for (text_row const& r : with_repair) {
        SCOPED_TRACE(escaped(r.input));
        normalized_text const n = must_normalize(r.input);
        EXPECT_EQ(n.text, r.expected);
        expect_sound_map(r.input, n);
    }
}

TEST(Normalize, CrLfKeepsTheLineFeedByte) {
    std::string const input = "a\r\nb";
    normalized_text const n = must_normalize(input, {.repair_pdf = false});
    ASSERT_EQ(n.text, "a\nb");
    EXPECT_EQ(n.map.to_original(1, 2), span(2, 3));  // the LF itself, 1:1
    EXPECT_EQ(n.map.to_original(0, 3), span(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Selective NFKC

TEST(Normalize, SelectiveNfkc) {
    // clang-format off
    text_row const rows[] = {
        {"１３２０６．７", "13206.7"},
        {"２３．６％", "23.6%"},
        {"１２３．４５万元", "123.45万元"},
        {"４，５６５", "4，565"},                 // the full-width comma is kept
        {"（１）", "（1）"},                       // so are full-width parentheses
        {"，。、；：！？（）“”", "，。、；：！？（）“”"},
        {"……", "……"},
        {"－５", "-5"},
        {"３～５年", "3~5年"},
        {"ＡＢＣ１２３ｘｙｚ", "ABC123xyz"},
        {"①②③", "①②③"},                        // list markers are not numbers
        {"⑴⒈", "⑴⒈"},
        {"㈠㊀", "㈠㊀"},
        {"100m²", "100m²"},
        {"50㎡", "50㎡"},
        {"½", "½"},
        {"3㎏", "3kg"},
        {"5㎞", "5km"},
        {"36℃", "36°C"},
        {"⼀⼆⼗", "一二十"},                       // Kangxi radicals from PDF extraction
        {"𝟏𝟐", "12"},
        {"cafe\u0301", "café"},
        {"\u212B", "\u00C5"},
        {"ﬁ", "fi"},
        {"ｶﾀｶﾅ", "カタカナ"},
        {"\uF978", "两"},                          // a compatibility ideograph, then folded
    };
    // clang-format on
    for (text_row const& r : rows) {
        SCOPED_TRACE(r.input);
        normalized_text const n = must_normalize(r.input);
        EXPECT_EQ(n.text, r.expected);
        expect_sound_map(r.input, n);
    }
}

TEST(Normalize, FullWidthDigitsMapOneByOne) {
    std::string const input = "约１３２０６．７万元";
    normalized_text const n = must_normalize(input);
    ASSERT_EQ(n.text, "约13206.7万元");
    for (std::size_t k = 3; k < 10; ++k) {
        SCOPED_TRACE(k);
        EXPECT_EQ(n.map.to_original(k, k + 1), span(3 + 3 * (k - 3), 6 + 3 * (k - 3)));
    }
    EXPECT_EQ(n.map.to_original(3, 10), span(3, 24));
    EXPECT_EQ(n.map.from_original(3, 24), span(3, 10));
}

// ---------------------------------------------------------------------------------------------
// Traditional -> simplified

TEST(Traditional, EveryEntryAgreesWithIcu) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) GTEST_SKIP() << "ICU's Traditional-Simplified transliterator is not available";
    std::size_t checked = 0;
    for (auto const& e : zhquant::traditional_folds()) {
        icu::UnicodeString s(static_cast<UChar32>(e.traditional));
        t->transliterate(s);
        std::string got, traditional;
        s.toUTF8String(got);
        icu::UnicodeString(static_cast<UChar32>(e.traditional)).toUTF8String(traditional);
        SCOPED_TRACE(traditional);
        EXPECT_EQ(s, icu::UnicodeString(static_cast<UChar32>(e.simplified))) << "ICU says " << got;
        EXPECT_EQ(zhquant::fold_traditional(e.traditional), e.simplified);
        EXPECT_EQ(zhquant::fold_traditional(e.simplified), e.simplified);
        ++checked;
    }
    EXPECT_GE(checked, 150u);
    std::cout << "[          ] " << checked << " traditional->simplified entries agree with ICU\n";
}

TEST(Traditional, Folding) {
    // clang-format off
    text_row const rows[] = {
        {"3.5億美元", "3.5亿美元"},
        {"兩萬五千人", "两万五千人"},
        {"約1.2萬餘噸", "约1.2万余吨"},
        {"增長8.3%，較上年減少2個百分點", "增长8.3%，较上年减少2个百分点"},
        {"三年內", "三年内"},
        {"7月15號", "7月15号"},
        {"參", "參"},  // left alone: a financial 3
        {"著名", "著名"},
    };
    // clang-format on
    for (text_row const& r : rows) {
        SCOPED_TRACE(r.input);
        normalized_text const n = must_normalize(r.input);
        EXPECT_EQ(n.text, r.expected);
        expect_sound_map(r.input, n);
    }
    EXPECT_EQ(must_normalize("3.5億", {.fold_traditional = false}).text, "3.5億");
    normalized_text const n = must_normalize("萬元");
    EXPECT_EQ(n.map.to_original(0, 3), span(0, 3));
    EXPECT_FALSE((*n.map.begin()).copied);  // folded: a replaced piece, not a copy
}

// ---------------------------------------------------------------------------------------------
// PDF repair, on lines of the seeds and on the rule's corners.

TEST(PdfRepair, SeedLines) {
    // clang-format off
    text_row const rows[] = {
        {"同\n比增长 8.3%", "同比增长8.3%"},
        {"2000多\n\n万元", "2000多万元"},
        {"5647 万\n元", "5647万元"},
        {"实 现 税 收 598 万 元", "实现税收598万元"},
        {"1 个小\n时", "1个小时"},
        {"回 放 镜 头 ， 一 帧 帧 精 彩 画 面 跃 入 眼\n帘：1-11月", "回放镜头，一帧帧精彩画面跃入眼帘：1-11月"},
        {"重 庆 建 设 “1361” 总 体 部 署 ， 围 绕 全 区\n\n“高质量", "重庆建设“1361”总体部署，围绕全区“高质量"},
        {"村 （社区） 干部分 4 批次", "村（社区）干部分4批次"},
        {"同\n比增长 8.3%；500 万元以上", "同比增长8.3%；500万元以上"},
        {"创业担保贷款\n\n80万元。", "创业担保贷款80万元。"},
        {"7场\n\n次；在主公路", "7场次；在主公路"},
        {"1.4 万余\n人享受", "1.4万余人享受"},
        {"努力打造“和美乡村、魅力西\n湖”。\n\n回 放", "努力打造“和美乡村、魅力西湖”。\n回放"},
        {"用实干擘画。\n 抓党建，", "用实干擘画。\n抓党建，"},
        {"完成率100%。\n\n扎实发展特色产业", "完成率100%。\n扎实发展特色产业"},
        {"已完成农用地安全利用 2066.5亩，实施", "已完成农用地安全利用2066.5亩，实施"},
        {"另申报 2022年高标准农田建设 5000亩, 完成", "另申报2022年高标准农田建设5000亩,完成"},
        {"图①：太平场镇\n图②：太平场镇", "图①：太平场镇图②：太平场镇"},
        {"表示：\n一是经济", "表示：\n一是经济"},
        {"他说：“好。”\n\n下一段", "他说：“好。”\n下一段"},
        {"说明（完）！）\n接着", "说明（完）！）\n接着"},
    };
    text_row const corners[] = {
        {"1, 234", "1, 234"},
        {"a  b", "a b"},
        {"a \n \n b", "a\nb"},
        {"GDP 增长", "GDP增长"},
        {"\n\n45\n\n\n\n切实", "45切实"},
        {"  开头", "开头"},
        {"结尾。\n\n", "结尾。\n"},
        {"结尾 ", "结尾"},
        {"结尾\n", "结尾\n"},
        {"。 抓", "。抓"},
        {"Done! Next", "Done! Next"},
        {"Done!\n\nNext", "Done!\nNext"},
        {"8.\n3", "8.\n3"},
        {"“ 1361 ”", "“1361”"},
        {"4 · 15", "4·15"},
        {"\u3000\u3000正文", "正文"},
        {"   ", ""},
        {"\n", ""},
    };
    // clang-format on
    for (std::span<text_row const> const table : {std::span<text_row const>(rows), std::span<text_row const>(corners)}) {
        for (text_row const& r : table) {
            SCOPED_TRACE(escaped(r.input));
            normalized_text const n = must_normalize(r.input);
            EXPECT_EQ(n.text, r.expected);
            expect_sound_map(r.input, n);
        }
    }
    // Without the repair the whitespace stays.
    EXPECT_EQ(must_normalize("5647 万\n元", {.repair_pdf = false}).text, "5647 万\n元");
}

TEST(PdfRepair, TheRuleAsATable) {
    using detail_run = zhquant::detail::whitespace_run;
    using zhquant::detail::run_becomes;
    struct row {
        detail_run run;
        run_becomes becomes;
    };
    // {before_exists, before_wide, before_sentence_end, after_exists, after_wide, line_break, after_combines}
    row const rows[] = {
        {{true, true, true, true, true, true}, run_becomes::line_break},     // 。\n下
        {{true, true, true, true, true, false}, run_becomes::nothing},       // 。 下
        {{true, true, false, true, true, true}, run_becomes::nothing},       // 同\n比
        {{true, false, false, true, true, true}, run_becomes::nothing},      // 2000多\n\n万 / 8\n个
        {{true, true, false, true, false, false}, run_becomes::nothing},     // 长 8
        {{true, false, false, true, false, false}, run_becomes::space},      // 1, 234
        {{true, false, false, true, false, true}, run_becomes::line_break},  // a\nb
        {{true, false, true, true, false, true}, run_becomes::line_break},   // !\nN
        {{false, false, false, true, true, true}, run_becomes::nothing},     // start of text
        {{true, true, false, false, false, true}, run_becomes::line_break},  // end of text
        {{true, true, false, false, false, false}, run_becomes::nothing},
        {{true, true, false, true, false, false, true}, run_becomes::space},      // ㅎ ￛ: would compose
        {{true, true, false, true, false, true, true}, run_becomes::line_break},  // か\n゙
    };
    for (row const& r : rows) {
        SCOPED_TRACE(testing::Message() << r.run.before_exists << r.run.before_wide << r.run.before_sentence_end
                                        << r.run.after_exists << r.run.after_wide << r.run.line_break);
        EXPECT_EQ(zhquant::detail::resolve_whitespace_run(r.run), r.becomes);
    }
}

// Found by the normalize fuzz target: a removed run joined two characters that NFKC composes
// (Hangul letters, a kana and its voicing mark), normalized apart, so that normalizing the result
// again changed it.  A run before a character that combines stays.
TEST(PdfRepair, RunBeforeACombiningCharacterStaysSoTheResultIsNormalized) {
    struct row {
        std::string_view input, expected;
    };
    row const rows[] = {
        {"ㅎ\rￛ", "\u1112\n\u1174"},      // compatibility jamo, normalized to conjoining ones
        {"ㅎ ￛ", "\u1112 \u1174"},
        {"가 \u11A8", "가 \u11A8"},        // a syllable and a final consonant
        {"か \u3099", "か \u3099"},        // a kana and the combining voicing mark
        {"同\n比", "同比"},                 // and what combines with nothing is still joined
    };
    for (row const& r : rows) {
        SCOPED_TRACE(r.input);
        auto const once = must_normalize(r.input);
        EXPECT_EQ(once.text, r.expected);
        EXPECT_EQ(must_normalize(once.text).text, once.text);
    }
}

std::string const& seed_text(std::string const& name) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, read_file(fs::path(ZHQUANT_SEEDS_DIR) / name)).first;
    return it->second;
}

std::vector<fs::path> seed_files() { return files_in(ZHQUANT_SEEDS_DIR, ".txt"); }

// Every paragraph that ends with a sentence end in a seed still ends there after normalization,
// and every line break left is either such an end or stands between two non-CJK characters.
TEST(PdfRepair, ParagraphEndsSurviveInTheSeeds) {
    auto const seeds = seed_files();
    if (seeds.empty()) GTEST_SKIP() << "no seeds in " << ZHQUANT_SEEDS_DIR;
    std::size_t ends = 0, breaks = 0;
    for (fs::path const& path : seeds) {
        SCOPED_TRACE(path.filename().string());
        std::string const input = read_file(path);
        normalized_text const n = must_normalize(input);
        expect_sound_map(input, n);
        for (std::string_view final : {"。", "！", "？", "；", "："}) {
            for (std::size_t at = input.find(final); at != std::string::npos; at = input.find(final, at + 1)) {
                std::size_t after = at + final.size();
                while (after < input.size() && (input.compare(after, 3, "”") == 0 || input.compare(after, 3, "）") == 0))
                    after += 3;
                std::size_t const ws_end = input.find_first_not_of(" \n", after);
                std::string_view const ws = std::string_view(input).substr(after, ws_end == std::string::npos ? std::string::npos : ws_end - after);
                if (ws.find('\n') == std::string_view::npos) continue;
                auto const [p, q] = n.map.from_original(at, after);
                ASSERT_LT(q, n.text.size() + 1);
                EXPECT_EQ(n.text.substr(q, 1), "\n") << "a paragraph end at original " << at << " was lost";
                ++ends;
            }
        }
        for (std::size_t k = n.text.find('\n'); k != std::string::npos; k = n.text.find('\n', k + 1)) {
            ++breaks;
            ASSERT_GT(k, 0u);
            std::size_t b = k;
            while (b > 0 && (static_cast<unsigned char>(n.text[b - 1]) & 0xC0) == 0x80) --b;
            --b;
            std::string const before = n.text.substr(b, k - b);
            char32_t const c = zhquant::detail::decode_utf8(before.data(), before.data() + before.size()).code_point;
            bool const kept_end = zhquant::detail::is_sentence_final(c) || zhquant::detail::is_closing_mark(c);
            EXPECT_TRUE(kept_end || !zhquant::detail::is_wide(c) || k + 1 == n.text.size())
                << "a line break after " << before << " at normalized " << k;
        }
    }
    std::cout << "[          ] " << ends << " paragraph ends kept, " << breaks << " line breaks in all\n";
    EXPECT_GT(ends, 100u);
}

// ---------------------------------------------------------------------------------------------
// (a) Every gold span of the seeds.

// One line of JSON with string and number values (the gold files' shape).
std::map<std::string, std::string> parse_flat_json(std::string_view line) {
    std::map<std::string, std::string> fields;
    std::size_t i = 0;
    auto const skip = [&] {
        while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == ':' || line[i] == '{' || line[i] == '}'))
            ++i;
    };
    auto const string_value = [&] {
        std::string out;
        ++i;  // opening quote
        while (i < line.size() && line[i] != '"') {
            if (line[i] != '\\') {
                out += line[i++];
                continue;
            }
            char const e = line[i + 1];
            i += 2;
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    auto const hex4 = [&] {
                        unsigned v = std::stoul(std::string(line.substr(i, 4)), nullptr, 16);
                        i += 4;
                        return v;
                    };
                    char32_t c = hex4();
                    if (c >= 0xD800 && c <= 0xDBFF && line.substr(i, 2) == "\\u") {
                        i += 2;
                        c = 0x10000 + ((c - 0xD800) << 10) + (hex4() - 0xDC00);
                    }
                    char buffer[4];
                    out.append(buffer, zhquant::detail::encode_utf8(c, buffer));
                    break;
                }
                default: out += e; break;
            }
        }
        ++i;  // closing quote
        return out;
    };
    while (true) {
        skip();
        if (i >= line.size() || line[i] != '"') break;
        std::string const key = string_value();
        skip();
        if (i < line.size() && line[i] == '"') {
            fields[key] = string_value();
        } else {
            std::size_t const end = line.find_first_of(",}", i);
            fields[key] = std::string(line.substr(i, end - i));
            i = end;
        }
    }
    return fields;
}

std::string without_pdf_noise(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
    return out;
}

TEST(Gold, EverySpanNormalizesToItsTextAndMapsBack) {
    auto const gold = files_in(fs::path(ZHQUANT_TEST_DATA_DIR) / "gold", ".jsonl");
    if (gold.empty()) GTEST_SKIP() << "no gold in " << ZHQUANT_TEST_DATA_DIR << "/gold";
    std::map<std::string, normalized_text> normalized;
    std::size_t spans = 0, passed = 0;
    std::map<std::string, std::size_t> by_kind;
    for (fs::path const& file : gold) {
        std::istringstream lines(read_file(file));
        std::string line;
        while (std::getline(lines, line)) {
            if (line.find('{') == std::string::npos) continue;
            auto const row = parse_flat_json(line);
            std::string const& doc = row.at("doc");
            std::size_t const start = std::stoul(row.at("start"));
            std::size_t const end = std::stoul(row.at("end"));
            std::string const& text = row.at("text");
            SCOPED_TRACE(testing::Message() << doc << " [" << start << "," << end << ") " << row.at("kind") << " "
                                            << escaped(text));
            ++spans;
            std::string const& original = seed_text(doc);
            ASSERT_FALSE(original.empty()) << "seed " << doc << " not found in " << ZHQUANT_SEEDS_DIR;
            ASSERT_EQ(original.substr(start, end - start), text);
            auto it = normalized.find(doc);
            if (it == normalized.end()) it = normalized.emplace(doc, must_normalize(original)).first;
            normalized_text const& n = it->second;
            // The expression without its PDF noise, NFKC'd and folded the same way.
            std::string const expected = must_normalize(without_pdf_noise(text)).text;
            auto const [p, q] = n.map.from_original(start, end);
            std::string const got = n.text.substr(p, q - p);
            span const back = n.map.to_original(p, q);
            EXPECT_EQ(got, expected);
            EXPECT_EQ(back, span(start, end));
            if (got == expected && back == span(start, end)) {
                ++passed;
                ++by_kind[row.at("kind")];
            }
        }
    }
    std::cout << "[          ] gold spans: " << passed << "/" << spans << " passed (";
    for (auto const& [kind, count] : by_kind) std::cout << kind << " " << count << " ";
    std::cout << ")\n";
    EXPECT_EQ(passed, spans);
    EXPECT_GT(spans, 400u);
}

// ---------------------------------------------------------------------------------------------
// Streaming: the pieces put together are the whole.

std::vector<normalized_text> stream_pieces(std::string const& input, std::size_t block_size,
                                           normalize_options options = {}) {
    std::istringstream in(input);
    std::vector<normalized_text> pieces;
    auto const r = zhquant::normalize_stream(in, [&](normalized_text&& p) { pieces.push_back(std::move(p)); },
                                             options, block_size);
    EXPECT_TRUE(r.has_value());
    if (r) {
        EXPECT_EQ(*r, input.size());
    }
    return pieces;
}

void expect_stream_equals_whole(std::string const& input, std::size_t block_size, normalize_options options = {}) {
    normalized_text const whole = must_normalize(input, options);
    std::vector<normalized_text> const pieces = stream_pieces(input, block_size, options);
    std::string text;
    std::vector<error> problems;
    std::size_t original = 0;
    for (normalized_text const& piece : pieces) {
        ASSERT_EQ(piece.map.original_begin(), original);
        ASSERT_EQ(piece.map.size(), piece.text.size());
        for (std::size_t k = 0; k < piece.text.size(); ++k)
            ASSERT_EQ(piece.map.to_original(k, k + 1), whole.map.to_original(text.size() + k, text.size() + k + 1))
                << "normalized byte " << text.size() + k << " (piece byte " << k << ")";
        // spans inside a piece map as they do in the whole
        if (!piece.text.empty()) {
            ASSERT_EQ(piece.map.to_original(0, piece.text.size()),
                      whole.map.to_original(text.size(), text.size() + piece.text.size()));
        }
        text += piece.text;
        problems.insert(problems.end(), piece.problems.begin(), piece.problems.end());
        original = piece.map.original_end();
    }
    ASSERT_EQ(original, input.size());
    ASSERT_EQ(text, whole.text);
    ASSERT_EQ(problems, whole.problems);
}

TEST(Stream, SeedsRepeatedInTinyBlocks) {
    auto const seeds = seed_files();
    if (seeds.empty()) GTEST_SKIP() << "no seeds in " << ZHQUANT_SEEDS_DIR;
    std::string all;
    for (fs::path const& p : seeds) all += read_file(p);
    std::string repeated;
    for (int k = 0; k < 8; ++k) repeated += all;
    for (std::size_t block : {std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{4096}, std::size_t{1} << 20}) {
        SCOPED_TRACE(block);
        expect_stream_equals_whole(repeated, block);
    }
    // Pieces end, by preference, at a line break kept after a sentence end.  Paragraphs in the
    // seeds are a few hundred bytes long, so 64-byte blocks must often cut elsewhere, 4 KiB not.
    for (std::size_t block : {std::size_t{64}, std::size_t{4096}}) {
        std::vector<normalized_text> const pieces = stream_pieces(repeated, block);
        std::size_t at_sentence_end = 0, longest = 0;
        for (auto const& p : pieces) {
            at_sentence_end += !p.text.empty() && p.text.back() == '\n';
            longest = std::max(longest, p.text.size());
        }
        std::cout << "[          ] " << repeated.size() << " bytes in " << block << "-byte blocks: " << pieces.size()
                  << " pieces, " << at_sentence_end << " ending at a kept line break, longest " << longest << "\n";
        EXPECT_LT(longest, 2 * block + 16);
        if (block == 4096) {
            EXPECT_GE(at_sentence_end + 1, pieces.size());
        }
    }
}

TEST(Stream, OptionsAndProblems) {
    std::string const input = "实 现\r\n税收１２３萬元。\r\n\r\n\xFF下 一\xE4\xB8段\u200B。\n";
    for (std::size_t block : {std::size_t{1}, std::size_t{3}, std::size_t{16}}) {
        SCOPED_TRACE(block);
        expect_stream_equals_whole(input, block);
        expect_stream_equals_whole(input, block, {.repair_pdf = false});
        expect_stream_equals_whole(input, block, {.fold_traditional = false});
    }
    std::istringstream in(input);
    auto const r = zhquant::normalize_stream(in, [](normalized_text&&) {}, {.on_invalid = invalid_utf8::fail}, 4);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error(), normalize(input, {.on_invalid = invalid_utf8::fail}).error());
}

TEST(Stream, FeedByHand) {
    std::string const input = "２０２４年\n\n实现税收 598 万\n元。\n下一段";
    zhquant::normalizer n({}, 8);
    std::string text;
    auto sink = [&](normalized_text&& piece) { text += piece.text; };
    for (char c : input) ASSERT_FALSE(n.feed(std::string_view(&c, 1), sink));
    ASSERT_FALSE(n.finish(sink));
    EXPECT_EQ(text, must_normalize(input).text);
    EXPECT_EQ(text, "2024年实现税收598万元。\n下一段");
    EXPECT_EQ(n.consumed(), input.size());
}

// ---------------------------------------------------------------------------------------------
// (b) Properties over random and adversarial input.

// Characters an input is drawn from: CJK, full width, traditional, spaces, line breaks, ASCII,
// zero width, combining marks, punctuation, and bytes that are not UTF-8.
std::vector<std::string> const& pool() {
    static std::vector<std::string> const p{
        "万", "元", "亿", "个", "实", "现", "。", "，", "、", "：", "；", "！", "“", "”", "（", "）", "…",
        "１", "２", "．", "％", "Ａ", "萬", "億", "兩", "噸", "\uF978", "①", "²", "㎏", "⼀",
        " ", " ", " ", "\n", "\n", "\r\n", "\r", "\t", "\u3000", "\u00A0", "\f",
        "0", "1", "2", "3", ".", "%", ",", "a", "e", "Z", "!", ":", "-",
        "\u200B", "\uFEFF", "\u200D", "\u0301", "\u0308", "\u0323", "\u3099", "\xC2\x80" /* C1 control */,
        std::string("\0", 1), "\xFF", "\x80", "\xE4\xB8", "\xED\xA0\x80", "\xC0\xAF", "\xF0\x9F\x98\x80",
    };
    return p;
}

std::string random_pool_text(std::mt19937& rng, std::size_t length) {
    std::uniform_int_distribution<std::size_t> pick(0, pool().size() - 1);
    std::string s;
    for (std::size_t k = 0; k < length; ++k) s += pool()[pick(rng)];
    return s;
}

// Untouched characters round-trip: every printable ASCII character and every Han character the
// table does not fold, when no mark follows it, is in the output as it was, and maps back to itself.
void expect_untouched_round_trip(std::string const& input, normalized_text const& n) {
    char const* const end = input.data() + input.size();
    for (std::size_t k = 0; k < input.size();) {
        auto const u = zhquant::detail::decode_utf8(input.data() + k, end);
        std::size_t const next = k + u.length;
        bool const plain = u.status == zhquant::detail::utf8_status::valid &&
                           ((u.code_point > 0x20 && u.code_point < 0x7F) ||
                            (u.code_point >= 0x4E00 && u.code_point <= 0x9FFF &&
                             zhquant::fold_traditional(u.code_point) == u.code_point));
        bool const mark_follows = next < input.size() && static_cast<unsigned char>(input[next]) >= 0xC0 &&
                                  !zhquant::detail::selective_nfkc::get().has_boundary_before(
                                      zhquant::detail::decode_utf8(input.data() + next, end).code_point);
        if (plain && !mark_follows) {
            auto const [p, q] = n.map.from_original(k, next);
            ASSERT_EQ(n.text.substr(p, q - p), input.substr(k, u.length)) << "character at original " << k;
            ASSERT_EQ(n.map.to_original(p, q), span(k, next));
        }
        k = next;
    }
}

TEST(Properties, RandomBytes) {
    std::mt19937 rng(20240615);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 300);
    for (int round = 0; round < 1500; ++round) {
        std::string input(length(rng), '\0');
        for (char& c : input) c = static_cast<char>(byte(rng));
        SCOPED_TRACE(testing::Message() << "round " << round);
        normalized_text const n = must_normalize(input);
        expect_sound_map(input, n);
        EXPECT_EQ(n.problems, zhquant::utf8_problems(input));
        expect_untouched_round_trip(input, n);
        if (round % 50 == 0) expect_stream_equals_whole(input, 1 + round % 17);
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, RandomPoolText) {
    std::mt19937 rng(8300);
    std::uniform_int_distribution<std::size_t> length(0, 200);
    for (int round = 0; round < 1500; ++round) {
        std::string const input = random_pool_text(rng, length(rng));
        SCOPED_TRACE(testing::Message() << "round " << round << ": " << escaped(input));
        for (normalize_options const options :
             {normalize_options{}, normalize_options{.repair_pdf = false}, normalize_options{.fold_traditional = false}}) {
            normalized_text const n = must_normalize(input, options);
            expect_sound_map(input, n);
            expect_untouched_round_trip(input, n);
            if (options.repair_pdf) {
                EXPECT_EQ(n.text.find("  "), std::string::npos);
                EXPECT_EQ(n.text.find("\n\n"), std::string::npos);
                EXPECT_EQ(n.text.find('\r'), std::string::npos);
                EXPECT_EQ(n.text.find('\t'), std::string::npos);
            }
            EXPECT_EQ(n.text.find("\u200B"), std::string::npos);
            EXPECT_EQ(n.text.find("\uFEFF"), std::string::npos);
        }
        if (round % 20 == 0) expect_stream_equals_whole(input, 1 + round % 13);
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, Adversarial) {
    struct row {
        char const* name;
        std::string input;
        char const* expected;  // nullptr: no expectation on the text
    };
    std::string marks = "e";
    for (int k = 0; k < 1000; ++k) marks += "\u0301";
    row const rows[] = {
        {"100k spaces between CJK", "万" + std::string(100000, ' ') + "元", "万元"},
        {"10k newlines between ASCII", "a" + std::string(10000, '\n') + "b", "a\nb"},
        {"10k newlines after a sentence end", "完。" + std::string(10000, '\n') + "下", "完。\n下"},
        {"10k CRLF", "a" + [] { std::string s; for (int k = 0; k < 10000; ++k) s += "\r\n"; return s; }() + "b", "a\nb"},
        {"only newlines", std::string(10000, '\n'), ""},
        {"only zero-width", [] { std::string s; for (int k = 0; k < 1000; ++k) s += "\u200B"; return s; }(), ""},
        {"1000 combining marks", marks, nullptr},
        {"marks with nothing before", "\u0301\u0301\u0301 \u0301", nullptr},
        {"100k invalid bytes", std::string(100000, '\xFF'), nullptr},
        {"a truncated sequence at the end", "万\xF0\x9F\x98", "万\uFFFD"},
        {"alternating", [] { std::string s; for (int k = 0; k < 5000; ++k) s += "１ \n万\xFF"; return s; }(), nullptr},
    };
    for (row const& r : rows) {
        SCOPED_TRACE(r.name);
        normalized_text const n = must_normalize(r.input);
        if (r.expected) {
            EXPECT_EQ(n.text, r.expected);
        }
        expect_sound_map(r.input, n);
        expect_untouched_round_trip(r.input, n);
        EXPECT_LT(n.map.segment_count(), 3 * n.text.size() + 5) << "the map is not compact";
        expect_stream_equals_whole(r.input, 64);
        if (HasFatalFailure()) return;
    }
}

// ---------------------------------------------------------------------------------------------
// (d) Empty input.

TEST(Normalize, HeaderExample) {
    std::string const input = "实 现 税 收 598 萬 元\r\n同\n比增长 ８．３％";
    normalized_text const n = must_normalize(input);
    EXPECT_EQ(n.text, "实现税收598万元同比增长8.3%");
    EXPECT_EQ(n.map.to_original(12, 21), span(16, 27));
    EXPECT_EQ(input.substr(16, 11), "598 萬 元");
}

TEST(Normalize, EmptyInput) {
    normalized_text const n = must_normalize("");
    EXPECT_EQ(n.text, "");
    EXPECT_EQ(n.map.size(), 0u);
    EXPECT_EQ(n.map.original_end(), 0u);
    EXPECT_EQ(n.map.segment_count(), 0u);
    EXPECT_EQ(n.map.to_original(0, 0), span(0, 0));
    EXPECT_TRUE(n.problems.empty());
    EXPECT_TRUE(normalize("", {.on_invalid = invalid_utf8::fail}).has_value());
    EXPECT_TRUE(stream_pieces("", 64).empty());
}

// ---------------------------------------------------------------------------------------------
// (e) The shared corpus, when it is there: every file normalizes without a problem.

TEST(Corpus, EveryFileNormalizesCleanly) {
    fs::path const corpus = fs::path(ZHQUANT_SHARED_DIR) / "corpus";
    auto const files = files_in(corpus, "");
    if (files.empty()) GTEST_SKIP() << "no corpus at " << corpus.string();
    std::size_t bytes = 0;
    for (fs::path const& path : files) {
        SCOPED_TRACE(path.filename().string());
        std::string const input = read_file(path);
        auto const n = normalize(input, {.on_invalid = invalid_utf8::fail});
        ASSERT_TRUE(n.has_value()) << n.error().offset << ": " << n.error().message;
        EXPECT_TRUE(n->problems.empty());
        expect_sound_map(input, *n);
        expect_untouched_round_trip(input, *n);
        expect_stream_equals_whole(input, 4096);
        bytes += input.size();
    }
    std::cout << "[          ] corpus: " << files.size() << " files, " << bytes << " bytes, no problems\n";
}

}  // namespace

// The scanners' word-at-a-time read of a three-byte character (detail/utf8_word.hpp): four bytes
// each, so every row pads its bytes with "x".
TEST(ThreeByteWord, DecodesWhatTheBytesSayAndNothingElse) {
    using zhquant::detail::not_three_byte;
    struct row {
        std::string_view bytes;
        char32_t expected;
    };
    for (auto const& [bytes, expected] : std::initializer_list<row>{
             {"万元", U'万'},
             {"。x", U'。'},
             {"\xEF\xBF\xBDx", 0xFFFD},
             {"5万", not_three_byte},               // ASCII first
             {"\xC2\xA0xx", not_three_byte},        // two bytes
             {"\xF0\x9F\x98\x80", not_three_byte},  // four bytes
             {"\xE4\xB8x x", not_three_byte},        // a continuation byte missing
             {"\xE0\x80\xB0x", char32_t{0x30}},      // overlong: decoded, for the caller to refuse
         }) {
        ASSERT_GE(bytes.size(), 4u);
        EXPECT_EQ(zhquant::detail::three_byte_code_point(bytes.data()), expected) << bytes;
    }
}

// The plain runs' bit per code point says what the flags say, for every three-byte character,
// and nothing for what is not one (an overlong form, a missing continuation byte).
TEST(PlainChars, ThreeByteBitAgreesWithTheFlags) {
    auto const& chars = zhquant::detail::plain_chars::get();
    for (char32_t c = 0x800; c <= 0xFFFF; ++c) {
        char bytes[4] = {};
        zhquant::detail::encode_utf8(c, bytes);
        bool const expected = (chars.flags(c) & zhquant::detail::plain_chars::plain) != 0;
        ASSERT_EQ(chars.plain_three_byte(zhquant::detail::utf8_word(bytes)), expected) << std::hex << std::uint32_t(c);
    }
    // The table and the predicates agree; sentence ends and closing marks are copied but marked.
    using flags = zhquant::detail::plain_chars;
    auto const& nfkc = zhquant::detail::selective_nfkc::get();
    for (char32_t c = 0; c <= 0xFFFF; ++c)
        ASSERT_EQ(chars.flags(c), (c < 0x80 || (c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0x3400) ||
                                   (c >= 0x4E00 && c <= 0x9FFF) || c >= 0xFF00)
                                      ? flags::compute(c, nfkc)
                                      : 0)
            << std::hex << std::uint32_t(c);
    EXPECT_EQ(chars.flags(U'。'), flags::sentence_final | flags::wide | flags::boundary);
    EXPECT_EQ(chars.flags(U'”'), flags::closing | flags::wide | flags::boundary);
    EXPECT_EQ(chars.flags(U'，'), flags::plain | flags::wide | flags::boundary);
    EXPECT_EQ(chars.flags(U'萬'), flags::wide | flags::boundary);
    EXPECT_TRUE(chars.plain_three_byte(zhquant::detail::utf8_word("万元")));
    EXPECT_FALSE(chars.plain_three_byte(zhquant::detail::utf8_word("萬元")));      // folded
    EXPECT_FALSE(chars.plain_three_byte(zhquant::detail::utf8_word("。元")));      // a sentence end
    EXPECT_FALSE(chars.plain_three_byte(zhquant::detail::utf8_word("\xE0\x80\xB0x")));  // overlong '0'
    EXPECT_FALSE(chars.plain_three_byte(zhquant::detail::utf8_word("\xE4\xB8x x")));
    EXPECT_FALSE(chars.plain_three_byte(zhquant::detail::utf8_word("5万")));
}
