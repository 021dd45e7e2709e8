// The floor that bench/pipeline.sh measures zhquant against: plain ICU NFKC, streamed.  Reads each
// FILE (standard input when none, or for "-") in 1 MiB blocks, normalizes them with
// icu::Normalizer2::getNFKCInstance()->normalizeUTF8 and writes the result to standard output.
// With --read-only it only reads the blocks (the cost of getting the bytes in, nothing else).
//
//     build/bench/icu_nfkc_cat big.txt > /dev/null
//     build/bench/icu_nfkc_cat --read-only big.txt
//
// A block is cut where NFKC may cut it: after its last line break, or, on a line longer than a
// block, before the last code point that has a normalization boundary before it; the rest is
// carried over to the next block.  So the output is the NFKC of the whole file, in bounded memory
// (the buffers are reused, so no page is touched twice for the first time).
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr std::size_t block_size = std::size_t{1} << 20;

// Where `text` may be cut so that NFKC(text[0, cut)) + NFKC(text[cut, end)) == NFKC(text): after
// the last '\n', else before the last code point with a boundary before it; 0 if there is none.
std::size_t safe_cut(std::string_view text, icu::Normalizer2 const& nfkc) {
    if (auto const nl = text.rfind('\n'); nl != std::string_view::npos) return nl + 1;
    for (std::size_t at = text.size(); at-- > 0;) {
        auto const byte = static_cast<unsigned char>(text[at]);
        if ((byte & 0xC0) == 0x80) continue;  // not the first byte of a code point
        int32_t i = static_cast<int32_t>(at);
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<uint8_t const*>(text.data()), i, static_cast<int32_t>(text.size()), c);
        if (at > 0 && c >= 0 && nfkc.hasBoundaryBefore(c)) return at;
    }
    return 0;
}

bool write_all(std::string const& out) {
    return out.empty() || std::fwrite(out.data(), 1, out.size(), stdout) == out.size();
}

// Returns 0, or 1 with a message on standard error.
int cat_file(char const* path, bool read_only, icu::Normalizer2 const& nfkc, std::string& pending,
             std::vector<char>& block, std::string& out) {
    bool const is_stdin = std::strcmp(path, "-") == 0;
    int const fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        std::fprintf(stderr, "icu_nfkc_cat: cannot open '%s': %s\n", path, std::strerror(errno));
        return 1;
    }
    pending.clear();
    int status = 0;
    auto normalize = [&](std::string_view text) {
        out.clear();
        icu::StringByteSink<std::string> sink(&out);
        UErrorCode error = U_ZERO_ERROR;
        nfkc.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr,
                           error);
        if (U_FAILURE(error)) {
            std::fprintf(stderr, "icu_nfkc_cat: %s: %s\n", path, u_errorName(error));
            status = 1;
            return;
        }
        if (!write_all(out)) status = 1;
    };
    for (;;) {
        ssize_t const got = read(fd, block.data(), block.size());
        if (got < 0) {
            std::fprintf(stderr, "icu_nfkc_cat: cannot read '%s': %s\n", path, std::strerror(errno));
            status = 1;
            break;
        }
        if (got == 0) break;
        if (read_only) continue;
        pending.append(block.data(), static_cast<std::size_t>(got));
        std::size_t const cut = safe_cut(pending, nfkc);
        if (cut == 0) continue;  // no boundary yet: keep reading
        normalize(std::string_view(pending).substr(0, cut));
        pending.erase(0, cut);
        if (status != 0) break;
    }
    if (status == 0 && !read_only && !pending.empty()) normalize(pending);
    if (!is_stdin) close(fd);
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    bool read_only = false;
    std::vector<char const*> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--read-only") == 0) {
            read_only = true;
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::puts("usage: icu_nfkc_cat [--read-only] [FILE...]\n"
                      "ICU NFKC (normalizeUTF8) of each FILE (stdin if none) to stdout, in 1 MiB blocks;\n"
                      "--read-only: only read the blocks.");
            return 0;
        } else {
            files.push_back(argv[i]);
        }
    }
    if (files.empty()) files.push_back("-");
    UErrorCode error = U_ZERO_ERROR;
    icu::Normalizer2 const* nfkc = icu::Normalizer2::getNFKCInstance(error);
    if (U_FAILURE(error) || nfkc == nullptr) {
        std::fprintf(stderr, "icu_nfkc_cat: no NFKC instance: %s\n", u_errorName(error));
        return 2;
    }
    std::string pending, out;
    std::vector<char> block(block_size);
    pending.reserve(2 * block_size);
    out.reserve(4 * block_size);
    int status = 0;
    for (char const* path : files)
        if (cat_file(path, read_only, *nfkc, pending, block, out) != 0) status = 1;
    if (std::fflush(stdout) != 0) status = 1;
    return status;
}
