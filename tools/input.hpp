// Reading a subcommand's input files whole, as bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Reads all of `path` ("-" is standard input) into `bytes`.  On failure returns false and sets
// `reason` (e.g. "No such file or directory").
bool read_input(std::string const& path, std::string& bytes, std::string& reason);

// Prints `zhquant: cannot open 'PATH': REASON` to standard error.
void report_unreadable(std::string const& path, std::string const& reason);

// Bytes [start, end) of `text`, clamped to it: the `text` column of a found span.
std::string slice(std::string_view text, std::size_t start, std::size_t end);
