#include "numbers_command.hpp"

#include "input.hpp"
#include "output.hpp"

#include <zhquant/numbers.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct numbers_options {
    std::vector<std::string> files;
    std::string format = "jsonl";  // a key of output_format_names()
};

int run_numbers(numbers_options const& options) {
    row_writer out(output_format_names().at(options.format), {"doc", "start", "end", "text", "value", "high"});
    auto const inputs = expand_inputs(options.files);
    auto const& files = inputs.files;

    int status = inputs.ok ? 0 : 1;
    std::string bytes;
    std::string reason;
    for (auto const& path : files) {
        if (!read_input(path, bytes, reason)) {
            report_unreadable(path, reason);
            status = 1;
            continue;
        }
        auto const found = zhquant::find_numbers(bytes);
        for (auto const& e : found.errors) print_error(path, e.offset, e.message);
        for (auto const& n : found.numbers) {
            out.write({
                path,
                std::uint64_t{n.start},
                std::uint64_t{n.end},
                slice(bytes, n.start, n.end),
                n.value.to_string(),
                n.high ? cell{n.high->to_string()} : cell{},
            });
        }
    }
    out.finish();
    return status;
}

}  // namespace

void add_numbers_command(CLI::App& app) {
    auto options = std::make_shared<numbers_options>();
    auto* command = app.add_subcommand("numbers", "Print every number in each FILE (stdin if none)");
    command->add_option("files", options->files,
                        "UTF-8 text files, directories (their *.txt files, subdirectories too) or patterns; "
                        "'-' is standard input")
        ->type_name("FILE");
    command->add_option("-f,--format", options->format, "jsonl: one JSON object per line; table: aligned")
        ->transform(CLI::IsMember(output_format_names(), CLI::ignore_case))
        ->capture_default_str();
    command->footer(
        "Every number, in digits or in words (3.5万, 一千二百, 1,234), with its exact value; ranges with\n"
        "their upper end (high).  No judgement of what it counts: `mentions` does that.\n"
        "A directory is read for its *.txt files, subdirectories too.\n"
        "\n"
        "Examples:\n"
        "  zhquant numbers report.txt\n"
        "  zhquant numbers --format table seeds/\n"
        "  printf '一千二百三十四点五' | zhquant numbers");
    command->callback([options] {
        if (int status = run_numbers(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
