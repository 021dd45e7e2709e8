// What each character of a piece of normalized text starts, for the scans of the rules and the
// driver: clause punctuation, the separators of lists, the change and share words that end an
// indicator, the fillers that an indicator's name is trimmed after, sentence and clause marks.
//
//     zhquant::rules::detail::scan_marks marks;
//     marks.build("产值36923万元，同比增长8.3%", lexicon::builtin());
//     marks.next(0, 36, scan_mark::ends_text);   // 17: the byte of ，
//     marks.stop_word_fits(20, 36);              // true: 同比 starts at byte 20
//
// One pass over the text makes them, where every rule tried at a clause start scanned its text
// again, asking every character of it each question; a scan then skips eight unmarked bytes a
// load.  A mark is on the first byte of its character, continuation bytes have none.
#pragma once

#include <zhquant/detail/start_chars.hpp>
#include <zhquant/rules/lexicon.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace zhquant::rules {

namespace scan_mark {
inline constexpr std::uint8_t ends_text = 1;      // ，。；：！？,;:!? a line break … — －: an indicator ends
inline constexpr std::uint8_t ends_item = 2;      // 、 ( ) （ ）: an item of a list ends too
inline constexpr std::uint8_t joins_items = 4;    // 和 及: an item of a list ends too
inline constexpr std::uint8_t stop_word = 8;      // a change or share word (detail::stop_word_lists)
inline constexpr std::uint8_t filler = 16;        // a filler of the lexicon may start here
inline constexpr std::uint8_t sentence_end = 32;  // detail::sentence_marks
inline constexpr std::uint8_t clause_end = 64;    // detail::clause_marks
}  // namespace scan_mark

namespace detail {

// What ends a sentence.
inline constexpr std::string_view sentence_marks[] = {"。", "！", "？", "；", ";", "!", "?", "\n"};
// What ends a clause.
inline constexpr std::string_view clause_marks[] = {"，", "：", ",", ":", "（", "("};
// What ends an indicator: clause punctuation and line breaks.
inline constexpr std::string_view text_ends[] = {"，", "。", "；", "：", "！", "？", ",", ";",
                                                 ":", "!", "?", "\n", "…", "—", "－"};
// What also ends an item of a list (an indicator keeps them: 开展安全检查、行政执法281次).
inline constexpr std::string_view item_ends[] = {"、", "(", ")", "（", "）"};
inline constexpr std::string_view item_joins[] = {"和", "及"};

// Words that end an indicator because a share or a list's values follow (占, 分别), besides the
// lexicon's change words.
inline word_list const& share_words() {
    static word_list const words{"分别", "占", "比重", "其中"};
    return words;
}

// Every list of words that end an indicator (stop_word), the first that matches winning.
inline std::array<word_list const*, 5> stop_word_lists(lexicon const& words) {
    return {&words.bases, &words.up, &words.down, &words.flat, &share_words()};
}

// Words that end an indicator because what follows them is a change or a share: the length of
// the first list's longest word that `s` starts with, or 0.
inline std::size_t stop_word(std::string_view s, lexicon const& words) {
    if (s.empty()) return 0;
    auto const lists = stop_word_lists(words);
    char32_t const c = word_list::first_code_point(s);
    if (std::none_of(lists.begin(), lists.end(), [c](word_list const* l) { return l->may_start(c); })) return 0;
    for (word_list const* list : lists)
        if (std::size_t n = list->match(s)) return n;
    return 0;
}

class scan_marks {
public:
    // Marks `text`'s characters for the words of `words`.
    void build(std::string_view text, lexicon const& words) {
        text_ = text;
        words_ = &words;
        marks_.assign(text.size(), 0);
        stop_bytes_.resize(text.size());
        index_characters(words);
        char const* const begin = text.data();
        char const* const end = begin + text.size();
        for (char const* p = begin; (p = zhquant::detail::skip_to_candidate(p, end, candidates_)) < end;) {
            std::size_t const at = static_cast<std::size_t>(p - begin);
            char32_t const c = word_list::first_code_point(text.substr(at));
            std::uint8_t const mark = c == word_list::no_code_point ? unindexed_marks_ : marks_of(c);
            if (mark & scan_mark::stop_word) stop_bytes_[at] = unknown;
            marks_[at] = mark;
            p += zhquant::detail::utf8_length_at(p, end);
        }
    }

    std::string_view text() const { return text_; }
    std::size_t size() const { return marks_.size(); }
    std::uint8_t operator[](std::size_t at) const { return marks_[at]; }

    // The first byte in [at, end) with one of `mask`'s marks, or end.
    std::size_t next(std::size_t at, std::size_t end, std::uint8_t mask) const {
        std::uint8_t const* const m = marks_.data();
        if constexpr (std::endian::native == std::endian::little) {
            std::uint64_t const wanted = mask * std::uint64_t{0x0101010101010101};
            for (; at + 8 <= end; at += 8) {
                std::uint64_t word;
                std::memcpy(&word, m + at, 8);
                if (std::uint64_t const hit = word & wanted) return at + static_cast<std::size_t>(std::countr_zero(hit)) / 8;
            }
        }
        while (at < end && !(m[at] & mask)) ++at;
        return at;
    }

    // The last byte in [begin, end) with one of `mask`'s marks, or npos.
    std::size_t previous(std::size_t begin, std::size_t end, std::uint8_t mask) const {
        std::uint8_t const* const m = marks_.data();
        if constexpr (std::endian::native == std::endian::little) {
            std::uint64_t const wanted = mask * std::uint64_t{0x0101010101010101};
            for (; end >= begin + 8; end -= 8) {
                std::uint64_t word;
                std::memcpy(&word, m + end - 8, 8);
                if (std::uint64_t const hit = word & wanted) return end - 1 - static_cast<std::size_t>(std::countl_zero(hit)) / 8;
            }
        }
        while (end > begin)
            if (m[--end] & mask) return end;
        return std::string_view::npos;
    }

    // Whether a stop word (stop_word) starts at `at` and ends by `limit`.  The marks tell where one
    // may start (its first character); whether one does is looked up when first asked.
    bool stop_word_fits(std::size_t at, std::size_t limit) {
        if (!(marks_[at] & scan_mark::stop_word)) return false;
        if (stop_bytes_[at] == unknown)
            stop_bytes_[at] = static_cast<std::uint8_t>(std::min(shortest_stop_word(text_.substr(at)), saturated));
        if (stop_bytes_[at] == 0) return false;
        if (stop_bytes_[at] < saturated) return at + stop_bytes_[at] <= limit;
        return stop_word(text_.substr(at, limit - at), *words_) != 0;
    }

private:
    static constexpr std::size_t saturated = 0xFE;  // stop_bytes_ of a word this long or longer
    static constexpr std::uint8_t unknown = 0xFF;   // stop_bytes_ not looked up yet

    // The shortest word of all the stop lists that `s` starts with, or 0: a stop word ends an
    // indicator when it fits before the indicator's limit, which the shortest one decides.
    std::size_t shortest_stop_word(std::string_view s) const {
        std::size_t shortest = 0;
        for (word_list const* list : stop_word_lists(*words_))
            if (std::size_t const n = list->shortest_match(s); n && (!shortest || n < shortest)) shortest = n;
        return shortest;
    }

    // The characters that carry a mark, for skip_to_candidate, and their marks in a small
    // open-addressed table: a few dozen characters, looked up at every candidate.
    void index_characters(lexicon const& words) {
        candidates_.fill(0);
        std::vector<std::uint64_t> stop_starts;
        bool stops_indexed = true;
        for (word_list const* list : stop_word_lists(words))
            stops_indexed = list->add_first_characters(stop_starts) && stops_indexed;
        std::vector<std::uint64_t> filler_starts;
        bool const fillers_indexed = words.fillers.add_first_characters(filler_starts);
        // A word whose first character the bits cannot hold (four bytes) may start at every such
        // character: skip_to_candidate takes them for U+0000.
        unindexed_marks_ = (stops_indexed ? 0 : scan_mark::stop_word) | (fillers_indexed ? 0 : scan_mark::filler);
        if (unindexed_marks_) candidates_[0] |= 1;

        std::size_t count = std::size(text_ends) + std::size(item_ends) + std::size(item_joins) +
                            std::size(sentence_marks) + std::size(clause_marks);
        for (auto const* bits : {&stop_starts, &filler_starts})
            for (std::uint64_t word : *bits) count += static_cast<std::size_t>(std::popcount(word));
        table_bits_ = 4;
        while ((std::size_t{1} << table_bits_) < 2 * count) ++table_bits_;
        table_.assign(std::size_t{1} << table_bits_, character_marks{});

        auto const add = [&](char32_t c, std::uint8_t mark) {
            candidates_[c / 64] |= std::uint64_t{1} << (c % 64);
            std::size_t i = slot_of(c);
            while (table_[i].code_point != c && table_[i].code_point != character_marks::empty)
                i = (i + 1) & (table_.size() - 1);
            table_[i].code_point = c;
            table_[i].marks |= mark;
        };
        auto const add_characters = [&](auto const& characters, std::uint8_t mark) {
            for (std::string_view c : characters) add(word_list::first_code_point(c), mark);
        };
        add_characters(text_ends, scan_mark::ends_text);
        add_characters(item_ends, scan_mark::ends_item);
        add_characters(item_joins, scan_mark::joins_items);
        add_characters(sentence_marks, scan_mark::sentence_end);
        add_characters(clause_marks, scan_mark::clause_end);
        auto const add_first_characters = [&](std::vector<std::uint64_t> const& bits, std::uint8_t mark) {
            for (std::size_t i = 0; i < bits.size(); ++i)
                for (std::uint64_t word = bits[i]; word; word &= word - 1)
                    add(static_cast<char32_t>(i * 64 + static_cast<std::size_t>(std::countr_zero(word))), mark);
        };
        add_first_characters(stop_starts, scan_mark::stop_word);
        add_first_characters(filler_starts, scan_mark::filler);
    }

    std::size_t slot_of(char32_t c) const { return (c * std::uint32_t{0x9E3779B1}) >> (32 - table_bits_); }

    std::uint8_t marks_of(char32_t c) const {
        for (std::size_t i = slot_of(c);; i = (i + 1) & (table_.size() - 1)) {
            if (table_[i].code_point == c) return table_[i].marks;
            if (table_[i].code_point == character_marks::empty) return 0;
        }
    }

    struct character_marks {
        static constexpr char32_t empty = 0xFFFFFFFF;
        char32_t code_point = empty;
        std::uint8_t marks = 0;
    };

    zhquant::detail::start_char_bits candidates_{};
    std::vector<character_marks> table_;
    unsigned table_bits_ = 4;
    std::uint8_t unindexed_marks_ = 0;  // the marks of a four-byte character
    std::string_view text_;
    lexicon const* words_ = nullptr;
    std::vector<std::uint8_t> marks_;
    std::vector<std::uint8_t> stop_bytes_;  // where stop_word is marked: the shortest such word's bytes, or unknown
};

}  // namespace detail

}  // namespace zhquant::rules
