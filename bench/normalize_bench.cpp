// Bytes per second of text normalization on the five seeds repeated to 20 MB: zhquant::normalize
// on the whole buffer, the streaming normalizer in 1 MiB blocks (what `zhquant normalize` does,
// without the file reads), and plain ICU NFKC on the same bytes, the floor our normalization is
// measured against (ours also cleans whitespace, folds traditional characters, repairs PDF line
// breaks and builds the offset map).
//
//     build/bench/normalize_bench --benchmark_min_time=2
#include <zhquant/text/normalize.hpp>

#include <benchmark/benchmark.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t corpus_bytes = 20u << 20;
constexpr std::size_t block_size = zhquant::normalizer::default_block_size;  // 1 MiB

// The seeds, in name order, repeated until the text is at least 20 MB.
std::string const& corpus() {
    static std::string const text = [] {
        std::vector<std::filesystem::path> paths;
        for (auto const& entry : std::filesystem::directory_iterator(ZHQUANT_SEEDS_DIR))
            if (entry.path().extension() == ".txt") paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        std::string seeds;
        for (auto const& path : paths) {
            std::ifstream in(path, std::ios::binary);
            seeds.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        std::string repeated;
        if (seeds.empty()) return repeated;
        repeated.reserve(corpus_bytes + seeds.size());
        while (repeated.size() < corpus_bytes) repeated += seeds;
        return repeated;
    }();
    return text;
}

// The streaming normalizer over `text` in 1 MiB blocks; returns the normalized bytes, which it
// keeps only when `keep` is given.
std::size_t stream(std::string_view text, std::string* keep) {
    zhquant::normalizer n({}, block_size);
    std::size_t produced = 0;
    auto sink = [&](zhquant::normalized_text&& piece) {
        produced += piece.text.size();
        if (keep) *keep += piece.text;
        benchmark::DoNotOptimize(piece);
    };
    for (std::size_t at = 0; at < text.size(); at += block_size)
        (void)n.feed(text.substr(at, block_size), sink);
    (void)n.finish(sink);
    return produced;
}

void set_bytes(benchmark::State& state, std::string const& text) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_normalize_whole(benchmark::State& state) {
    auto const& text = corpus();
    if (text.empty()) return state.SkipWithError("no seeds in " ZHQUANT_SEEDS_DIR);
    for (auto _ : state) {
        auto n = zhquant::normalize(text);
        benchmark::DoNotOptimize(n);
    }
    set_bytes(state, text);
}
BENCHMARK(BM_normalize_whole)->Unit(benchmark::kMillisecond);

void BM_normalize_stream_1MiB(benchmark::State& state) {
    auto const& text = corpus();
    if (text.empty()) return state.SkipWithError("no seeds in " ZHQUANT_SEEDS_DIR);
    // The pieces must add up to what normalize() gives for the whole text.
    std::string streamed;
    stream(text, &streamed);
    if (streamed != zhquant::normalize(text)->text) return state.SkipWithError("streamed text differs from normalize()");
    for (auto _ : state) benchmark::DoNotOptimize(stream(text, nullptr));
    set_bytes(state, text);
}
BENCHMARK(BM_normalize_stream_1MiB)->Unit(benchmark::kMillisecond);

void BM_icu_nfkc(benchmark::State& state) {
    auto const& text = corpus();
    if (text.empty()) return state.SkipWithError("no seeds in " ZHQUANT_SEEDS_DIR);
    UErrorCode status = U_ZERO_ERROR;
    icu::Normalizer2 const* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return state.SkipWithError(u_errorName(status));
    for (auto _ : state) {
        std::string out;
        icu::StringByteSink<std::string> sink(&out);
        nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())), sink, nullptr,
                            status);
        if (U_FAILURE(status)) return state.SkipWithError(u_errorName(status));
        benchmark::DoNotOptimize(out);
    }
    set_bytes(state, text);
}
BENCHMARK(BM_icu_nfkc)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
