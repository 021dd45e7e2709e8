// Unit tests for rule sets: a case file of sentences and the records each should give, checked
// against a rule set; a failure shows the sentence and the expected and actual records side by
// side, with the rule that made each actual record.
//
//     auto report = zhquant::rules::testing::run_cases(township_report::rules(), file_text,
//                                                      "township_report.cases");
//     std::cout << report;                      // every failure, then "120 passed, 0 failed"
//     EXPECT_TRUE(report) << report;            // in a GoogleTest test
//
// The case file (UTF-8).  A case is a block: the sentence after `>`, then one line per record
// the rule set should make of it, in the order it makes them:
//
//     # a comment: a line that starts with #; blank lines are ignored
//     > 1-11月规上工业总产值36923万元，同比增长 8.3%
//     figure | indicator=规上工业总产值 | period=1-11月 | value=36923万元 | change=同比 up 8.3%
//     > 出栏肉猪3820头、山羊108只
//     item_list | verb=出栏 | indicator=肉猪 | value=3820头
//     item_list | verb=出栏 | indicator=山羊 | value=108只
//     > 全镇共有2024 年度先进集体
//     unclaimed: 2024 年
//
// - `> text`: the input (one space after > is not part of it).  Several `>` lines in a row are one
//   input of several lines.
// - A record line: the rule's name, then `| field=text` for each field the record has.  Fields not
//   written must be absent; texts match exactly.  A value is written as the text of its mention in
//   the input (`value=2046 万元` where the input says "2046 万元").
//     indicator=规上工业总产值   verb=出栏   period=1-11月   value=36923万元
//     share=151.01% of 目标任务     (占目标任务的151.01%; `share=60%` when the sentence names no whole)
//     change=同比 up 8.3%           ([basis] up|down|flat [value], one per change, in order:
//                                   change=较去年 down 240余场 | change=down 60%)
//     面积=273.48亩                 (any other name: a further named value, in order;
//                                   values.value=… for a named value whose name is a field's)
// - No record line: the rule set should make no record of the input.
// - `unclaimed: 2024 年 | 3个`: the mentions that no record took, in order (`unclaimed:` alone: none).
//   Without the line they are not checked.
// - `known failure: why`: the case documents a gap; it passes while the rule set fails it, and
//   fails once the rule set gets it right (remove the line then).
//
// A mistake in the file is an error `FILE:LINE:COL: error: expected ...` with the line and a caret.
//
// A rule set's case file lives next to its header (rules/zhquant/rules/township_report.cases);
// cmake/zhquant_rule_tests.cmake makes each case a CTest test through cases_main() below.
#pragma once

#include <zhquant/error.hpp>
#include <zhquant/record.hpp>
#include <zhquant/rules/extract.hpp>
#include <zhquant/rules/lexicon.hpp>
#include <zhquant/rules/rule_set.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhquant::rules::testing {

// One field of a record as a case file writes it.
struct field {
    enum class kind : std::uint8_t { indicator, verb, period, value, share, change, named };
    kind type = kind::named;
    std::string name;  // the named value's name; empty for the other kinds
    std::string text;  // 36923万元, 同比 up 8.3%, 151.01% of 目标任务

    friend bool operator==(field const&, field const&) = default;
};

// A record as a case file writes it: rule | field | field ...
struct record_text {
    std::string rule;
    std::vector<field> fields;  // in the order of field::kind; changes and named values in text order
    std::size_t line = 0;       // in the case file; 0 for an actual record
    std::string matched;        // an actual record: the text its rule matched

    bool same_as(record_text const& other) const { return rule == other.rule && fields == other.fields; }
};

struct test_case {
    std::size_t line = 0;  // of the first `>` line
    std::string input;
    std::vector<record_text> records;
    std::optional<std::vector<std::string>> unclaimed;  // checked only when the file says
    std::string known_failure;                          // why, when the case documents a gap
};

struct case_file {
    std::string name;
    std::vector<test_case> cases;
};

enum class outcome : std::uint8_t { passed, failed, known_failure, fixed };

struct case_result {
    test_case test;
    outcome result = outcome::passed;
    std::vector<record_text> actual;
    std::vector<std::string> actual_unclaimed;
    std::vector<std::string> problems;  // what extract() reported about the input
    std::string rendered;               // the failure (or known failure) shown side by side

    bool ok() const { return result == outcome::passed || result == outcome::known_failure; }
};

struct report {
    std::string file;
    std::optional<zhquant::error> parse_error;  // the case file could not be read: no case ran
    std::vector<case_result> cases;

    std::size_t count(outcome o) const {
        return static_cast<std::size_t>(
            std::count_if(cases.begin(), cases.end(), [o](case_result const& c) { return c.result == o; }));
    }
    std::size_t passed() const { return count(outcome::passed); }
    std::size_t failed() const { return count(outcome::failed) + count(outcome::fixed); }
    std::size_t known_failures() const { return count(outcome::known_failure); }
    bool ok() const { return !parse_error && failed() == 0; }
    explicit operator bool() const { return ok(); }

    // "118 passed, 2 failed" (and ", 3 known failures" when there are some).
    std::string summary() const {
        if (parse_error) return parse_error->message;
        std::string s = std::to_string(passed()) + " passed, " + std::to_string(failed()) + " failed";
        if (std::size_t const k = known_failures()) s += ", " + std::to_string(k) + (k == 1 ? " known failure" : " known failures");
        return s;
    }

    // Every failure rendered, then the summary.
    std::string failures() const {
        std::string s;
        for (auto const& c : cases)
            if (!c.ok()) s += c.rendered + "\n";
        return s + summary() + "\n";
    }

    friend std::ostream& operator<<(std::ostream& out, report const& r) { return out << r.failures(); }
};

namespace detail {

inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto const b = static_cast<unsigned char>(s[i]);
    std::size_t const n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n <= 1 || i + n > s.size()) {
        ++i;
        return b < 0x80 ? b : U'?';
    }
    char32_t c = b & (0xFFu >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
            ++i;
            return U'?';
        }
        c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += n;
    return c;
}

// Terminal columns: East Asian Wide and Fullwidth characters (汉字, ，％) take two.
inline std::size_t display_width(std::string_view s) {
    struct range {
        char32_t first, last;
    };
    static constexpr range wide[] = {
        {0x1100, 0x115F}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
    };
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t const c = next_code_point(s, i);
        bool const w = std::any_of(std::begin(wide), std::end(wide), [c](range r) { return c >= r.first && c <= r.last; });
        width += w ? 2 : (c >= 0x300 && c <= 0x36F) ? 0 : 1;
    }
    return width;
}

inline std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    std::size_t const w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline constexpr std::string_view kind_names[] = {"indicator", "verb", "period", "value", "share", "change"};

inline std::string key_of(field const& f) {
    if (f.type != field::kind::named) return std::string(kind_names[static_cast<std::size_t>(f.type)]);
    for (auto k : kind_names)
        if (f.name == k) return "values." + f.name;
    return f.name;
}

// Fields in the order of their kinds; changes and named values keep their order.
inline void sort_fields(std::vector<field>& fields) {
    std::stable_sort(fields.begin(), fields.end(), [](field const& a, field const& b) { return a.type < b.type; });
}

inline std::string render_line(record_text const& r) {
    std::string s = r.rule;
    for (auto const& f : r.fields) s += " | " + key_of(f) + "=" + f.text;
    return s;
}

inline std::string join(std::vector<std::string> const& parts, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? std::string(sep) : std::string()) + parts[i];
    return s;
}

// Reads a case file; errors point at the line and column, GCC-style.
class case_parser {
public:
    case_parser(std::string_view text, std::string_view file_name) : text_(text), file_(file_name) {}

    result<case_file> parse() {
        case_file out;
        out.name = std::string(file_);
        test_case* open = nullptr;
        bool last_was_input = false;
        std::size_t offset = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") offset = 3;
        while (offset < text_.size()) {
            std::size_t const eol = std::min(text_.find('\n', offset), text_.size());
            line_ = text_.substr(offset, eol - offset);
            line_start_ = offset;
            ++line_number_;
            offset = eol + 1;
            if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
            std::string_view const content = trim(line_);
            if (content.empty() || content.front() == '#') {
                last_was_input = false;
                continue;
            }
            if (line_.front() == '>') {
                std::string_view input = line_.substr(1);
                if (!input.empty() && input.front() == ' ') input.remove_prefix(1);
                if (last_was_input) {
                    open->input += "\n";
                    open->input += input;
                    continue;
                }
                if (input.empty()) return fail(1, "expected a sentence after '>'");
                out.cases.push_back(test_case{line_number_, std::string(input), {}, std::nullopt, {}});
                open = &out.cases.back();
                last_was_input = true;
                continue;
            }
            last_was_input = false;
            std::size_t const lead = static_cast<std::size_t>(content.data() - line_.data());
            if (!open) return fail(lead, "expected '> ' and a sentence before the first record of a case");
            if (auto e = directive(content, lead, *open)) {
                if (!e->message.empty()) return *e;
                continue;
            }
            auto record = record_line(content, lead);
            if (!record) return record.error();
            open->records.push_back(std::move(*record));
        }
        return out;
    }

private:
    // An error at byte `at` of the current line.
    zhquant::error fail(std::size_t at, std::string const& what) const {
        std::size_t column = 1;
        for (std::size_t i = 0; i < at && i < line_.size(); ++i)
            if ((static_cast<unsigned char>(line_[i]) & 0xC0) != 0x80) ++column;
        std::string const lead(display_width(line_.substr(0, std::min(at, line_.size()))), ' ');
        return zhquant::error{line_start_ + at, std::string(file_) + ":" + std::to_string(line_number_) + ":" +
                                                    std::to_string(column) + ": error: " + what + "\n    " +
                                                    std::string(line_) + "\n    " + lead + "^"};
    }

    std::size_t at_of(std::string_view part) const { return static_cast<std::size_t>(part.data() - line_.data()); }

    // `unclaimed:` and `known failure:` lines; nullopt when the line is neither, an empty error when read.
    std::optional<zhquant::error> directive(std::string_view content, std::size_t lead, test_case& c) const {
        auto starts = [&](std::string_view w) { return content.substr(0, w.size()) == w; };
        if (starts("unclaimed:")) {
            if (c.unclaimed) return fail(lead, "unexpected second 'unclaimed:' line in one case");
            c.unclaimed.emplace();
            std::string_view rest = content.substr(10);
            if (trim(rest).empty()) return zhquant::error{};
            while (true) {
                std::size_t const bar = rest.find('|');
                std::string_view const part = trim(rest.substr(0, bar));
                if (part.empty()) return fail(at_of(rest), "expected the text of a mention here");
                c.unclaimed->emplace_back(part);
                if (bar == std::string_view::npos) break;
                rest = rest.substr(bar + 1);
            }
            return zhquant::error{};
        }
        if (starts("known failure:")) {
            std::string_view const why = trim(content.substr(14));
            if (why.empty()) return fail(lead + 14, "expected the reason after 'known failure:'");
            if (!c.known_failure.empty()) return fail(lead, "unexpected second 'known failure:' line in one case");
            c.known_failure = std::string(why);
            return zhquant::error{};
        }
        return std::nullopt;
    }

    result<record_text> record_line(std::string_view content, std::size_t lead) const {
        record_text r;
        r.line = line_number_;
        std::size_t const bar = content.find('|');
        std::string_view const rule = trim(content.substr(0, bar));
        if (rule.empty()) return fail(lead, "expected a rule name before '|'");
        if (rule.find_first_of(" \t=") != std::string_view::npos)
            return fail(at_of(rule) + rule.find_first_of(" \t="),
                        "expected '|' between the rule name and the first field (rule | field=text | ...)");
        r.rule = std::string(rule);
        std::vector<bool> seen(6, false);
        std::string_view rest = bar == std::string_view::npos ? std::string_view() : content.substr(bar + 1);
        bool more = bar != std::string_view::npos;
        while (more) {
            std::size_t const next = rest.find('|');
            std::string_view const part = trim(rest.substr(0, next));
            more = next != std::string_view::npos;
            std::size_t const part_at = part.empty() ? at_of(rest) : at_of(part);
            if (part.empty()) return fail(part_at, "expected a field (name=text) after '|'");
            std::size_t const eq = part.find('=');
            if (eq == std::string_view::npos) return fail(part_at, "expected '=' after the field name (name=text)");
            std::string_view const key = trim(part.substr(0, eq));
            std::string_view const value = trim(part.substr(eq + 1));
            if (key.empty()) return fail(part_at, "expected a field name before '='");
            if (value.empty()) return fail(part_at + eq + 1, "expected the text of '" + std::string(key) + "' after '='");
            field f;
            f.text = std::string(value);
            auto const known = std::find(std::begin(kind_names), std::end(kind_names), key);
            if (key.substr(0, 7) == "values.") {
                f.name = std::string(key.substr(7));
            } else if (known != std::end(kind_names)) {
                f.type = static_cast<field::kind>(known - std::begin(kind_names));
                std::size_t const k = static_cast<std::size_t>(f.type);
                if (f.type != field::kind::change && seen[k])
                    return fail(part_at, "unexpected second '" + std::string(key) +
                                             "' (a record has one; name a further value: 面积=273.48亩)");
                seen[k] = true;
                if (f.type == field::kind::change) {
                    auto normal = change_text(value, at_of(value));
                    if (!normal) return normal.error();
                    f.text = *normal;
                } else if (f.type == field::kind::share && value.substr(0, 3) == "of ") {
                    return fail(at_of(value), "expected the share's value before 'of' (share=151.01% of 目标任务)");
                }
            } else {
                f.name = std::string(key);
            }
            r.fields.push_back(std::move(f));
            rest = more ? rest.substr(next + 1) : std::string_view();
        }
        sort_fields(r.fields);
        return r;
    }

    // [basis] up|down|flat [value], spaced as the renderer spaces it.
    result<std::string> change_text(std::string_view value, std::size_t at) const {
        std::vector<std::string_view> words;
        std::string_view rest = value;
        while (!(rest = trim(rest)).empty()) {
            std::size_t const space = rest.find_first_of(" \t");
            words.push_back(rest.substr(0, space));
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space);
        }
        auto is_direction = [](std::string_view w) { return w == "up" || w == "down" || w == "flat"; };
        auto const dir = std::find_if(words.begin(), words.end(), is_direction);
        if (dir == words.end() || dir - words.begin() > 1)
            return fail(at, "expected 'up', 'down' or 'flat' in a change (change=同比 up 8.3%)");
        std::string out;
        for (auto w = words.begin(); w != words.end(); ++w) {
            if (w > dir + 1) {
                // The value is the rest as written, spaces and all: 8.3 %.
                out += " ";
                out += trim(value.substr(static_cast<std::size_t>(w->data() - value.data())));
                break;
            }
            if (!out.empty()) out += " ";
            out += *w;
        }
        return out;
    }

    std::string_view text_;
    std::string_view file_;
    std::string_view line_;
    std::size_t line_start_ = 0;
    std::size_t line_number_ = 0;
};

// A record of extract() as a case file writes it.
inline record_text describe(zhquant::record const& r, extraction const& x, std::string_view input) {
    auto text = [&](std::size_t i) {
        auto const& m = x.mentions[i];
        return std::string(input.substr(m.start, m.end - m.start));
    };
    record_text out;
    out.rule = r.rule;
    out.matched = std::string(input.substr(r.start, r.end - r.start));
    auto add = [&](field::kind k, std::string t, std::string name = {}) {
        out.fields.push_back(field{k, std::move(name), std::move(t)});
    };
    if (!r.indicator.empty()) add(field::kind::indicator, r.indicator);
    if (!r.verb.empty()) add(field::kind::verb, r.verb);
    if (r.period) add(field::kind::period, text(*r.period));
    if (r.value) add(field::kind::value, text(*r.value));
    if (r.share || !r.share_of.empty())
        add(field::kind::share, (r.share ? text(*r.share) : std::string("?")) + (r.share_of.empty() ? "" : " of " + r.share_of));
    for (auto const& c : r.changes) {
        std::string t = c.basis.empty() ? std::string() : c.basis + " ";
        t += zhquant::name(c.direction);
        if (c.value) t += " " + text(*c.value);
        add(field::kind::change, t);
    }
    for (auto const& v : r.values) add(field::kind::named, text(v.mention), v.name);
    return out;
}

// The rows of the side-by-side view: one per field either side has.
struct row {
    std::string label, expected, actual;
};

inline void field_rows(record_text const* e, record_text const* a, std::vector<row>& rows) {
    static constexpr std::string_view none = "-";
    rows.push_back({"rule", e ? e->rule : std::string(none), a ? a->rule : std::string(none)});
    std::vector<field> const empty;
    auto const& ef = e ? e->fields : empty;
    auto const& af = a ? a->fields : empty;
    std::vector<bool> used(af.size(), false);
    // Pair each expected field with the actual field of the same key and occurrence.
    auto occurrence_in = [](std::vector<field> const& fs, std::size_t i) {
        std::size_t n = 0;
        for (std::size_t k = 0; k < i; ++k) n += key_of(fs[k]) == key_of(fs[i]);
        return n;
    };
    auto find_in_actual = [&](std::string const& key, std::size_t occurrence) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < af.size(); ++k)
            if (key_of(af[k]) == key && occurrence_in(af, k) == occurrence) return k;
        return std::nullopt;
    };
    std::size_t next_actual = 0;
    auto flush_actual_until = [&](field::kind kind) {
        for (; next_actual < af.size() && af[next_actual].type < kind; ++next_actual)
            if (!used[next_actual]) {
                used[next_actual] = true;
                rows.push_back({key_of(af[next_actual]), std::string(none), af[next_actual].text});
            }
    };
    for (std::size_t i = 0; i < ef.size(); ++i) {
        flush_actual_until(ef[i].type);
        std::string const key = key_of(ef[i]);
        auto const k = find_in_actual(key, occurrence_in(ef, i));
        if (k) used[*k] = true;
        rows.push_back({key, ef[i].text, k ? af[*k].text : std::string(none)});
    }
    for (std::size_t k = 0; k < af.size(); ++k)
        if (!used[k]) rows.push_back({key_of(af[k]), std::string(none), af[k].text});
}

inline std::string render(std::string_view file, case_result const& c) {
    test_case const& t = c.test;
    std::string out = std::string(file) + ":" + std::to_string(t.line) + ": ";
    switch (c.result) {
        case outcome::failed: out += "error: the records differ"; break;
        case outcome::fixed: out += "error: this case passes now; remove its 'known failure:' line"; break;
        case outcome::known_failure: out += "known failure: " + t.known_failure; break;
        case outcome::passed: out += "passed"; break;
    }
    out += "\n";
    {
        std::string_view in = t.input;
        bool first = true;
        while (true) {
            std::size_t const nl = in.find('\n');
            out += (first ? "  > " : "    ") + std::string(in.substr(0, nl)) + "\n";
            first = false;
            if (nl == std::string_view::npos) break;
            in.remove_prefix(nl + 1);
        }
    }
    std::vector<row> rows;
    std::vector<std::size_t> record_starts;
    std::size_t const n = std::max(t.records.size(), c.actual.size());
    for (std::size_t i = 0; i < n; ++i) {
        record_starts.push_back(rows.size());
        field_rows(i < t.records.size() ? &t.records[i] : nullptr, i < c.actual.size() ? &c.actual[i] : nullptr, rows);
    }
    if (t.unclaimed || !c.actual_unclaimed.empty())
        rows.push_back({"unclaimed", t.unclaimed ? join(*t.unclaimed, " | ") : std::string("(not checked)"),
                        join(c.actual_unclaimed, " | ")});
    if (rows.empty()) rows.push_back({"records", "(none)", "(none)"});
    std::size_t label_w = 0, expected_w = std::string_view("expected").size();
    for (auto const& r : rows) {
        label_w = std::max(label_w, display_width(r.label));
        expected_w = std::max(expected_w, display_width(r.expected));
    }
    out += "\n    " + pad("", label_w) + "  " + pad("expected", expected_w) + "  actual\n";
    std::size_t record = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (record < record_starts.size() && record_starts[record] == i) {
            out += "  record " + std::to_string(++record) + "\n";
        }
        auto const& r = rows[i];
        bool const differs = r.expected != r.actual && r.expected != "(not checked)";
        out += (differs ? "  ! " : "    ") + pad(r.label, label_w) + "  " + pad(r.expected, expected_w) + "  " + r.actual;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
    }
    if (!c.actual.empty()) {
        out += "\n  which rule made each actual record, and what it matched:\n";
        for (std::size_t i = 0; i < c.actual.size(); ++i)
            out += "    " + std::to_string(i + 1) + ". " + c.actual[i].rule + ": " + c.actual[i].matched + "\n";
    }
    for (auto const& p : c.problems) out += "  note: " + p + "\n";
    out += "\n  the actual records, as case lines:\n";
    if (c.actual.empty()) out += "    (no record)\n";
    for (auto const& a : c.actual) out += "    " + render_line(a) + "\n";
    if (t.unclaimed) out += "    unclaimed: " + join(c.actual_unclaimed, " | ") + "\n";
    return out;
}

}  // namespace detail

// Reads a case file (format at the top of this header).
inline result<case_file> parse_cases(std::string_view text, std::string_view file_name) {
    return detail::case_parser(text, file_name).parse();
}

// What the rule set makes of one case's input, and whether that is what the case expects.
inline case_result run_case(rule_set const& rules, test_case const& test, std::string_view file_name = "<cases>",
                            extract_options const& options = {}) {
    case_result c;
    c.test = test;
    extraction const x = extract(test.input, rules, options);
    for (auto const& r : x.records) c.actual.push_back(detail::describe(r, x, test.input));
    for (auto i : x.unclaimed) c.actual_unclaimed.emplace_back(test.input.substr(x.mentions[i].start, x.mentions[i].end - x.mentions[i].start));
    for (auto const& e : x.errors) c.problems.push_back("byte " + std::to_string(e.offset) + ": " + e.message);
    bool same = c.actual.size() == test.records.size() && (!test.unclaimed || *test.unclaimed == c.actual_unclaimed);
    for (std::size_t i = 0; same && i < c.actual.size(); ++i) same = c.actual[i].same_as(test.records[i]);
    if (test.known_failure.empty())
        c.result = same ? outcome::passed : outcome::failed;
    else
        c.result = same ? outcome::fixed : outcome::known_failure;
    if (c.result != outcome::passed) c.rendered = detail::render(file_name, c);
    return c;
}

// Every case of a case file checked against a rule set.
inline report run_cases(rule_set const& rules, std::string_view case_file_text, std::string_view file_name,
                        extract_options const& options = {}) {
    report out;
    out.file = std::string(file_name);
    auto parsed = parse_cases(case_file_text, file_name);
    if (!parsed) {
        out.parse_error = parsed.error();
        return out;
    }
    for (auto const& t : parsed->cases) out.cases.push_back(run_case(rules, t, file_name, options));
    return out;
}

// For a GoogleTest test written inline: EXPECT_TRUE(r) << r, with r = check(rules, R"(> ... )").
inline report check(rule_set const& rules, std::string_view cases, extract_options const& options = {}) {
    return run_cases(rules, cases, "<inline>", options);
}

// What the rule set makes of a text, as case lines: a start for a new case.
inline std::string case_lines(rule_set const& rules, std::string_view input, extract_options const& options = {}) {
    extraction const x = extract(input, rules, options);
    std::string out = "> " + std::string(input) + "\n";
    for (auto const& r : x.records) out += detail::render_line(detail::describe(r, x, input)) + "\n";
    std::vector<std::string> unclaimed;
    for (auto i : x.unclaimed) unclaimed.emplace_back(input.substr(x.mentions[i].start, x.mentions[i].end - x.mentions[i].start));
    if (!unclaimed.empty()) out += "unclaimed: " + detail::join(unclaimed, " | ") + "\n";
    return out;
}

namespace detail {

inline std::optional<std::string> read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A CMake bracket argument that holds `s`.
inline std::string bracket(std::string_view s) {
    std::string eq;
    while (s.find("]" + eq + "]") != std::string_view::npos) eq += "=";
    return "[" + eq + "[" + std::string(s) + "]" + eq + "]";
}

// The first few characters of a sentence, for a test name.
inline std::string snippet(std::string_view s, std::size_t characters) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size() && count < characters;) {
        std::size_t const begin = i;
        char32_t const c = next_code_point(s, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '"' || c == '\\') continue;
        out.append(s.substr(begin, i - begin));
        ++count;
    }
    return out;
}

}  // namespace detail

// The main() of a rule set's case runner (cmake/zhquant_rule_tests.cmake generates one per rule
// set).  Usage, as printed:
inline constexpr std::string_view cases_usage =
    "usage: RUNNER CASES [--line N] [--lexicon FILE] [--verbose]   check the cases (or the one at line N)\n"
    "       RUNNER CASES --print [--lexicon FILE]                  every case's input with the records it gets now\n"
    "       RUNNER --try TEXT [--lexicon FILE]                     the records of TEXT, as case lines\n"
    "       RUNNER CASES --ctest OUT PREFIX LABELS RUNNER          write a CTest file: one test per case\n";

inline int cases_main(rule_set const& rules, int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    std::string cases_path, lexicon_path, try_text, ctest_out, ctest_prefix, ctest_labels, self;
    std::optional<std::size_t> only_line;
    bool print = false, verbose = false, do_try = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto need = [&](std::size_t n) {
            if (i + n >= args.size()) {
                std::cerr << "error: " << args[i] << " needs " << n << " argument(s)\n" << cases_usage;
                std::exit(2);
            }
        };
        if (args[i] == "--line") {
            need(1);
            only_line = std::strtoul(std::string(args[++i]).c_str(), nullptr, 10);
        } else if (args[i] == "--lexicon") {
            need(1);
            lexicon_path = args[++i];
        } else if (args[i] == "--try") {
            need(1);
            do_try = true;
            try_text = args[++i];
        } else if (args[i] == "--ctest") {
            need(4);
            ctest_out = args[++i];
            ctest_prefix = args[++i];
            ctest_labels = args[++i];
            self = args[++i];
        } else if (args[i] == "--print") {
            print = true;
        } else if (args[i] == "--verbose") {
            verbose = true;
        } else if (args[i] == "--help" || args[i] == "-h") {
            std::cout << cases_usage;
            return 0;
        } else if (cases_path.empty() && args[i].substr(0, 2) != "--") {
            cases_path = args[i];
        } else {
            std::cerr << "error: unexpected argument '" << args[i] << "'\n" << cases_usage;
            return 2;
        }
    }
    extract_options options;
    lexicon words = lexicon::builtin();
    if (!lexicon_path.empty()) {
        auto loaded = load_lexicon_from_path(lexicon_path, words);
        if (!loaded) {
            std::cerr << loaded.error().message << "\n";
            return 2;
        }
        options.words = &words;
    }
    if (do_try) {
        std::cout << case_lines(rules, try_text, options);
        return 0;
    }
    if (cases_path.empty()) {
        std::cerr << cases_usage;
        return 2;
    }
    auto const text = detail::read_file(cases_path);
    if (!text) {
        std::cerr << "error: cannot open '" << cases_path << "'\n";
        return 2;
    }
    auto parsed = parse_cases(*text, cases_path);
    if (!parsed) {
        std::cerr << parsed.error().message << "\n";
        return 2;
    }
    if (!ctest_out.empty()) {
        std::string out = "# Generated by " + self + " from " + cases_path + "\n";
        for (auto const& t : parsed->cases) {
            std::string const name = ctest_prefix + ":" + std::to_string(t.line) + " " + detail::snippet(t.input, 12);
            out += "add_test(" + detail::bracket(name) + " " + detail::bracket(self) + " " + detail::bracket(cases_path) +
                   " --line " + std::to_string(t.line) +
                   (lexicon_path.empty() ? "" : " --lexicon " + detail::bracket(lexicon_path)) + ")\n";
            out += "set_tests_properties(" + detail::bracket(name) + " PROPERTIES LABELS " + detail::bracket(ctest_labels) + ")\n";
        }
        std::ofstream f(ctest_out, std::ios::binary);
        f << out;
        if (!f) {
            std::cerr << "error: cannot write '" << ctest_out << "'\n";
            return 2;
        }
        return 0;
    }
    if (print) {
        for (auto const& t : parsed->cases) {
            std::cout << case_lines(rules, t.input, options);
            if (!t.known_failure.empty()) std::cout << "known failure: " << t.known_failure << "\n";
            std::cout << "\n";
        }
        return 0;
    }
    report r;
    r.file = cases_path;
    for (auto const& t : parsed->cases)
        if (!only_line || t.line == *only_line) r.cases.push_back(run_case(rules, t, cases_path, options));
    if (only_line && r.cases.empty()) {
        std::cerr << cases_path << ":" << *only_line << ": error: no case starts on this line\n";
        return 2;
    }
    for (auto const& c : r.cases) {
        if (!c.ok() || verbose || (only_line && c.result == outcome::known_failure))
            std::cout << (c.rendered.empty() ? detail::render(cases_path, c) : c.rendered) << "\n";
        else if (only_line)
            std::cout << case_lines(rules, c.test.input, options);
    }
    std::cout << r.summary() << "\n";
    return r.ok() ? 0 : 1;
}

}  // namespace zhquant::rules::testing
