// Fuzz target: extract() with each of the project's rule sets (rule_sets.cpp).
//
// Invariants: the mentions are those find_mentions() finds (and sound: mention_checks.hpp); every
// record is a span of the input that holds the mentions it uses, its field indices point into
// its own mention list, records are in order and never overlap (the records of one list share
// their span); a mention is unclaimed exactly when no record uses it.
#include "mention_checks.hpp"
#include "rule_sets.hpp"

#include <zhquant/mentions.hpp>
#include <zhquant/rules/extract.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

void check_extraction(std::string_view input, zhquant::extraction const& x, zhquant::mentions_result const& expected,
                      std::string const& set) {
    ZHQUANT_FUZZ_CHECK(x.mentions.size() == expected.mentions.size(),
                       set + ": extract found " + std::to_string(x.mentions.size()) + " mentions, find_mentions " +
                           std::to_string(expected.mentions.size()));
    for (std::size_t i = 0; i < x.mentions.size(); ++i)
        ZHQUANT_FUZZ_CHECK(zhquant::fuzz::same_mention(x.mentions[i], expected.mentions[i]),
                           set + ": mention " + std::to_string(i) + " differs from find_mentions'");
    zhquant::fuzz::check_mentions(input, x.mentions);

    std::vector<bool> used(x.mentions.size(), false);
    for (std::size_t k = 0; k < x.records.size(); ++k) {
        auto const& r = x.records[k];
        std::string const where = set + ": record " + std::to_string(k) + " (" + r.rule + ") [" + std::to_string(r.start) +
                                  ", " + std::to_string(r.end) + ")";
        ZHQUANT_FUZZ_CHECK(r.start < r.end && r.end <= input.size(), where + " out of bounds");
        ZHQUANT_FUZZ_CHECK(!r.rule.empty(), where + " has no rule name");
        ZHQUANT_FUZZ_CHECK(!r.mentions.empty(), where + " uses no mention");
        ZHQUANT_FUZZ_CHECK(std::is_sorted(r.mentions.begin(), r.mentions.end()) &&
                               std::adjacent_find(r.mentions.begin(), r.mentions.end()) == r.mentions.end(),
                           where + " lists its mentions out of order or twice");
        for (std::size_t i : r.mentions) {
            ZHQUANT_FUZZ_CHECK(i < x.mentions.size(), where + " uses a mention that does not exist");
            auto const& m = x.mentions[i];
            ZHQUANT_FUZZ_CHECK(r.start <= m.start && m.end <= r.end, where + " uses a mention outside its span");
            used[i] = true;
        }
        auto const listed = [&](std::size_t i) { return std::binary_search(r.mentions.begin(), r.mentions.end(), i); };
        for (auto field : {r.value, r.period, r.share})
            if (field) ZHQUANT_FUZZ_CHECK(listed(*field), where + " has a field whose mention it does not list");
        for (auto const& c : r.changes)
            if (c.value) ZHQUANT_FUZZ_CHECK(listed(*c.value), where + " has a change whose mention it does not list");
        for (auto const& v : r.values) ZHQUANT_FUZZ_CHECK(listed(v.mention), where + " has a named value it does not list");
        if (r.period) {
            // A date (1-11月), or the length of time so far (前7个月: 7个月).
            auto const& p = x.mentions[*r.period];
            ZHQUANT_FUZZ_CHECK(p.kind == zhquant::mention_kind::date ||
                                   (p.kind == zhquant::mention_kind::quantity && p.dimension == zhquant::dimension::time),
                               where + " period is neither a date nor a length of time");
        }
        if (k > 0) {
            auto const& p = x.records[k - 1];
            bool const same_match = p.start == r.start && p.end == r.end;
            ZHQUANT_FUZZ_CHECK(same_match || p.end <= r.start, where + " overlaps the record before it");
        }
    }
    ZHQUANT_FUZZ_CHECK(std::is_sorted(x.unclaimed.begin(), x.unclaimed.end()), set + ": unclaimed out of order");
    std::size_t expected_unclaimed = 0;
    for (std::size_t i = 0; i < used.size(); ++i) expected_unclaimed += used[i] ? 0 : 1;
    ZHQUANT_FUZZ_CHECK(x.unclaimed.size() == expected_unclaimed, set + ": unclaimed count wrong");
    for (std::size_t i : x.unclaimed)
        ZHQUANT_FUZZ_CHECK(i < used.size() && !used[i], set + ": a used mention is listed as unclaimed");
    for (auto const& e : x.errors) ZHQUANT_FUZZ_CHECK(e.offset <= input.size(), set + ": error offset out of bounds");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const input(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = input;
    auto const expected = zhquant::find_mentions(input);
    for (auto const* set : zhquant::fuzz::project_rule_sets())
        check_extraction(input, zhquant::rules::extract(input, *set), expected, set->name());
    return 0;
}
