// Numerals per second: zhquant::parse_number on 10k mixed numerals, and on the Arabic subset
// beside std::from_chars (the floor any number reader is measured against).  Also the finder's
// bytes per second on the seed reports.
//
//     build/bench/numbers_bench --benchmark_min_time=1
#include "numeral_corpus.hpp"

#include <zhquant/numbers.hpp>

#include <benchmark/benchmark.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

zhquant::bench::numeral_corpus const& corpus() {
    static auto const c = zhquant::bench::make_numeral_corpus();
    return c;
}

void parse_all(benchmark::State& state, std::vector<std::string> const& numerals) {
    std::size_t bytes = 0;
    for (auto const& s : numerals) bytes += s.size();
    for (auto _ : state) {
        for (auto const& s : numerals) {
            auto r = zhquant::parse_number(s);
            if (!r) state.SkipWithError(("refused: " + s).c_str());
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * numerals.size()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_parse_number_mixed(benchmark::State& state) { parse_all(state, corpus().mixed); }
BENCHMARK(BM_parse_number_mixed);

void BM_parse_number_arabic(benchmark::State& state) { parse_all(state, corpus().arabic); }
BENCHMARK(BM_parse_number_arabic);

void BM_from_chars_arabic(benchmark::State& state) {
    auto const& numerals = corpus().arabic;
    for (auto _ : state) {
        for (auto const& s : numerals) {
            double v = 0;
            auto r = std::from_chars(s.data(), s.data() + s.size(), v);
            benchmark::DoNotOptimize(v);
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * numerals.size()));
}
BENCHMARK(BM_from_chars_arabic);

void BM_find_numbers_seeds(benchmark::State& state) {
    std::string text;
    for (auto const& entry : std::filesystem::directory_iterator(ZHQUANT_SEEDS_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        text += s.str();
    }
    for (auto _ : state) benchmark::DoNotOptimize(zhquant::find_numbers(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_find_numbers_seeds);

}  // namespace

BENCHMARK_MAIN();
