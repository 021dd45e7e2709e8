#include "extract_command.hpp"

#include "diagnostic.hpp"
#include "html_report.hpp"
#include "line_limit.hpp"
#include "input.hpp"
#include "output.hpp"
#include "parallel.hpp"
#include "progress.hpp"
#include "record_text.hpp"
#include "rule_sets.hpp"

#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

enum class extract_format { table, jsonl, csv, html };

std::map<std::string, extract_format> const& extract_format_names() {
    static std::map<std::string, extract_format> const names{
        {"table", extract_format::table},
        {"jsonl", extract_format::jsonl},
        {"csv", extract_format::csv},
        {"html", extract_format::html},
    };
    return names;
}

struct extract_options {
    std::vector<std::string> files;
    std::string rules = "township_report";
    std::string lexicon_file;
    std::string format = "table";
    std::string output;
    unsigned jobs = 1;
    bool unclaimed = false;
    bool summary = false;
    bool quiet = false;
    std::size_t max_line_bytes = default_line_limit;
};

// What the rule set made of a piece of a document (extract_stream: whole lines), with the piece's
// original bytes; for the HTML view one piece is the whole document.
struct piece {
    zhquant::extraction x;
    std::string original;
    std::size_t begin = 0;  // offset of `original` in the document
};

// One document, read and extracted on a worker thread (with -j): its pieces wait for their turn.
struct document {
    bool read = false;
    std::string reason;  // why it could not be read
    std::vector<piece> pieces;
};

// What all documents held, for the summary line.
struct totals {
    std::size_t documents = 0, mentions = 0, records = 0, unclaimed = 0, unreadable = 0;
};

std::string summary_line(totals const& t) {
    std::string line = fmt::format("{} {}, {} {}, {} {}, {} unclaimed", t.documents,
                                   t.documents == 1 ? "document" : "documents", t.mentions,
                                   t.mentions == 1 ? "mention" : "mentions", t.records,
                                   t.records == 1 ? "record" : "records", t.unclaimed);
    if (t.unreadable) line += fmt::format(", {} not read", t.unreadable);
    return line;
}

int run_extract(extract_options const& options) {
    named_rule_set const* chosen = find_rule_set(options.rules);
    if (!chosen) {
        report_unknown_rule_set(options.rules);
        return 2;
    }
    zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
    if (!options.lexicon_file.empty()) {
        auto loaded = zhquant::rules::load_lexicon_from_path(options.lexicon_file, words);
        if (!loaded) {
            print_file_error(options.lexicon_file, loaded.error().message);
            return 2;
        }
    }
    zhquant::rules::extract_options extract_options;
    extract_options.words = &words;
    extract_options.normalize.max_line_bytes = line_limit(options.max_line_bytes);
    auto const format = extract_format_names().at(options.format);

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned_out{nullptr, std::fclose};
    std::FILE* out = stdout;
    if (!options.output.empty() && options.output != "-") {
        owned_out.reset(std::fopen(options.output.c_str(), "wb"));
        if (!owned_out) {
            fmt::print(stderr, "zhquant: cannot write '{}': {}\n", options.output, std::strerror(errno));
            return 2;
        }
        out = owned_out.get();
    }

    auto const inputs = expand_inputs(options.files);
    int status = inputs.ok ? 0 : 1;
    auto const& files = inputs.files;

    std::optional<row_writer> table, unclaimed_table;
    if (format == extract_format::table || format == extract_format::csv) {
        auto const rows = format == extract_format::table ? output_format::table : output_format::csv;
        table.emplace(rows, std::vector<std::string>{"doc", "rule", "indicator", "value", "period", "change", "share",
                                                     "values", "text"},
                      out);
        unclaimed_table.emplace(rows, std::vector<std::string>{"doc", "unclaimed", "kind", "value", "unit"}, out);
        unclaimed_table->hold_until_finish();  // it follows the records' table
    }
    std::optional<html_report> page;
    if (format == extract_format::html) page.emplace(std::string(chosen->name));
    json_lines_buffer json_lines;
    totals total;
    progress_bar progress(files.size(), !options.quiet);
    bool const out_is_terminal = isatty(fileno(out)) == 1;
    zhquant::rules::rule_set const& rules = chosen->get();

    // Reads document i and hands its pieces to `take(piece&&)` as they are made, so that memory
    // stays bounded whatever the document's size; the HTML view needs the document whole.
    auto read_document = [&](std::size_t i, auto&& take) {
        document d;
        if (page) {
            std::string bytes;
            d.read = read_input(files[i], bytes, d.reason);
            if (d.read) {
                auto x = zhquant::rules::extract(bytes, rules, extract_options);
                take(piece{std::move(x), std::move(bytes), 0});
            }
            return d;
        }
        zhquant::rules::extract_stream stream(rules, extract_options);
        auto keep = [&](zhquant::extraction&& x, std::string_view original, std::size_t begin) {
            take(piece{std::move(x), std::string(original), begin});
        };
        std::optional<zhquant::error> stopped;
        d.read = read_blocks(files[i], [&](std::string_view block) { if (!stopped) stopped = stream.feed(block, keep); },
                             d.reason);
        if (d.read && !stopped) stopped = stream.finish(keep);
        if (stopped) take(piece{zhquant::extraction{{}, {}, {}, {*stopped}}, {}, 0});
        return d;
    };
    auto emit_piece = [&](std::string const& path, piece const& p) {
        auto const& x = p.x;
        original_text const bytes(p.original, p.begin);
        json_member const doc("doc", path);
        total.mentions += x.mentions.size();
        total.records += x.records.size();
        total.unclaimed += x.unclaimed.size();
        std::vector<std::string> problems;
        if (!x.errors.empty()) progress.clear();
        for (auto const& e : x.errors) {
            print_error(path, e.offset, e.message);
            problems.push_back(fmt::format("{}:{}: error: {}", path, e.offset, e.message));
            status = 1;
        }
        if (page) {
            page->add(path, p.original, x, problems);
            return;
        }
        // JSON Lines go out every 64 KiB, while the buffer is still in the cache (a piece of a
        // megabyte of input makes megabytes of records).
        auto flush_json_lines = [&] {
            if (json_lines.size() <= (1u << 16)) return;
            if (out_is_terminal) progress.clear();  // the bar shares the screen with the output
            std::fwrite(json_lines.text().data(), 1, json_lines.size(), out);
            json_lines.clear();
        };
        for (auto const& r : x.records) {
            if (format == extract_format::jsonl) {
                append_record_json(json_lines, doc, r, x, bytes);
                json_lines.end_line();
                flush_json_lines();
                continue;
            }
            table->write({path, r.rule, r.indicator, mention_text(r.value, x, bytes), mention_text(r.period, x, bytes),
                          changes_text(r, x, bytes), share_text(r, x, bytes), values_text(r, x, bytes),
                          bytes.slice(r.start, r.end)});
        }
        if (options.unclaimed) {
            for (auto k : x.unclaimed) {
                auto const& m = x.mentions[k];
                if (format == extract_format::jsonl) {
                    append_unclaimed_json(json_lines, doc, m, bytes);
                    json_lines.end_line();
                    flush_json_lines();
                } else {
                    unclaimed_table->write({path, bytes.slice(m.start, m.end), zhquant::name(m.kind), m.value_text(),
                                            m.unit});
                }
            }
        }
        flush_json_lines();
    };
    auto end_document = [&](std::string const& path, document const& d) {
        if (!d.read) {
            progress.clear();
            report_unreadable(path, d.reason);
            status = 1;
            ++total.unreadable;
            if (page) page->add_unreadable(path, d.reason);
        } else {
            ++total.documents;
        }
        progress.step(path);
    };

    unsigned const jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(files.size())));
    if (jobs == 1) {
        for (auto const& path : files) {
            auto const d = read_document(&path - files.data(), [&](piece&& p) { emit_piece(path, p); });
            end_document(path, d);
        }
    } else {
        auto work = [&](std::size_t i) {
            std::vector<piece> pieces;
            document d = read_document(i, [&](piece&& p) { pieces.push_back(std::move(p)); });
            d.pieces = std::move(pieces);
            return d;
        };
        auto emit = [&](std::size_t i, document&& d) {
            for (auto const& p : d.pieces) emit_piece(files[i], p);
            end_document(files[i], d);
        };
        for_each_in_order(files.size(), jobs, work, emit);
    }
    progress.clear();

    std::fwrite(json_lines.text().data(), 1, json_lines.size(), out);
    if (table) {
        table->finish();
        if (options.unclaimed && format == extract_format::table) std::fputs("\n", out);
        unclaimed_table->finish();
    }
    if (page) page->write(out);
    std::fflush(out);
    if (std::ferror(out)) {
        fmt::print(stderr, "zhquant: cannot write '{}': {}\n", options.output.empty() ? "-" : options.output,
                   std::strerror(errno));
        status = 2;
    }
    if (!options.quiet && (options.summary || files.size() > 1)) fmt::print(stderr, "{}\n", summary_line(total));
    return status;
}

}  // namespace

void add_extract_command(CLI::App& app) {
    auto options = std::make_shared<extract_options>();
    auto* command = app.add_subcommand("extract", "Print the records a rule set makes of each FILE (stdin if none)");
    command->footer(
        "FILE may be a directory: its *.txt files are read, and those of its subdirectories, in name order.\n"
        "A pattern with * ? or [ that the shell left alone (quote it) is expanded here: 'reports/*/*.txt'.\n"
        "With more than one document, a summary line goes to standard error at the end; with 20 or more and\n"
        "standard error a terminal, a progress bar too.\n"
        "\n"
        "Examples:\n"
        "  zhquant extract seeds/*.txt                          # an aligned table of the records\n"
        "  zhquant extract -f html -o report.html seeds/        # a page to read them in a browser\n"
        "  zhquant extract -f csv -j 4 reports/ > records.csv   # every report, 4 at a time, for a spreadsheet\n"
        "  zhquant extract -f jsonl --unclaimed report.txt      # JSON, and the mentions no record took\n"
        "  zhquant extract --rules township_report --lexicon mine.lex report.txt");
    command->add_option("files", options->files,
                        "UTF-8 text files, directories (their *.txt files, subdirectories too) or patterns; "
                        "'-' is standard input")
        ->type_name("FILE");
    command->add_option("-r,--rules", options->rules, "the rule set (" + rule_set_names() + ")")
        ->capture_default_str();
    command->add_option("--lexicon", options->lexicon_file,
                        "extra words and units (see include/zhquant/rules/lexicon.hpp)")
        ->type_name("FILE");
    command
        ->add_option("-f,--format", options->format,
                     "table: aligned; jsonl: one JSON object per record; csv: for spreadsheets; html: one page "
                     "with the texts, their mentions and records")
        ->transform(CLI::IsMember(extract_format_names(), CLI::ignore_case))
        ->capture_default_str();
    command->add_option("-o,--output", options->output, "write to FILE instead of standard output")->type_name("FILE");
    command->add_option("-j,--jobs", options->jobs, "read N documents at once (output stays in input order)")
        ->type_name("N")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    add_line_limit_option(*command, options->max_line_bytes);
    command->add_flag("--unclaimed", options->unclaimed, "also list the mentions no record took (html: always shown)");
    command->add_flag("--summary", options->summary, "print the summary line for one document too");
    command->add_flag("-q,--quiet", options->quiet, "no summary line and no progress bar");
    command->callback([options] {
        if (int status = run_extract(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
