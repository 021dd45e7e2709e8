#include "mentions_command.hpp"

#include "diagnostic.hpp"
#include "line_limit.hpp"
#include "input.hpp"
#include "output.hpp"
#include "record_text.hpp"

#include <zhquant/audit.hpp>
#include <zhquant/mentions.hpp>
#include <zhquant/value/unit_file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

struct mentions_options {
    std::vector<std::string> files;
    std::string format = "jsonl";
    std::string units_file;
    bool audit = false;
    std::size_t max_line_bytes = default_line_limit;
};

// --audit: every numeric token of each file, as in a mention, rejected (with the reason) or
// unrecognized; a line of counts per file, and the unrecognized tokens to check by hand.
int run_audit(std::vector<std::string> const& files, bool inputs_ok, zhquant::mentions_options const& options) {
    int status = inputs_ok ? 0 : 1;
    std::size_t totals[3] = {0, 0, 0};
    std::string bytes, reason;
    for (auto const& path : files) {
        if (!read_input(path, bytes, reason)) {
            report_unreadable(path, reason);
            status = 1;
            continue;
        }
        auto const a = zhquant::audit(bytes, options);
        for (auto const& e : a.errors) print_error(path, e.offset, e.message);
        std::size_t const counts[3] = {a.count(zhquant::token_status::mention),
                                       a.count(zhquant::token_status::rejected),
                                       a.count(zhquant::token_status::unrecognized)};
        for (int i = 0; i < 3; ++i) totals[i] += counts[i];
        fmt::print("{}: {} numeric tokens: {} in mentions, {} rejected, {} unrecognized\n", path,
                   counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
        for (auto const& t : a.tokens)
            if (t.status == zhquant::token_status::unrecognized)
                fmt::print("  unrecognized at {}: {}\n", t.start, slice(bytes, t.start, t.end));
    }
    if (files.size() > 1)
        fmt::print("total: {} in mentions, {} rejected, {} unrecognized\n", totals[0], totals[1], totals[2]);
    return status;
}

cell text_or_absent(std::string_view s) { return s.empty() ? cell{} : cell{s}; }

int run_mentions(mentions_options const& options) {
    zhquant::unit_registry units = zhquant::unit_registry::builtin();
    if (!options.units_file.empty()) {
        auto loaded = zhquant::load_units_from_path(options.units_file, units);
        if (!loaded) {
            print_file_error(options.units_file, loaded.error().message);
            return 2;
        }
    }
    zhquant::mentions_options find_options;
    find_options.units = &units;
    find_options.normalize.max_line_bytes = line_limit(options.max_line_bytes);
    if (options.audit) {
        auto const inputs = expand_inputs(options.files);
        return run_audit(inputs.files, inputs.ok, find_options);
    }

    row_writer out(output_format_names().at(options.format),
                   {"doc", "start", "end", "text", "kind", "value", "high", "unit", "qualifier", "dimension",
                    "si_value", "si_unit"});
    auto const inputs = expand_inputs(options.files);
    auto const& files = inputs.files;

    int status = inputs.ok ? 0 : 1;
    std::string reason;
    // JSON Lines are written straight from each mention (record_text.hpp: the fields of extract's
    // mentions), tables and CSV through row_writer's cells.
    bool const jsonl = output_format_names().at(options.format) == output_format::jsonl;
    json_lines_buffer json_lines;
    auto flush_json_lines = [&json_lines] {
        std::fwrite(json_lines.text().data(), 1, json_lines.size(), stdout);
        json_lines.clear();
    };
    for (auto const& path : files) {
        json_member const doc("doc", path);
        auto write = [&](zhquant::mention const& m, std::string_view text) {
            if (jsonl) {
                append_mention_json(json_lines, doc, m, text);
                json_lines.end_line();
                if (json_lines.size() >= (1u << 16)) flush_json_lines();
                return;
            }
            auto const high = m.high_text();
            out.write({
                path,
                std::uint64_t{m.start},
                std::uint64_t{m.end},
                text,
                zhquant::name(m.kind),
                m.value_text(),
                high ? cell{*high} : cell{},
                text_or_absent(m.unit),
                zhquant::name(m.qualifier),
                zhquant::name(m.dimension),
                m.base_value ? cell{m.base_value->to_string()} : cell{},
                text_or_absent(m.base_unit),
            });
        };
        auto report = [&](zhquant::error const& e) {
            print_error(path, e.offset, e.message);
            status = 1;
        };
        // Read block by block: memory does not grow with the file.
        zhquant::mention_stream stream(find_options);
        std::optional<zhquant::error> stopped;
        auto feed = [&](std::string_view block) {
            if (!stopped) stopped = stream.feed(block, write, report);
        };
        if (!read_blocks(path, feed, reason)) {
            report_unreadable(path, reason);
            status = 1;
            continue;
        }
        if (!stopped) stopped = stream.finish(write, report);
        if (stopped) report(*stopped);
    }
    flush_json_lines();
    out.finish();
    return status;
}

}  // namespace

void add_mentions_command(CLI::App& app) {
    auto options = std::make_shared<mentions_options>();
    auto* command = app.add_subcommand("mentions", "Print every numeric mention in each FILE (stdin if none)");
    command->add_option("files", options->files,
                        "UTF-8 text files, directories (their *.txt files, subdirectories too) or patterns; "
                        "'-' is standard input")->type_name("FILE");
    command->add_option("-f,--format", options->format, "jsonl: one JSON object per line; table: aligned")
        ->transform(CLI::IsMember(output_format_names(), CLI::ignore_case))
        ->capture_default_str();
    command->add_option("--units", options->units_file, "extra units, one per line (see examples/extra_units.tsv)")
        ->type_name("FILE");
    add_line_limit_option(*command, options->max_line_bytes);
    command->add_flag("--audit", options->audit,
                      "instead of the mentions: every numeric token counted as in a mention, rejected (with a "
                      "reason) or unrecognized, and the unrecognized ones listed");
    command->footer(
        "Each mention is a quantity, a percent or a date, with the fields of tests/data/gold/GUIDE.md, its\n"
        "dimension and, when its unit has an exact factor, its value in SI or base units (si_value, si_unit).\n"
        "A directory is read for its *.txt files, subdirectories too.\n"
        "\n"
        "Examples:\n"
        "  zhquant mentions report.txt\n"
        "  zhquant mentions -f table seeds/\n"
        "  zhquant mentions --units examples/extra_units.tsv -f csv reports/ > mentions.csv\n"
        "  printf '超200万元' | zhquant mentions\n"
        "  zhquant mentions --audit seeds/");
    command->callback([options] {
        if (int status = run_mentions(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
