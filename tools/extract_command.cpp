#include "extract_command.hpp"

#include "input.hpp"
#include "output.hpp"
#include "rule_sets.hpp"

#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

struct extract_options {
    std::vector<std::string> files;
    std::string rules = "township_report";
    std::string lexicon_file;
    std::string format = "table";
    bool unclaimed = false;
};

// A mention as GUIDE.md writes it, with the bytes of the original text.
boost::json::object mention_json(zhquant::mention const& m, std::string_view bytes) {
    boost::json::object o;
    o["start"] = m.start;
    o["end"] = m.end;
    o["text"] = slice(bytes, m.start, m.end);
    o["kind"] = zhquant::name(m.kind);
    o["value"] = m.value_text();
    if (auto high = m.high_text()) o["high"] = *high;
    if (!m.unit.empty()) o["unit"] = m.unit;
    o["qualifier"] = zhquant::name(m.qualifier);
    o["dimension"] = zhquant::name(m.dimension);
    return o;
}

boost::json::object change_json(zhquant::change const& c, zhquant::extraction const& x, std::string_view bytes) {
    boost::json::object o;
    if (!c.basis.empty()) o["basis"] = c.basis;
    o["direction"] = zhquant::name(c.direction);
    if (c.value) o["value"] = mention_json(x.mentions[*c.value], bytes);
    return o;
}

boost::json::object record_json(std::string const& doc, zhquant::record const& r, zhquant::extraction const& x,
                                std::string_view bytes) {
    boost::json::object o;
    o["doc"] = doc;
    o["start"] = r.start;
    o["end"] = r.end;
    o["text"] = slice(bytes, r.start, r.end);
    o["rule"] = r.rule;
    o["indicator"] = r.indicator;
    if (!r.verb.empty()) o["verb"] = r.verb;
    if (r.value) o["value"] = mention_json(x.mentions[*r.value], bytes);
    if (r.period) o["period"] = mention_json(x.mentions[*r.period], bytes);
    if (!r.changes.empty()) o["change"] = change_json(r.changes.front(), x, bytes);
    if (r.changes.size() > 1) {
        boost::json::array more;
        for (std::size_t i = 1; i < r.changes.size(); ++i) more.push_back(change_json(r.changes[i], x, bytes));
        o["more_changes"] = std::move(more);
    }
    if (r.share) {
        o["share"] = mention_json(x.mentions[*r.share], bytes);
        if (!r.share_of.empty()) o["share_of"] = r.share_of;
    }
    if (!r.values.empty()) {
        boost::json::object values;
        for (auto const& v : r.values) values[v.name] = mention_json(x.mentions[v.mention], bytes);
        o["values"] = std::move(values);
    }
    return o;
}

// For tables and CSV: a mention as its own text, a change as 同比 up 8.3%.
std::string mention_text(std::optional<std::size_t> i, zhquant::extraction const& x, std::string_view bytes) {
    if (!i) return {};
    return slice(bytes, x.mentions[*i].start, x.mentions[*i].end);
}

std::string changes_text(zhquant::record const& r, zhquant::extraction const& x, std::string_view bytes) {
    std::string out;
    for (auto const& c : r.changes) {
        if (!out.empty()) out += "; ";
        if (!c.basis.empty()) out += c.basis + " ";
        out.append(zhquant::name(c.direction));
        if (c.value) out += " " + mention_text(c.value, x, bytes);
    }
    return out;
}

std::string values_text(zhquant::record const& r, zhquant::extraction const& x, std::string_view bytes) {
    std::string out;
    for (auto const& v : r.values) {
        if (!out.empty()) out += "; ";
        out += v.name + "=" + mention_text(v.mention, x, bytes);
    }
    return out;
}

int run_extract(extract_options const& options) {
    named_rule_set const* chosen = nullptr;
    std::string names;
    for (auto const& set : known_rule_sets()) {
        if (set.name == options.rules) chosen = &set;
        names += (names.empty() ? "" : ", ") + std::string(set.name);
    }
    if (!chosen) {
        fmt::print(stderr, "zhquant: unknown rule set '{}' (known: {})\n", options.rules, names);
        return 2;
    }
    zhquant::rules::lexicon words = zhquant::rules::lexicon::builtin();
    if (!options.lexicon_file.empty()) {
        auto loaded = zhquant::rules::load_lexicon_from_path(options.lexicon_file, words);
        if (!loaded) {
            fmt::print(stderr, "{}\n", loaded.error().message);
            return 2;
        }
    }
    zhquant::rules::extract_options extract_options;
    extract_options.words = &words;
    auto const format = output_format_names().at(options.format);

    row_writer table(format, {"doc", "rule", "indicator", "value", "period", "change", "share", "values", "text"});
    row_writer unclaimed_table(format, {"doc", "unclaimed", "kind", "value", "unit"});
    std::string json_lines;
    std::vector<std::string> const stdin_only{"-"};
    auto const& files = options.files.empty() ? stdin_only : options.files;
    int status = 0;
    std::string bytes, reason;
    for (auto const& path : files) {
        if (!read_input(path, bytes, reason)) {
            report_unreadable(path, reason);
            status = 1;
            continue;
        }
        auto const x = zhquant::rules::extract(bytes, chosen->get(), extract_options);
        for (auto const& e : x.errors) {
            print_error(path, e.offset, e.message);
            status = 1;
        }
        for (auto const& r : x.records) {
            if (format == output_format::jsonl) {
                json_lines += boost::json::serialize(record_json(path, r, x, bytes));
                json_lines += '\n';
                continue;
            }
            std::string share = mention_text(r.share, x, bytes);
            if (!r.share_of.empty()) share = r.share_of + " " + share;
            table.write({path, r.rule, r.indicator, mention_text(r.value, x, bytes), mention_text(r.period, x, bytes),
                         changes_text(r, x, bytes), share, values_text(r, x, bytes), slice(bytes, r.start, r.end)});
        }
        if (options.unclaimed) {
            for (auto i : x.unclaimed) {
                auto const& m = x.mentions[i];
                if (format == output_format::jsonl) {
                    boost::json::object o;
                    o["doc"] = path;
                    o["unclaimed"] = mention_json(m, bytes);
                    json_lines += boost::json::serialize(o);
                    json_lines += '\n';
                } else {
                    unclaimed_table.write({path, slice(bytes, m.start, m.end), std::string(zhquant::name(m.kind)),
                                           m.value_text(), m.unit});
                }
            }
        }
        if (json_lines.size() > (1u << 16)) {
            std::fwrite(json_lines.data(), 1, json_lines.size(), stdout);
            json_lines.clear();
        }
    }
    std::fwrite(json_lines.data(), 1, json_lines.size(), stdout);
    table.finish();
    if (options.unclaimed && format == output_format::table) std::fputs("\n", stdout);
    unclaimed_table.finish();
    return status;
}

}  // namespace

void add_extract_command(CLI::App& app) {
    auto options = std::make_shared<extract_options>();
    auto* command = app.add_subcommand(
        "extract", "Print the records a rule set makes of each FILE (stdin if none)\n\n"
                   "Examples:\n"
                   "  zhquant extract seeds/*.txt\n"
                   "  zhquant extract --format jsonl --unclaimed report.txt\n"
                   "  zhquant extract --rules township_report --lexicon mine.lex -f csv *.txt > records.csv");
    command->add_option("files", options->files, "UTF-8 text files; '-' is standard input")->type_name("FILE");
    command->add_option("-r,--rules", options->rules, "the rule set")->capture_default_str();
    command->add_option("--lexicon", options->lexicon_file,
                        "extra words and units (see include/zhquant/rules/lexicon.hpp)")
        ->type_name("FILE");
    command->add_option("-f,--format", options->format, "table: aligned; jsonl: one JSON object per record; csv")
        ->transform(CLI::IsMember(output_format_names(), CLI::ignore_case))
        ->capture_default_str();
    command->add_flag("--unclaimed", options->unclaimed, "also list the mentions no record took");
    command->callback([options] {
        if (int status = run_extract(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
