#include "input.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/core.h>

#include <glob.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

bool read_blocks(std::string const& path, std::function<void(std::string_view)> const& consume, std::string& reason) {
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
    thread_local std::vector<char> block(std::size_t{1} << 20);
    std::size_t got = 0;
    while ((got = std::fread(block.data(), 1, block.size(), file)) > 0) consume(std::string_view(block.data(), got));
    if (std::ferror(file)) {  // e.g. EISDIR for a directory, which fopen accepts
        reason = std::strerror(errno);
        if (is_stdin) std::clearerr(file);
        return false;
    }
    return true;
}

bool read_input(std::string const& path, std::string& bytes, std::string& reason) {
    bytes.clear();
    return read_blocks(path, [&bytes](std::string_view block) { bytes.append(block); }, reason);
}

void report_unreadable(std::string const& path, std::string const& reason) {
    fmt::print(stderr, "zhquant: cannot open '{}': {}\n", path, reason);
}

std::string slice(std::string_view text, std::size_t start, std::size_t end) {
    start = std::min(start, text.size());
    end = std::clamp(end, start, text.size());
    return std::string(text.substr(start, end - start));
}

namespace {

namespace fs = std::filesystem;

bool is_directory(std::string const& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

// The *.txt files under `dir`, sorted; unreadable subdirectories are passed over.
std::vector<std::string> text_files_under(std::string const& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".txt" && it->is_regular_file(type_ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

bool is_pattern(std::string const& arg) { return arg.find_first_of("*?[") != std::string::npos; }

}  // namespace

expanded_inputs expand_inputs(std::vector<std::string> const& args) {
    expanded_inputs out;
    if (args.empty()) {
        out.files.push_back("-");
        return out;
    }
    auto add_directory = [&](std::string const& dir) {
        auto files = text_files_under(dir);
        if (files.empty()) {
            fmt::print(stderr, "zhquant: no .txt files in directory '{}' or its subdirectories\n", dir);
            out.ok = false;
        }
        out.files.insert(out.files.end(), files.begin(), files.end());
    };
    for (auto const& arg : args) {
        std::error_code ec;
        if (arg != "-" && is_directory(arg)) {
            add_directory(arg);
        } else if (arg == "-" || !is_pattern(arg) || fs::exists(arg, ec)) {
            out.files.push_back(arg);
        } else {
            glob_t matches{};
            int const status = glob(arg.c_str(), 0, nullptr, &matches);
            if (status != 0 || matches.gl_pathc == 0) {
                fmt::print(stderr, "zhquant: no files match '{}'\n", arg);
                out.ok = false;
            } else {
                for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
                    std::string const path = matches.gl_pathv[i];
                    if (is_directory(path))
                        add_directory(path);
                    else
                        out.files.push_back(path);
                }
            }
            globfree(&matches);
        }
    }
    return out;
}
