// One compiled rule set, the built-in units and lexicon, and the normalizer's ICU data are shared
// by every thread that reads a report: N threads reading the seeds at once must each get exactly
// what one thread gets.  Run under ThreadSanitizer by the `tsan` preset (CMakePresets.json), where
// a data race fails the test even when the results happen to agree.
//
// The threads start before anything of zhquant has been used in this process, so the first-use
// initialization of the shared tables (unit_registry::builtin, lexicon::builtin, the rule sets,
// the NFKC filter) races too.  The reference results are computed afterwards, on one thread.
#include <zhquant/mentions.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/township_report.hpp>
#if __has_include(<zhquant/rules/statistical_bulletin.hpp>)
#include <zhquant/rules/statistical_bulletin.hpp>
#define ZHQUANT_TEST_HAS_STATISTICAL_BULLETIN 1
#endif

#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef ZHQUANT_SEEDS_DIR
#define ZHQUANT_SEEDS_DIR "seeds"
#endif

namespace {

std::vector<std::string> read_seeds() {
    std::vector<std::filesystem::path> paths;
    for (auto const& entry : std::filesystem::directory_iterator(ZHQUANT_SEEDS_DIR))
        if (entry.path().extension() == ".txt") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> texts;
    for (auto const& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        texts.push_back(s.str());
    }
    return texts;
}

// The rule sets by name, reached only when called (so that their first use can race).
std::vector<std::function<zhquant::rules::rule_set const&()>> rule_sets() {
    return {
        [] () -> zhquant::rules::rule_set const& { return zhquant::rules::township_report::rules(); },
#if defined(ZHQUANT_TEST_HAS_STATISTICAL_BULLETIN)
        [] () -> zhquant::rules::rule_set const& { return zhquant::rules::statistical_bulletin::rules(); },
#endif
    };
}

std::string describe(zhquant::mention const& m) {
    std::string s = std::to_string(m.start) + "-" + std::to_string(m.end) + " " + std::string(zhquant::name(m.kind)) +
                    " " + m.value_text();
    if (auto high = m.high_text()) s += ".." + *high;
    s += " " + m.unit + " " + std::string(zhquant::name(m.qualifier));
    if (m.base_value) s += " = " + m.base_value->to_string() + " " + m.base_unit;
    return s;
}

// Everything one reading of one text gives, as text to compare.
std::string read_everything(std::string const& text, zhquant::rules::rule_set const& rules) {
    std::string out;
    auto const found = zhquant::find_mentions(text);
    for (auto const& m : found.mentions) out += "mention " + describe(m) + "\n";
    for (auto const& e : found.errors) out += "error " + std::to_string(e.offset) + " " + e.message + "\n";
    for (auto const& n : zhquant::find_numbers(text).numbers)
        out += "number " + std::to_string(n.start) + " " + n.value.to_string() + "\n";
    auto const x = zhquant::rules::extract(text, rules);
    for (auto const& r : x.records) {
        out += "record " + r.rule + " " + std::to_string(r.start) + "-" + std::to_string(r.end) + " [" + r.indicator +
               "] verb [" + r.verb + "]";
        for (auto i : r.mentions) out += " " + std::to_string(i);
        if (r.value) out += " value " + std::to_string(*r.value);
        if (r.period) out += " period " + std::to_string(*r.period);
        if (r.share) out += " share " + std::to_string(*r.share) + " of " + r.share_of;
        for (auto const& c : r.changes)
            out += " change " + c.basis + " " + std::string(zhquant::name(c.direction)) + " " +
                   (c.value ? std::to_string(*c.value) : "-");
        for (auto const& v : r.values) out += " " + v.name + "=" + std::to_string(v.mention);
        out += "\n";
    }
    out += "unclaimed " + std::to_string(x.unclaimed.size()) + "\n";
    return out;
}

TEST(ThreadSafety, OneRuleSetManyThreadsSameResults) {
    auto const seeds = read_seeds();
    ASSERT_FALSE(seeds.empty()) << "no seeds in " << ZHQUANT_SEEDS_DIR;
    auto const sets = rule_sets();
    constexpr int threads = 4;
    constexpr int rounds = 2;

    // results[t][k]: thread t's reading of (rule set, seed) pair k, the pairs in an order of its own.
    std::size_t const pairs = sets.size() * seeds.size();
    std::vector<std::vector<std::string>> results(threads, std::vector<std::string>(pairs));
    std::barrier start(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            start.arrive_and_wait();  // all at once: first uses race as well
            for (int round = 0; round < rounds; ++round) {
                for (std::size_t step = 0; step < pairs; ++step) {
                    std::size_t const k = (step + static_cast<std::size_t>(t) * 3 + static_cast<std::size_t>(round)) % pairs;
                    std::string r = read_everything(seeds[k % seeds.size()], sets[k / seeds.size()]());
                    if (round > 0 && r != results[t][k]) r = "changed between rounds\n" + r;
                    results[t][k] = std::move(r);
                }
            }
        });
    }
    for (auto& w : workers) w.join();

    std::size_t records = 0;
    for (std::size_t k = 0; k < pairs; ++k) {
        std::string const reference = read_everything(seeds[k % seeds.size()], sets[k / seeds.size()]());
        for (std::size_t at = reference.find("\nrecord "); at != std::string::npos; at = reference.find("\nrecord ", at + 1))
            ++records;
        for (int t = 0; t < threads; ++t)
            EXPECT_EQ(results[t][k], reference) << "thread " << t << ", rule set " << sets[k / seeds.size()]().name()
                                                << ", seed " << k % seeds.size();
    }
    EXPECT_GT(records, 100u) << "the seeds gave few records: little was compared";
}

}  // namespace
