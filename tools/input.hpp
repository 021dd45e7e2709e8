// Reading a subcommand's input files whole, as bytes.
#pragma once

#include <string>

// Reads all of `path` ("-" is standard input) into `bytes`.  On failure returns false and sets
// `reason` (e.g. "No such file or directory").
bool read_input(std::string const& path, std::string& bytes, std::string& reason);

// Prints `zhquant: cannot open 'PATH': REASON` to standard error.
void report_unreadable(std::string const& path, std::string const& reason);
