// The marks that the indicator scans and the driver read (zhquant/rules/scan_marks.hpp) say, at
// every character, what the word lists and punctuation lists say when asked directly: checked on
// chosen sentences, on the seeds, and with lexicons whose words the tables must grow for or
// cannot index (a first character of four bytes).
#include <zhquant/rules/scan_marks.hpp>
#include <zhquant/text/normalize.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

namespace mark = zhquant::rules::scan_mark;
using zhquant::rules::lexicon;
using zhquant::rules::word_list;
using zhquant::rules::detail::scan_marks;

std::size_t char_length(std::string_view s) {
    auto const b = static_cast<unsigned char>(s[0]);
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

template <class Characters>
bool starts_with_one_of(std::string_view s, Characters const& characters) {
    for (std::string_view c : characters)
        if (s.starts_with(c)) return true;
    return false;
}

bool a_word_starts_like(std::string_view s, word_list const& list) {
    std::string_view const first = s.substr(0, char_length(s));
    for (std::string const& w : list.words())
        if (std::string_view(w).starts_with(first)) return true;
    return false;
}

// The marks of the character at the start of `s`, asked of the lists one by one.
std::uint8_t marks_asked_directly(std::string_view s, lexicon const& words) {
    namespace d = zhquant::rules::detail;
    std::uint8_t m = 0;
    if (starts_with_one_of(s, d::text_ends)) m |= mark::ends_text;
    if (starts_with_one_of(s, d::item_ends)) m |= mark::ends_item;
    if (starts_with_one_of(s, d::item_joins)) m |= mark::joins_items;
    if (starts_with_one_of(s, d::sentence_marks)) m |= mark::sentence_end;
    if (starts_with_one_of(s, d::clause_marks)) m |= mark::clause_end;
    for (word_list const* list : d::stop_word_lists(words))
        if (a_word_starts_like(s, *list)) m |= mark::stop_word;
    if (a_word_starts_like(s, words.fillers)) m |= mark::filler;
    return m;
}

// Every byte's mark against the lists, and stop_word_fits against stop_word for a few limits.
void expect_marks_as_asked(std::string_view text, lexicon const& words) {
    scan_marks marks;
    marks.build(text, words);
    ASSERT_EQ(marks.size(), text.size());
    std::size_t mismatches = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t const n = char_length(text.substr(at));
        std::uint8_t const expected = marks_asked_directly(text.substr(at), words);
        if (marks[at] != expected && ++mismatches <= 5)
            ADD_FAILURE() << "at byte " << at << " (" << text.substr(at, n) << "): marks " << int(marks[at])
                          << ", the lists say " << int(expected);
        for (std::size_t k = 1; k < n && at + k < text.size(); ++k) EXPECT_EQ(marks[at + k], 0) << "continuation byte " << at + k;
        for (std::size_t limit : {at + n, at + 2 * n, at + 6, at + 40, text.size()}) {
            limit = std::min(limit, text.size());
            bool const expected_fits = zhquant::rules::detail::stop_word(text.substr(at, limit - at), words) != 0;
            if (marks.stop_word_fits(at, limit) != expected_fits && ++mismatches <= 5)
                ADD_FAILURE() << "stop_word_fits(" << at << ", " << limit << ") at " << text.substr(at, n);
        }
        at += n;
    }
    EXPECT_EQ(mismatches, 0u);
}

TEST(ScanMarks, MarksTheSentenceOfTheHeaderExample) {
    std::string_view const text = "产值36923万元，同比增长8.3%";
    scan_marks marks;
    marks.build(text, lexicon::builtin());
    EXPECT_EQ(marks.next(0, text.size(), mark::ends_text), 17u);
    EXPECT_EQ(marks[17], mark::ends_text | mark::clause_end);
    EXPECT_TRUE(marks.stop_word_fits(20, text.size()));
    EXPECT_FALSE(marks.stop_word_fits(20, 23)) << "同比 does not fit before byte 23";
    EXPECT_EQ(marks.next(0, text.size(), mark::sentence_end), text.size());
    expect_marks_as_asked(text, lexicon::builtin());
}

// next() and previous() find what a look at every byte finds, from every place to every end.
TEST(ScanMarks, NextAndPreviousFindWhatEveryByteSays) {
    std::string_view const text = "全镇完成营业额1.2亿元，比上年增长8.3%；其中，农业占12%。下一句\n再一句!";
    scan_marks marks;
    marks.build(text, lexicon::builtin());
    for (std::uint8_t mask : {mark::sentence_end, mark::clause_end, std::uint8_t(mark::ends_text | mark::stop_word)})
        for (std::size_t begin = 0; begin <= text.size(); ++begin)
            for (std::size_t end = begin; end <= text.size(); ++end) {
                std::size_t first = end, last = std::string_view::npos;
                for (std::size_t at = begin; at < end; ++at)
                    if (marks[at] & mask) {
                        if (first == end) first = at;
                        last = at;
                    }
                ASSERT_EQ(marks.next(begin, end, mask), first) << int(mask) << " [" << begin << ", " << end << ")";
                ASSERT_EQ(marks.previous(begin, end, mask), last) << int(mask) << " [" << begin << ", " << end << ")";
            }
}

TEST(ScanMarks, AgreeWithTheListsOnChosenSentences) {
    for (std::string_view text : {
             "全镇完成营业额1.2亿元，比上年增长8.3%；其中，农业占12%。",
             "开展安全检查、行政执法281次和宣传活动(线上)及培训。\n第二行：没有数字!",
             "A,B;C:D!E?F…G—H－I（J）K、L",
             "",
             "减少下降持平分别比重其中",
         })
        expect_marks_as_asked(text, lexicon::builtin());
}

TEST(ScanMarks, AgreeWithTheListsOnTheSeeds) {
    std::size_t files = 0;
    for (auto const& entry : std::filesystem::directory_iterator(ZHQUANT_SEEDS_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string const original{std::istreambuf_iterator<char>(in), {}};
        auto const normalized = zhquant::normalize(original);
        ASSERT_TRUE(normalized) << entry.path();
        SCOPED_TRACE(entry.path().string());
        expect_marks_as_asked(normalized->text, lexicon::builtin());
        ++files;
    }
    EXPECT_EQ(files, 5u);
}

TEST(ScanMarks, GrowTheirTableForALexiconOfManyWords) {
    lexicon words = lexicon::builtin();
    for (char32_t c = U'一'; c < U'一' + 600; c += 2)  // 300 first characters, more than the table's first size
        words.fillers.add(std::string{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                                      static_cast<char>(0x80 | (c & 0x3F))} +
                          "号");
    expect_marks_as_asked("一号丁号七号万号，三号上号下号不号与号丑号", words);
}

TEST(ScanMarks, MarkEveryFourByteCharacterWhereAWordStartsWithOne) {
    lexicon words = lexicon::builtin();
    words.fillers = {"𠀀年", "完成"};
    words.up = {"𠀁增", "增长"};
    std::string_view const text = "𠀀年完成产值𠀁增5%，𠀂增长";
    scan_marks marks;
    marks.build(text, words);
    EXPECT_EQ(marks[0], mark::stop_word | mark::filler) << "a four-byte character may start either list's word";
    EXPECT_TRUE(marks.stop_word_fits(19, text.size())) << "𠀁增 starts at byte 19";
    EXPECT_FALSE(marks.stop_word_fits(31, text.size())) << "no word starts with 𠀂";
}

}  // namespace
