// Compiler-style context under a message: the line of text, and a caret under the character the
// message is about.  汉字 and full-width characters are two terminal columns wide, a tab goes to
// the next multiple of 8, so the caret stands under the right character.
//
//     bad.lex:4:2: error: unexpected space in a word (one word a line)
//         4 | 两 个
//           |   ^
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// A line as a terminal shows it, and the column each of its bytes starts at.
struct shown_line {
    std::string text;                  // tabs expanded, control characters and bad bytes replaced
    std::vector<std::size_t> columns;  // columns[i]: the column of the character byte i is part of;
                                       // columns[size of the line]: the width of the whole line
};

shown_line show_line(std::string_view line);

// Spaces up to the column of byte `begin`, then ^ and, up to byte `end`, ~.
std::string marker(shown_line const& line, std::size_t begin, std::size_t end);

// The byte offset of character `column` (1-based) of `line`.
std::size_t byte_of_column(std::string_view line, std::size_t column);

// Prints `message` (from the library: "FILE:LINE:COL: error: ...") to standard error and, when
// FILE can be read and has that line, the line and a caret, as GCC does.
void print_file_error(std::string const& path, std::string const& message);
