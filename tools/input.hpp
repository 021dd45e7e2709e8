// Reading a subcommand's input files whole, as bytes, and finding them: files, directories and
// patterns.
//
//     auto found = expand_inputs({"seeds", "more/*.txt", "-"});
//     // found.files: seeds/000.txt ... seeds/004.txt, more/a.txt, -
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Reads all of `path` ("-" is standard input) into `bytes`.  On failure returns false and sets
// `reason` (e.g. "No such file or directory").
bool read_input(std::string const& path, std::string& bytes, std::string& reason);

// Reads `path` ("-" is standard input) block by block, passing each block to `consume`, so that a
// file of any size is read with one reused buffer.  On failure returns false and sets `reason`.
bool read_blocks(std::string const& path, std::function<void(std::string_view)> const& consume, std::string& reason);

// Prints `zhquant: cannot open 'PATH': REASON` to standard error.
void report_unreadable(std::string const& path, std::string const& reason);

// Bytes [start, end) of `text`, clamped to it: the `text` column of a found span.
std::string slice(std::string_view text, std::size_t start, std::size_t end);

struct expanded_inputs {
    std::vector<std::string> files;  // in the order given; a directory's and a pattern's sorted
    bool ok = true;                  // false when an argument named no document (reported)
};

// The documents that command-line arguments name: a file as it is (a missing one too: reading it
// reports it); a directory, the *.txt files in it and its subdirectories; a pattern with * ? or
// [ that is not itself a file's name, the files it matches.  No arguments: standard input.  A
// directory without .txt files and a pattern that matches nothing are reported on standard
// error:
//     zhquant: no .txt files in directory 'DIR' or its subdirectories
//     zhquant: no files match 'PATTERN'
expanded_inputs expand_inputs(std::vector<std::string> const& args);
