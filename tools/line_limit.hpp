// --max-line-bytes, for the subcommands that read text through normalization: the longest line
// they accept (normalize_options::max_line_bytes).  A line is held whole in memory while it is
// read, so the limit bounds memory; 0 lifts it (a text of one 10 MB line, say).
//
//     add_line_limit_option(*command, options->max_line_bytes);
//     normalize.max_line_bytes = line_limit(options.max_line_bytes);
#pragma once

#include <zhquant/text/normalize.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>

inline constexpr std::size_t default_line_limit = zhquant::normalize_options{}.max_line_bytes;

inline void add_line_limit_option(CLI::App& command, std::size_t& bytes) {
    command.add_option("--max-line-bytes", bytes, "a longer input line is an error (a line is held whole in memory); 0: no limit")
        ->type_name("N")
        ->capture_default_str();
}

inline std::size_t line_limit(std::size_t option) { return option == 0 ? zhquant::normalizer::unlimited : option; }
