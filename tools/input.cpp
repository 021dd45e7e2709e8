#include "input.hpp"

#include <algorithm>

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

bool read_input(std::string const& path, std::string& bytes, std::string& reason) {
    bytes.clear();
    bool const is_stdin = path == "-";
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned{nullptr, std::fclose};
    std::FILE* file = stdin;
    if (!is_stdin) {
        owned.reset(std::fopen(path.c_str(), "rb"));
        if (!owned) {
            reason = std::strerror(errno);
            return false;
        }
        file = owned.get();
    }
    char block[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(block, 1, sizeof block, file)) > 0) bytes.append(block, got);
    if (std::ferror(file)) {  // e.g. EISDIR for a directory, which fopen accepts
        reason = std::strerror(errno);
        if (is_stdin) std::clearerr(file);
        return false;
    }
    return true;
}

void report_unreadable(std::string const& path, std::string const& reason) {
    fmt::print(stderr, "zhquant: cannot open '{}': {}\n", path, reason);
}

std::string slice(std::string_view text, std::size_t start, std::size_t end) {
    start = std::min(start, text.size());
    end = std::clamp(end, start, text.size());
    return std::string(text.substr(start, end - start));
}
