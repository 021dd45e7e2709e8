// Microsoft Recognizers-Text's Chinese PercentModel, CurrencyModel and DimensionModel specs
// (tests/data/recognizers-text) run against find_mentions: which of their cases we read as they
// do, and which of our differences are known.
//
// Each model is compared with the mentions of the matching kind: PercentModel with percents,
// CurrencyModel with quantities of dimension money, DimensionModel with quantities of a physical
// dimension (length, area, volume, mass, speed, data, energy, power, temperature, other; not
// count, money, time or ratio). A case passes when those mentions are exactly the expected
// results in order, each with the same span (in UTF-16 code units, as the specs count), the same
// value (RT's percent "8.3%" is our 8.3; our 百分点 quantity is RT's percent), no range, and — currency and dimension — the same unit,
// ours named the RT way through rt_unit_names.tsv ("OUR_UNIT<TAB>RT_NAME": 元 → Chinese yuan).
// The cases we knowingly read differently are listed in rt_mentions_known_failures.tsv
// ("MODEL<TAB>INPUT<TAB>REASON", a newline in INPUT written \n); the test fails on a failing case
// missing from that file, on a listed case that now passes, on a unit without an RT name, and
// when fewer than 90% of the three models' cases pass together.
//
//     RT PercentModel: 118 passed of 128 (92.2%)
//     RT CurrencyModel: 21 passed of 25 (84.0%)
//     RT DimensionModel: 19 passed of 21 (90.5%)
//     RT Percent+Currency+Dimension: 158 passed of 174 (90.8%)
#include "../support/recognizers_text.hpp"
#include "../support/test_data.hpp"

#include <boost/json/src.hpp>
#include <zhquant/mentions.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef ZHQUANT_TEST_DATA_DIR
#define ZHQUANT_TEST_DATA_DIR "tests/data"
#endif

namespace {

namespace json = boost::json;
using zhquant::decimal;
using zhquant::dimension;
using zhquant::mention;
using zhquant::mention_kind;
using zhquant::rational;
using namespace zhquant::test::rt;

// Next to this file: tests/peer beside tests/data.
std::string const known_failures_path = ZHQUANT_TEST_DATA_DIR "/../peer/rt_mentions_known_failures.tsv";
std::string const unit_names_path = ZHQUANT_TEST_DATA_DIR "/../peer/rt_unit_names.tsv";
constexpr double required_pass_rate = 0.90;

// Which of our mentions a model's results are compared with.
// GUIDE.md makes 2个百分点 a quantity with unit 百分点; RT's PercentModel reads it as a percent of
// the same value.  A difference of convention, not of reading: percentage points count here.
bool is_percent(mention const& m) {
    return m.kind == mention_kind::percent || (m.kind == mention_kind::quantity && m.unit == "百分点");
}
bool is_money(mention const& m) { return m.kind == mention_kind::quantity && m.dimension == dimension::money; }
bool is_physical(mention const& m) {
    if (m.kind != mention_kind::quantity) return false;
    switch (m.dimension) {
        case dimension::count: case dimension::money: case dimension::time: case dimension::ratio: return false;
        default: return true;
    }
}

struct model {
    std::string_view name;  // "PercentModel": the spec's file name and the known failures' first column
    bool (*relevant)(mention const&);
    bool percent;           // values written "8.3%", no unit
};

constexpr std::array<model, 3> models{{
    {"PercentModel", is_percent, true},
    {"CurrencyModel", is_money, false},
    {"DimensionModel", is_physical, false},
}};

// A result as the spec states it: UTF-16 span [start, end), its text, value and unit.
struct expected_mention {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;
    std::optional<std::string> value;  // absent for a bare currency name (人民币)
    std::string unit;                  // RT's name ("Chinese yuan"); empty for percents
};

struct spec_case {
    std::string input;
    std::vector<expected_mention> results;
};

std::string string_or_empty(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The cases a spec claims to support, in file order; empty (with a test failure) if unreadable.
std::vector<spec_case> load_spec(model const& m) {
    std::string const path = zhquant::test::data_path("recognizers-text/" + std::string(m.name) + ".json");
    std::string const text = zhquant::test::read_file(path);
    if (text.empty()) {
        ADD_FAILURE() << "cannot read " << path;
        return {};
    }
    json::value const document = json::parse(text);
    std::vector<spec_case> cases;
    for (json::value const& entry : document.as_array()) {
        json::object const& object = entry.as_object();
        if (object.contains("NotSupported") || object.contains("NotSupportedByDesign")) continue;
        spec_case c{std::string(object.at("Input").as_string()), {}};
        for (json::value const& result : object.at("Results").as_array()) {
            json::object const& r = result.as_object();
            json::object const& resolution = r.at("Resolution").as_object();
            expected_mention e;
            e.start = static_cast<std::size_t>(r.at("Start").to_number<std::int64_t>());
            e.end = static_cast<std::size_t>(r.at("End").to_number<std::int64_t>()) + 1;
            e.text = std::string(r.at("Text").as_string());
            if (auto const* v = resolution.if_contains("value"); v && v->is_string()) e.value = std::string(v->as_string());
            e.unit = string_or_empty(resolution, "unit");
            c.results.push_back(std::move(e));
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// RT's value as an exact decimal: "8.3%" (a percent model) → 8.3, "1.2E+15" → 1200000000000000.
std::optional<decimal> expected_value(std::optional<std::string> const& text, bool percent) {
    if (!text) return std::nullopt;
    std::string_view v = *text;
    if (percent) {
        if (v.empty() || v.back() != '%') return std::nullopt;
        v.remove_suffix(1);
    }
    if (v.empty()) return std::nullopt;
    return zhquant::test::decimal_from_scientific(v);
}


// A line of one of our TSV files, split at tabs; `columns` cells or a test failure.
std::optional<std::vector<std::string>> split_line(std::string const& path, int number, std::string line,
                                                   std::size_t columns, char const* shape) {
    std::vector<std::string> cells;
    std::size_t at = 0;
    while (cells.size() + 1 < columns) {
        auto const tab = line.find('\t', at);
        if (tab == std::string::npos) break;
        cells.push_back(line.substr(at, tab - at));
        at = tab + 1;
    }
    cells.push_back(line.substr(at));
    bool ok = cells.size() == columns;
    for (std::string const& cell : cells) ok = ok && !cell.empty();
    if (!ok) {
        ADD_FAILURE() << path << ':' << number << ": expected " << shape;
        return std::nullopt;
    }
    return cells;
}

// Each line of a TSV file that is neither empty nor a comment, with its line number.
void for_each_line(std::string const& path, std::function<void(int, std::string const&)> const& f) {
    std::ifstream in(path);
    if (!in) {
        ADD_FAILURE() << "cannot read " << path;
        return;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        f(number, line);
    }
}

// Our unit → RT's unit name; a malformed or repeated line fails the test.
std::map<std::string, std::string> const& unit_names() {
    static std::map<std::string, std::string> const names = [] {
        std::map<std::string, std::string> out;
        std::map<std::string, int> lines;
        for_each_line(unit_names_path, [&](int number, std::string const& line) {
            auto const cells = split_line(unit_names_path, number, line, 2, "OUR_UNIT<TAB>RT_NAME");
            if (!cells) return;
            auto const [it, added] = lines.emplace((*cells)[0], number);
            if (!added) ADD_FAILURE() << unit_names_path << ':' << number << ": repeats line " << it->second;
            else out.emplace((*cells)[0], (*cells)[1]);
        });
        return out;
    }();
    return names;
}

// One case run: whether it passed, both sides written out for a developer, and our units that
// have no RT name.
struct outcome {
    bool passed = false;
    std::string report;
    std::vector<std::string> unnamed_units;
};

std::string show_span(std::vector<std::size_t> const& offsets, std::size_t start, std::size_t end) {
    auto const unit = [&offsets](std::size_t byte) {
        std::size_t const u = byte < offsets.size() ? offsets[byte] : std::string_view::npos;
        return u == std::string_view::npos ? std::string("?") : std::to_string(u);
    };
    std::string out(1, '[');
    out.append(unit(start)).append(",").append(unit(end)).append(")");
    return out;
}

outcome run_case(model const& m, spec_case const& c) {
    auto const found = zhquant::find_mentions(c.input);
    auto const offsets = utf16_offsets(c.input);
    auto const utf16 = [&offsets](std::size_t byte) {
        return byte < offsets.size() ? offsets[byte] : std::string_view::npos;
    };
    auto const& names = unit_names();

    std::vector<mention const*> ours, others;
    for (mention const& x : found.mentions) (m.relevant(x) ? ours : others).push_back(&x);

    outcome result;
    bool passed = ours.size() == c.results.size();
    std::ostringstream report;
    report << "  " << m.name << " input: \"" << escaped(c.input) << "\"\n  expected:";
    if (c.results.empty()) report << " (none)";
    for (std::size_t i = 0; i < c.results.size(); ++i) {
        expected_mention const& e = c.results[i];
        report << " [" << e.start << "," << e.end << ") \"" << e.text << "\" = " << (e.value ? *e.value : "(no value)");
        if (!e.unit.empty()) report << ' ' << e.unit;
        auto const value = expected_value(e.value, m.percent);
        if (e.value && !value) report << " (unreadable value)";
        if (i >= ours.size()) continue;
        mention const& x = *ours[i];
        auto const name = names.find(x.unit);
        bool const unit_ok = m.percent || (name != names.end() && name->second == e.unit);
        passed = passed && value && utf16(x.start) == e.start && utf16(x.end) == e.end && !x.high &&
                 same_value(x.value, *value) && unit_ok;
    }
    auto const show = [&](mention const& x, bool compared) {
        std::ostringstream s;
        s << ' ' << show_span(offsets, x.start, x.end) << " \""
          << std::string_view(c.input).substr(x.start, x.end - x.start) << "\" = " << x.value_text();
        if (auto const high = x.high_text()) s << ".." << *high;
        if (x.kind == mention_kind::percent) s << '%';
        if (x.kind == mention_kind::quantity) {
            s << ' ' << x.unit;
            if (auto const name = names.find(x.unit); name != names.end()) s << " (" << name->second << ')';
            else if (compared) s << " (no RT name)";
        }
        if (x.qualifier != zhquant::qualifier::exact) s << ' ' << zhquant::name(x.qualifier);
        return s.str();
    };
    report << "\n  ours:    ";
    if (ours.empty()) report << " (none)";
    for (mention const* x : ours) {
        report << show(*x, true);
        if (!m.percent && !names.contains(x->unit)) result.unnamed_units.push_back(x->unit);
    }
    if (!others.empty()) {
        report << "\n  (other mentions:";
        for (mention const* x : others)
            report << show(*x, false) << " [" << zhquant::name(x->kind) << ' ' << zhquant::name(x->dimension) << ']';
        report << ')';
    }
    for (zhquant::error const& e : found.errors) report << "\n  error at [" << utf16(e.offset) << "]: " << e.message;
    report << '\n';
    result.passed = passed;
    result.report = report.str();
    return result;
}

// Every case of one model run once; inputs that repeat in a spec pass only if every copy passes.
struct model_run {
    std::size_t cases = 0;
    std::size_t passed = 0;
    std::vector<std::string> inputs;  // distinct, in spec order
    std::map<std::string, outcome> by_input;
};

std::string pass_line(std::string_view label, std::size_t passed, std::size_t cases) {
    std::ostringstream line;
    line.setf(std::ios::fixed);
    line.precision(1);
    line << "RT " << label << ": " << passed << " passed of " << cases << " ("
         << (cases == 0 ? 0.0 : 100.0 * static_cast<double>(passed) / static_cast<double>(cases)) << "%)";
    return line.str();
}

// The three models' runs, by model name, in the order of `models`.
std::map<std::string_view, model_run> const& run_specs() {
    static std::map<std::string_view, model_run> const runs = [] {
        std::map<std::string_view, model_run> out;
        std::size_t cases = 0, passed = 0;
        for (model const& m : models) {
            model_run& r = out[m.name];
            for (spec_case const& c : load_spec(m)) {
                outcome o = run_case(m, c);
                ++r.cases;
                if (o.passed) ++r.passed;
                auto [it, added] = r.by_input.emplace(c.input, o);
                if (added) {
                    r.inputs.push_back(c.input);
                } else if (!o.passed) {
                    it->second.passed = false;
                    it->second.report += o.report;
                }
            }
            std::cout << pass_line(m.name, r.passed, r.cases) << std::endl;
            cases += r.cases;
            passed += r.passed;
        }
        std::cout << pass_line("Percent+Currency+Dimension", passed, cases) << std::endl;
        return out;
    }();
    return runs;
}

struct known_failure {
    std::string reason;
    int line = 0;
};

// The known-failures file by (model, input); a malformed or repeated line fails the test.
std::map<std::pair<std::string, std::string>, known_failure> load_known_failures() {
    std::map<std::pair<std::string, std::string>, known_failure> known;
    for_each_line(known_failures_path, [&](int number, std::string const& line) {
        auto const cells = split_line(known_failures_path, number, line, 3, "MODEL<TAB>INPUT<TAB>REASON");
        if (!cells) return;
        auto const [it, added] =
            known.emplace(std::pair{(*cells)[0], unescaped((*cells)[1])}, known_failure{(*cells)[2], number});
        if (!added) ADD_FAILURE() << known_failures_path << ':' << number << ": repeats line " << it->second.line;
    });
    return known;
}

TEST(RtMentions, PassRate) {
    std::size_t cases = 0, passed = 0;
    for (auto const& [name, run] : run_specs()) {
        EXPECT_GT(run.cases, 0u) << "no supported cases in " << name;
        cases += run.cases;
        passed += run.passed;
    }
    ASSERT_GT(cases, 0u);
    double const rate = static_cast<double>(passed) / static_cast<double>(cases);
    EXPECT_GE(rate, required_pass_rate) << passed << " of " << cases << " cases pass";
}

TEST(RtMentions, EveryFailureIsKnown) {
    auto const known = load_known_failures();
    std::ostringstream unknown;
    std::size_t count = 0;
    for (model const& m : models) {
        model_run const& run = run_specs().at(m.name);
        for (std::string const& input : run.inputs) {
            outcome const& o = run.by_input.at(input);
            if (o.passed || known.contains({std::string(m.name), input})) continue;
            ++count;
            unknown << o.report;
        }
    }
    EXPECT_EQ(count, 0u) << count << " failing cases are not in " << known_failures_path
                         << " (fix them, or add a line MODEL<TAB>INPUT<TAB>REASON):\n"
                         << unknown.str();
}

TEST(RtMentions, EveryKnownFailureStillFails) {
    std::map<int, std::string> stale;  // by line of the file
    for (auto const& [key, entry] : load_known_failures()) {
        auto const& [model_name, input] = key;
        auto const& runs = run_specs();
        auto const run = runs.find(model_name);
        if (run == runs.end()) {
            stale[entry.line] = "no model " + model_name + " (PercentModel, CurrencyModel or DimensionModel)";
            continue;
        }
        auto const it = run->second.by_input.find(input);
        if (it == run->second.by_input.end())
            stale[entry.line] = "not a supported case of " + model_name + ": \"" + escaped(input) + '"';
        else if (it->second.passed)
            stale[entry.line] = "now passes, remove the line: \"" + escaped(input) + '"';
    }
    std::ostringstream listed;
    for (auto const& [line, problem] : stale) listed << known_failures_path << ':' << line << ": " << problem << '\n';
    EXPECT_EQ(stale.size(), 0u) << stale.size() << " lines of the known failures no longer apply:\n" << listed.str();
}

// Every unit we report in a compared mention has its RT name, so a unit verdict is never a gap
// in the table.
TEST(RtMentions, EveryUnitHasAnRtName) {
    std::map<std::string, std::string> missing;  // unit → an input it appears in
    for (auto const& [name, run] : run_specs())
        for (auto const& [input, o] : run.by_input)
            for (std::string const& unit : o.unnamed_units) missing.emplace(unit, input);
    std::ostringstream listed;
    for (auto const& [unit, input] : missing) listed << "  " << unit << "  (in \"" << escaped(input) << "\")\n";
    EXPECT_EQ(missing.size(), 0u) << missing.size() << " units have no line in " << unit_names_path << ":\n"
                                  << listed.str();
}

// The helpers the verdicts rest on.
TEST(RtMentions, ExpectedValuesReadPercentsAndExponents) {
    struct row {
        char const* text;
        bool percent;
        char const* expected;  // nullptr: not a value
    };
    for (row const& r : {row{"8.3%", true, "8.3"}, row{"-22.2%", true, "-22.2"}, row{"0.24%", true, "0.24"},
                         row{"8.3", true, nullptr}, row{"%", true, nullptr}, row{"3657000000", false, "3657000000"},
                         row{"-0.2", false, "-0.2"}, row{"1.2E+15", false, "1200000000000000"},
                         row{"8.3%", false, nullptr}}) {
        SCOPED_TRACE(r.text);
        auto const value = expected_value(std::string(r.text), r.percent);
        if (r.expected == nullptr) {
            EXPECT_FALSE(value.has_value());
        } else {
            ASSERT_TRUE(value.has_value());
            EXPECT_EQ(value->to_string(), r.expected);
        }
    }
    EXPECT_FALSE(expected_value(std::nullopt, false).has_value());
}

TEST(RtMentions, MentionsAreSortedToTheirModel) {
    auto const found = zhquant::find_mentions("同比增长8.3%，完成税收598万元，种植387万亩，用工2000人，历时3年");
    std::vector<std::string> seen;
    for (mention const& x : found.mentions) {
        std::string models_of;
        for (model const& m : models)
            if (m.relevant(x)) models_of += std::string(m.name) + ' ';
        seen.push_back(x.unit + ':' + models_of);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{":PercentModel ", "元:CurrencyModel ", "亩:DimensionModel ", "人:", "年:"}));
}

TEST(RtMentions, Utf16OffsetsCountSurrogatePairs) {
    std::string const text = "a三\xF0\x9F\x98\x80" "b";  // a, 三, U+1F600, b
    std::vector<std::size_t> const offsets = utf16_offsets(text);
    EXPECT_EQ(offsets[0], 0u);
    EXPECT_EQ(offsets[1], 1u);
    EXPECT_EQ(offsets[2], std::string_view::npos);
    EXPECT_EQ(offsets[4], 2u);
    EXPECT_EQ(offsets[8], 4u);
    EXPECT_EQ(offsets[9], 5u);
}

}  // namespace
