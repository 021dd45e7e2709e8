// Fuzz target: the lexicon reader (rules/lexicon.hpp).
//
// Invariants: an error is `words.lex:LINE:COL: error: ...` pointing at its offset
// (file_checks.hpp) and leaves the lexicon as it was; after a success every word of the file is
// in its list and is its own longest match, and no word is in two of [up], [down], [flat] and
// [bases] (that would make a change ambiguous).
#include "file_checks.hpp"

#include <zhquant/rules/lexicon.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace {

using zhquant::rules::lexicon;
using zhquant::rules::word_list;

// The built-in words with a small unit registry, so that a copy per input is cheap.
lexicon const& starting_lexicon() {
    static lexicon const words = [] {
        lexicon l = lexicon::builtin();
        l.units = zhquant::unit_registry();
        for (char const* name : {"亩", "元", "个", "公里"}) l.units.add(*zhquant::unit_registry::builtin().find(name));
        return l;
    }();
    return words;
}

std::array<std::pair<std::string_view, word_list const*>, 9> lists_of(lexicon const& l) {
    return {{{"fillers", &l.fillers}, {"tails", &l.tails}, {"verbs", &l.verbs}, {"indicators", &l.indicators},
             {"labels", &l.labels}, {"bases", &l.bases}, {"up", &l.up}, {"down", &l.down}, {"flat", &l.flat}}};
}

std::size_t total_words(lexicon const& l) {
    std::size_t n = 0;
    for (auto [name, list] : lists_of(l)) n += list->words().size();
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = text;
    lexicon words = starting_lexicon();
    auto const added = zhquant::rules::load_lexicon(text, "words.lex", words);
    if (!added) {
        zhquant::fuzz::check_file_error(text, "words.lex", added.error());
        ZHQUANT_FUZZ_CHECK(total_words(words) == total_words(starting_lexicon()) &&
                               words.units.size() == starting_lexicon().units.size(),
                           "a failed load changed the lexicon");
        return 0;
    }
    ZHQUANT_FUZZ_CHECK(total_words(words) >= total_words(starting_lexicon()), "a load removed words");
    for (auto [name, list] : lists_of(words)) {
        for (auto const& w : list->words()) {
            ZHQUANT_FUZZ_CHECK(!w.empty(), "an empty word in [" + std::string(name) + "]");
            ZHQUANT_FUZZ_CHECK(list->match(w) == w.size(), "[" + std::string(name) + "] word '" + w +
                                                               "' is not its own longest match");
            ZHQUANT_FUZZ_CHECK(list->match_suffix(w) == w.size(), "[" + std::string(name) + "] word '" + w +
                                                                      "' is not its own longest suffix");
        }
    }
    // The words that decide a change's basis and direction are each in one list only.
    std::array<std::pair<std::string_view, word_list const*>, 4> const change_lists{
        {{"bases", &words.bases}, {"up", &words.up}, {"down", &words.down}, {"flat", &words.flat}}};
    for (std::size_t i = 0; i < change_lists.size(); ++i)
        for (std::size_t j = i + 1; j < change_lists.size(); ++j)
            for (auto const& w : change_lists[i].second->words())
                ZHQUANT_FUZZ_CHECK(!change_lists[j].second->contains(w),
                                   "'" + w + "' is in both [" + std::string(change_lists[i].first) + "] and [" +
                                       std::string(change_lists[j].first) + "]");
    return 0;
}
