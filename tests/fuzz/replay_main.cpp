// Runs a fuzz target over files, without libFuzzer: the corpus as an ordinary CTest test.
//
//     normalize_fuzz_replay tests/fuzz/corpus/normalize       # every file in the folder
//     normalize_fuzz_replay crash-1a2b3c                       # one input found by the fuzzer
//
// Each argument is a file or a folder (read recursively, in name order).  A broken invariant
// aborts with its report (fuzz_check.hpp); otherwise the count of inputs run is printed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

int run_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "replay: cannot open '" << path.string() << "'\n";
        return 1;
    }
    std::vector<char> const bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly the input's size, so that reading past its end is caught as the fuzzer would.
    std::vector<std::uint8_t> const data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE_OR_FOLDER...\n";
        return 2;
    }
    std::size_t inputs = 0;
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path const arg = argv[i];
        if (!std::filesystem::exists(arg)) {
            std::cerr << "replay: no such file or folder '" << arg.string() << "'\n";
            return 1;
        }
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(arg)) {
            for (auto const& entry : std::filesystem::recursive_directory_iterator(arg))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else {
            files.push_back(arg);
        }
        std::sort(files.begin(), files.end());
        for (auto const& file : files) {
            failures += run_file(file);
            ++inputs;
        }
    }
    std::cout << argv[0] << ": " << inputs << " inputs replayed, no invariant broken\n";
    return failures == 0 ? 0 : 1;
}
