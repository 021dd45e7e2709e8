#include "diagnostic.hpp"

#include "display_width.hpp"
#include "input.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace {


}  // namespace

shown_line show_line(std::string_view line) {
    shown_line out;
    out.columns.reserve(line.size() + 1);
    std::size_t column = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = sequence_length(line, i);
        std::string_view piece;
        std::size_t width = 0;
        if (n == 0) {
            n = 1;
            piece = "\xEF\xBF\xBD";  // U+FFFD
            width = 1;
        } else if (line[i] == '\t') {
            std::size_t const to = (column / 8 + 1) * 8;
            out.text.append(to - column, ' ');
            width = to - column;
        } else if (n == 1 && (static_cast<unsigned char>(line[i]) < 0x20 || line[i] == 0x7F)) {
            piece = " ";
            width = 1;
        } else {
            piece = line.substr(i, n);
            width = display_width(piece);
        }
        out.text += piece;
        for (std::size_t k = 0; k < n; ++k) out.columns.push_back(column);
        column += width;
        i += n;
    }
    out.columns.push_back(column);
    return out;
}

std::string marker(shown_line const& line, std::size_t begin, std::size_t end) {
    std::size_t const last = line.columns.size() - 1;
    std::size_t const from = line.columns[std::min(begin, last)];
    std::size_t const to = line.columns[std::min(std::max(end, begin), last)];
    std::string out(from, ' ');
    out += '^';
    if (to > from + 1) out.append(to - from - 1, '~');
    return out;
}

std::size_t byte_of_column(std::string_view line, std::size_t column) {
    std::size_t i = 0;
    for (std::size_t c = 1; c < column && i < line.size(); ++c) {
        std::size_t const n = sequence_length(line, i);
        i += n == 0 ? 1 : n;
    }
    return std::min(i, line.size());
}

void print_file_error(std::string const& path, std::string const& message) {
    fmt::print(stderr, "{}\n", message);
    // FILE:LINE:COL: ...
    std::string_view rest(message);
    if (rest.substr(0, path.size()) != path || rest.substr(path.size(), 1) != ":") return;
    rest.remove_prefix(path.size() + 1);
    std::size_t line_number = 0, column = 0;
    auto [after_line, e1] = std::from_chars(rest.data(), rest.data() + rest.size(), line_number);
    if (e1 != std::errc{} || after_line == rest.data() + rest.size() || *after_line != ':') return;
    auto [after_column, e2] = std::from_chars(after_line + 1, rest.data() + rest.size(), column);
    if (e2 != std::errc{} || line_number == 0 || column == 0) return;
    std::string bytes, reason;
    if (!read_input(path, bytes, reason)) return;
    std::size_t start = 0;
    for (std::size_t n = 1; n < line_number; ++n) {
        start = bytes.find('\n', start);
        if (start == std::string::npos) return;
        ++start;
    }
    std::string_view text(bytes);
    std::string_view line = text.substr(start, std::min(text.find('\n', start), text.size()) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    auto const shown = show_line(line);
    std::size_t const at = byte_of_column(line, column);
    std::string const number = fmt::format("{:>5}", line_number);
    fmt::print(stderr, "{} | {}\n{} | {}\n", number, shown.text, std::string(number.size(), ' '),
               marker(shown, at, at));
}
