#include "explain_command.hpp"

#include "diagnostic.hpp"
#include "display_width.hpp"
#include "input.hpp"
#include "output.hpp"
#include "record_text.hpp"
#include "rule_sets.hpp"

#include <zhquant/rules/explain.hpp>
#include <zhquant/rules/lexicon.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

struct explain_options {
    std::string sentence;
    std::string rules = "township_report";
    std::string lexicon_file;
    std::string format = "text";
};

std::map<std::string, int> const& explain_format_names() {
    static std::map<std::string, int> const names{{"text", 0}, {"jsonl", 1}};
    return names;
}

std::string padded(std::string_view s, std::size_t width) {
    std::string out(s);
    std::size_t const w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

// The sentence shown under a message: the line that holds byte `begin`, and a marker from
// `begin` to `end` (a caret alone when they are equal).
class sentence_view {
public:
    explicit sentence_view(std::string_view text) : text_(text) {}

    std::string lines(std::size_t begin, std::size_t end, std::string_view indent) const {
        begin = std::min(begin, text_.size());
        std::size_t const line_start = begin == 0 ? 0 : text_.rfind('\n', begin - 1) + 1;  // npos + 1 == 0
        std::size_t line_end = text_.find('\n', begin);
        if (line_end == std::string_view::npos) line_end = text_.size();
        std::string_view line = text_.substr(line_start, line_end - line_start);
        auto const shown = show_line(line);
        std::size_t const to = std::clamp(end, begin, line_end);
        std::string m = marker(shown, begin - line_start, to - line_start);
        std::string text = shown.text;
        text.erase(text.find_last_not_of(' ') + 1);
        return fmt::format("{}{}\n{}{}\n", indent, text, indent, m);
    }

    // Up to `count` characters from `at`, to the end of the line: what a rule found there.
    std::string found(std::size_t at, std::size_t count = 6) const {
        std::size_t end = std::min(at, text_.size());
        for (std::size_t n = 0; n < count && end < text_.size() && text_[end] != '\n'; ++n) {
            ++end;
            while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
        }
        if (end == at) return at >= text_.size() ? "the end of the sentence" : "the end of the line";
        bool const more = end < text_.size() && text_[end] != '\n';
        return fmt::format("\"{}{}\"", text_.substr(at, end - at), more ? "…" : "");
    }

private:
    std::string_view text_;
};

void print_text(std::string_view text, zhquant::rules::explanation const& why, named_rule_set const& set) {
    using zhquant::rules::attempt_outcome;
    auto const& x = why.result;
    sentence_view const view(text);
    std::string out;
    out += fmt::format("sentence: {}\n", show_line(text).text);
    out += fmt::format("rule set: {} ({} rules)\n", set.name, set.get().rules().size());

    std::vector<bool> claimed(x.mentions.size(), true);
    for (auto i : x.unclaimed) claimed[i] = false;
    out += fmt::format("\nmentions ({}):\n", x.mentions.size());
    std::size_t text_width = 0, kind_width = 0, value_width = 0;
    for (auto const& m : x.mentions) {
        text_width = std::max(text_width, display_width(show_line(slice(text, m.start, m.end)).text));
        kind_width = std::max(kind_width, zhquant::name(m.kind).size());
        value_width = std::max(value_width, display_width(mention_value_text(m)) + 3 + zhquant::name(m.qualifier).size());
    }
    for (std::size_t i = 0; i < x.mentions.size(); ++i) {
        auto const& m = x.mentions[i];
        out += fmt::format("  {}  {}  {}  bytes {}-{}{}\n", padded(show_line(slice(text, m.start, m.end)).text, text_width),
                           padded(zhquant::name(m.kind), kind_width),
                           padded(fmt::format("{} ({})", mention_value_text(m), zhquant::name(m.qualifier)), value_width),
                           m.start, m.end, claimed[i] ? "" : "  unclaimed");
    }

    std::size_t name_width = 0;
    for (auto const& r : set.get().rules())
        name_width = std::max(name_width, display_width(fmt::format("{} (priority {})", r.name, r.priority)));
    for (auto const& site : why.sites) {
        out += fmt::format("\nat byte {}: {}\n", site.at, view.found(site.at, 12));
        for (auto const& a : site.attempts) {
            std::string const head = padded(fmt::format("{} (priority {})", a.rule, a.priority), name_width);
            std::string const records = a.records == 1 ? "1 record" : fmt::format("{} records", a.records);
            switch (a.outcome) {
                case attempt_outcome::chosen:
                    out += fmt::format("  {}  chosen: bytes {}-{}, {}\n", head, site.at, a.end, records);
                    out += view.lines(site.at, a.end, "      ");
                    break;
                case attempt_outcome::outranked: {
                    auto const& winner = site.attempts[site.chosen];
                    std::string const why_lost =
                        winner.priority > a.priority
                            ? fmt::format("priority {} over {}", winner.priority, a.priority)
                            : fmt::format("the same priority, and a longer match (to byte {})", winner.end);
                    out += fmt::format("  {}  matched bytes {}-{}, but {} won: {}\n", head, site.at, a.end, winner.rule,
                                       why_lost);
                    out += view.lines(site.at, a.end, "      ");
                    break;
                }
                case attempt_outcome::empty:
                    out += fmt::format("  {}  matched nothing (every part of it is optional)\n", head);
                    break;
                case attempt_outcome::stopped: {
                    std::string expected;
                    for (std::size_t k = 0; k < a.expected.size(); ++k)
                        expected += (k == 0 ? "" : k + 1 == a.expected.size() ? " or " : ", ") + a.expected[k];
                    if (expected.empty()) expected = "a word that the rule itself spells out";
                    std::string found = view.found(a.end);
                    for (auto const& m : x.mentions)
                        if (m.start == a.end)
                            found = fmt::format("the {} \"{}\"", zhquant::name(m.kind), slice(text, m.start, m.end));
                    out += fmt::format("  {}  stopped at byte {}: expected {}; found {}\n", head, a.end, expected,
                                       show_line(found).text);
                    out += view.lines(a.end, a.end, "      ");
                    break;
                }
            }
        }
    }

    out += fmt::format("\nrecords ({}):\n", x.records.size());
    for (auto const& r : x.records) out += "  " + case_line(r, x, text) + "\n";
    std::string lost;
    for (auto i : x.unclaimed) lost += (lost.empty() ? "" : " | ") + slice(text, x.mentions[i].start, x.mentions[i].end);
    out += fmt::format("unclaimed: {}\n", lost.empty() ? "none" : show_line(lost).text);
    std::fwrite(out.data(), 1, out.size(), stdout);
}

void print_jsonl(std::string const& doc, std::string_view text, zhquant::rules::explanation const& why) {
    auto const& x = why.result;
    std::vector<bool> claimed(x.mentions.size(), true);
    for (auto i : x.unclaimed) claimed[i] = false;
    std::string out;
    auto line = [&](boost::json::object const& o) {
        out += boost::json::serialize(o);
        out += '\n';
    };
    for (std::size_t i = 0; i < x.mentions.size(); ++i) {
        boost::json::object o{{"type", "mention"}};
        for (auto const& [k, v] : mention_json(x.mentions[i], text)) o[k] = v;
        o["claimed"] = bool(claimed[i]);
        line(o);
    }
    for (auto const& site : why.sites) {
        for (auto const& a : site.attempts) {
            boost::json::object o{{"type", "attempt"}, {"at", site.at}, {"rule", a.rule}, {"priority", a.priority},
                                  {"outcome", zhquant::rules::name(a.outcome)}, {"end", a.end}};
            if (a.outcome == zhquant::rules::attempt_outcome::chosen) o["records"] = a.records;
            if (a.outcome == zhquant::rules::attempt_outcome::stopped) {
                boost::json::array expected;
                for (auto const& e : a.expected) expected.push_back(boost::json::string(e));
                o["expected"] = std::move(expected);
            }
            line(o);
        }
    }
    for (auto const& r : x.records) {
        boost::json::object o{{"type", "record"}};
        for (auto const& [k, v] : record_json(doc, r, x, text)) o[k] = v;
        line(o);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
}

int run_explain(explain_options const& options) {
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
    std::string text = options.sentence, doc = "sentence";
    if (options.sentence == "-") {
        doc = "-";
        std::string reason;
        if (!read_input("-", text, reason)) {
            report_unreadable("-", reason);
            return 1;
        }
    }
    if (text.empty()) {
        fmt::print(stderr, "zhquant: nothing to explain: the sentence is empty\n");
        return 2;
    }
    zhquant::rules::extract_options extract_options;
    extract_options.words = &words;
    auto const why = zhquant::rules::explain(text, chosen->get(), extract_options);
    int status = 0;
    for (auto const& e : why.result.errors) {
        print_error(doc, e.offset, e.message);
        status = 1;
    }
    if (options.format == "jsonl")
        print_jsonl(doc, text, why);
    else
        print_text(text, why, *chosen);
    std::fflush(stdout);
    return status;
}

}  // namespace

void add_explain_command(CLI::App& app) {
    auto options = std::make_shared<explain_options>();
    auto* command = app.add_subcommand(
        "explain", "Show which rule read each clause of a SENTENCE, and where and why each other rule stopped");
    command->footer(
        "Each rule is tried where extract tries it: at the sentence's start, after a ， ： or ( where nothing\n"
        "matched, and where the last record ended.  A rule that did not match is shown stopped at the furthest\n"
        "byte it reached, with a caret under that character, and what its parts expected there; a word the\n"
        "rule spells out itself (x3::lit) leaves no trace, and shows as \"a word that the rule itself spells out\".\n"
        "Offsets are bytes of the sentence as given.\n"
        "\n"
        "Examples:\n"
        "  zhquant explain \"完成税收598万元，同比增长8.3%\"\n"
        "  zhquant explain --lexicon mine.lex \"出栏肉猪3820头、山羊108只\"\n"
        "  sed -n 12p report.txt | zhquant explain -\n"
        "  zhquant explain -f jsonl \"城镇、农村常住居民人均可支配收入同比分别增长8.5%、9.2%\"");
    command->add_option("sentence", options->sentence, "the sentence (UTF-8); '-' reads it from standard input")
        ->type_name("SENTENCE")
        ->required();
    command->add_option("-r,--rules", options->rules, "the rule set (" + rule_set_names() + ")")
        ->capture_default_str();
    command->add_option("--lexicon", options->lexicon_file,
                        "extra words and units (see include/zhquant/rules/lexicon.hpp)")
        ->type_name("FILE");
    command->add_option("-f,--format", options->format,
                        "text: for people; jsonl: one JSON object per mention, rule attempt and record")
        ->transform(CLI::IsMember(explain_format_names(), CLI::ignore_case))
        ->capture_default_str();
    command->callback([options] {
        if (int status = run_explain(*options); status != 0) throw CLI::RuntimeError(status);
    });
}
