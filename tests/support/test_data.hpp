// Small helpers shared by the data-driven tests: where the data lives, and reading it.
#pragma once

#include <zhquant/value/decimal.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef ZHQUANT_TEST_DATA_DIR
#define ZHQUANT_TEST_DATA_DIR "tests/data"
#endif

namespace zhquant::test {

inline std::string data_path(std::string_view relative) {
    return std::string(ZHQUANT_TEST_DATA_DIR) + "/" + std::string(relative);
}

inline std::string read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Tab-separated rows, header line skipped.
inline std::vector<std::vector<std::string>> read_tsv(std::string const& path, bool has_header = true) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(read_file(path));
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (first && has_header) {
            first = false;
            continue;
        }
        first = false;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::size_t at = 0;
        while (true) {
            std::size_t const tab = line.find('\t', at);
            cells.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
            if (tab == std::string::npos) break;
            at = tab + 1;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

// A number as other tools print it, exponent allowed: "1e-15", "1.2732E+15", "-0.5".
inline std::optional<decimal> decimal_from_scientific(std::string_view text) {
    std::size_t const e = text.find_first_of("eE");
    auto mantissa = decimal::parse(text.substr(0, e));
    if (!mantissa || e == std::string_view::npos) return mantissa;
    std::string exponent(text.substr(e + 1));
    if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
    return mantissa->scaled(std::atoi(exponent.c_str()));
}

}  // namespace zhquant::test
