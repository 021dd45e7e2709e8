// What a `FILE:LINE:COL: error: ...` from the unit-file and lexicon readers must be: its line
// and column point at its byte offset, which is inside the text.
#pragma once

#include "fuzz_check.hpp"

#include <zhquant/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace zhquant::fuzz {

inline void check_file_error(std::string_view text, std::string_view file_name, zhquant::error const& e) {
    std::string const& m = e.message;
    ZHQUANT_FUZZ_CHECK(m.compare(0, file_name.size() + 1, std::string(file_name) + ":") == 0,
                       "error does not start with the file name: " + m);
    std::size_t at = file_name.size() + 1;
    auto number = [&](char stop) {
        std::size_t value = 0, digits = 0;
        while (at < m.size() && m[at] >= '0' && m[at] <= '9') value = value * 10 + static_cast<std::size_t>(m[at++] - '0'), ++digits;
        ZHQUANT_FUZZ_CHECK(digits > 0 && at < m.size() && m[at] == stop, "malformed error position: " + m);
        ++at;
        return value;
    };
    std::size_t const line = number(':');
    std::size_t const column = number(':');
    ZHQUANT_FUZZ_CHECK(m.compare(at, 8, " error: ") == 0 && m.size() > at + 8, "malformed error: " + m);
    ZHQUANT_FUZZ_CHECK(e.offset <= text.size(), "error offset past the text: " + m);
    std::size_t line_of_offset = 1, line_start = 0;
    for (std::size_t i = 0; i < e.offset; ++i)
        if (text[i] == '\n') ++line_of_offset, line_start = i + 1;
    ZHQUANT_FUZZ_CHECK(line == line_of_offset, "error names line " + std::to_string(line) + " but its offset is on line " +
                                                   std::to_string(line_of_offset) + ": " + m);
    // COL counts characters; a byte order mark opening the file is not one of them.
    if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF" && e.offset >= 3) line_start = 3;
    std::string_view const before = text.substr(line_start, e.offset - line_start);
    if (valid_utf8(before)) {
        std::size_t characters = 0;
        for (char c : before) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        ZHQUANT_FUZZ_CHECK(column == characters + 1, "error names column " + std::to_string(column) +
                                                         " but its offset is at column " + std::to_string(characters + 1) +
                                                         ": " + m);
    } else {
        ZHQUANT_FUZZ_CHECK(column >= 1 && column <= before.size() + 1, "error column out of its line: " + m);
    }
}

}  // namespace zhquant::fuzz
