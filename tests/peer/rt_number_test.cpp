// Microsoft Recognizers-Text's Chinese NumberModel spec (tests/data/recognizers-text) run against
// find_numbers: which of its cases we read as it does, and which of our differences are known.
//
// A case passes when find_numbers yields exactly the expected numbers in order, each with the
// same span (in UTF-16 code units, as the spec counts) and the same value, and no range. The
// cases we knowingly read differently are listed with a reason in rt_number_known_failures.tsv
// ("INPUT<TAB>REASON", a newline in INPUT written \n); the test fails on a failing case missing
// from that file, on a listed case that now passes, and when fewer than 90% of cases pass.
//
//     RT NumberModel: 315 passed of 345 (91.3%)
#include "../support/recognizers_text.hpp"

#include <boost/json/src.hpp>
#include <zhquant/numbers.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef ZHQUANT_TEST_DATA_DIR
#define ZHQUANT_TEST_DATA_DIR "tests/data"
#endif

namespace {

namespace json = boost::json;
using zhquant::decimal;
using zhquant::rational;
using namespace zhquant::test::rt;

constexpr char const* spec_path = ZHQUANT_TEST_DATA_DIR "/recognizers-text/NumberModel.json";
// Next to this file: tests/peer beside tests/data.
std::string const known_failures_path = ZHQUANT_TEST_DATA_DIR "/../peer/rt_number_known_failures.tsv";
constexpr double required_pass_rate = 0.90;

// A number as the spec states it: UTF-16 span [start, end) and the value's text.
struct expected_number {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;
    std::string value;
};

struct spec_case {
    std::string input;
    std::vector<expected_number> results;
};

std::string read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// The cases the spec claims to support, in file order; empty (with a test failure) if unreadable.
std::vector<spec_case> load_spec() {
    std::string const text = read_file(spec_path);
    if (text.empty()) {
        ADD_FAILURE() << "cannot read " << spec_path;
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
            auto const start = static_cast<std::size_t>(r.at("Start").to_number<std::int64_t>());
            auto const last = static_cast<std::size_t>(r.at("End").to_number<std::int64_t>());
            c.results.push_back({start, last + 1, std::string(r.at("Text").as_string()),
                                 std::string(r.at("Resolution").as_object().at("value").as_string())});
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// The spec's value text ("-1.2", "5E-06", "1.2732E+15") as an exact decimal: the exponent moves
// the point. nullopt for anything else.
std::optional<decimal> exact_decimal(std::string_view text) {
    bool const negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    long exponent = 0;
    if (auto const e = text.find_first_of("eE"); e != std::string_view::npos) {
        std::string_view power = text.substr(e + 1);
        text = text.substr(0, e);
        bool const power_negative = !power.empty() && power.front() == '-';
        if (!power.empty() && (power.front() == '-' || power.front() == '+')) power.remove_prefix(1);
        if (power.empty() || power.size() > 4) return std::nullopt;
        for (char const c : power) {
            if (c < '0' || c > '9') return std::nullopt;
            exponent = exponent * 10 + (c - '0');
        }
        if (power_negative) exponent = -exponent;
    }
    auto const point = text.find('.');
    std::string digits(text.substr(0, point));
    if (point != std::string_view::npos) digits += text.substr(point + 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    // The point sits after `before` of `digits`; pad with zeros so it lands inside.
    long before = static_cast<long>(point == std::string_view::npos ? text.size() : point) + exponent;
    if (before < 0) {
        digits.insert(0, static_cast<std::size_t>(-before), '0');
        before = 0;
    }
    if (before > static_cast<long>(digits.size())) digits.append(static_cast<std::size_t>(before) - digits.size(), '0');
    std::string shifted = negative ? "-" : "";
    shifted += digits.substr(0, static_cast<std::size_t>(before));
    if (shifted.empty() || shifted == "-") shifted += '0';
    if (static_cast<std::size_t>(before) < digits.size()) shifted.append(".").append(digits.substr(static_cast<std::size_t>(before)));
    return decimal::parse(shifted);
}

// One case run: whether it passed, and both sides written out for a developer.
struct outcome {
    bool passed = false;
    std::string report;
};

outcome run_case(spec_case const& c) {
    auto const found = zhquant::find_numbers(c.input);
    auto const offsets = utf16_offsets(c.input);
    auto const unit = [&offsets](std::size_t byte) {
        return byte < offsets.size() ? offsets[byte] : std::string_view::npos;
    };

    bool passed = found.numbers.size() == c.results.size();
    std::ostringstream report;
    report << "  input:    \"" << escaped(c.input) << "\"\n  expected:";
    if (c.results.empty()) report << " (none)";
    for (std::size_t i = 0; i < c.results.size(); ++i) {
        expected_number const& e = c.results[i];
        report << " [" << e.start << "," << e.end << ") \"" << e.text << "\" = " << e.value;
        auto const value = exact_decimal(e.value);
        if (!value) report << " (unreadable value)";
        if (i >= found.numbers.size()) continue;
        zhquant::number const& n = found.numbers[i];
        passed = passed && value && unit(n.start) == e.start && unit(n.end) == e.end && !n.high &&
                 same_value(n.value, *value);
    }
    report << "\n  ours:    ";
    if (found.numbers.empty()) report << " (none)";
    for (zhquant::number const& n : found.numbers) {
        auto const show = [](std::size_t u) { return u == std::string_view::npos ? std::string("?") : std::to_string(u); };
        report << " [" << show(unit(n.start)) << "," << show(unit(n.end)) << ") \""
               << std::string_view(c.input).substr(n.start, n.end - n.start) << "\" = " << n.value.to_string();
        if (n.high) report << ".." << n.high->to_string();
    }
    for (zhquant::error const& e : found.errors)
        report << "\n  error at [" << unit(e.offset) << "]: " << e.message;
    report << '\n';
    return {passed, report.str()};
}

struct known_failure {
    std::string reason;
    int line = 0;
};

// The known-failures file by input; a malformed or repeated line fails the test.
std::map<std::string, known_failure> load_known_failures() {
    std::map<std::string, known_failure> known;
    std::ifstream in(known_failures_path);
    if (!in) {
        ADD_FAILURE() << "cannot read " << known_failures_path;
        return known;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        auto const tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
            ADD_FAILURE() << known_failures_path << ':' << number << ": expected INPUT<TAB>REASON";
            continue;
        }
        auto const [it, added] = known.emplace(unescaped(line.substr(0, tab)), known_failure{line.substr(tab + 1), number});
        if (!added)
            ADD_FAILURE() << known_failures_path << ':' << number << ": repeats line " << it->second.line;
    }
    return known;
}

// Every spec case run once; inputs that repeat in the spec pass only if every copy passes.
struct spec_run {
    std::size_t cases = 0;
    std::size_t passed = 0;
    std::vector<std::string> inputs;        // distinct, in spec order
    std::map<std::string, outcome> by_input;
};

spec_run const& run_spec() {
    static spec_run const run = [] {
        spec_run r;
        for (spec_case const& c : load_spec()) {
            outcome o = run_case(c);
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
        std::ostringstream line;
        line.setf(std::ios::fixed);
        line.precision(1);
        line << "RT NumberModel: " << r.passed << " passed of " << r.cases << " ("
             << (r.cases == 0 ? 0.0 : 100.0 * static_cast<double>(r.passed) / static_cast<double>(r.cases)) << "%)";
        std::cout << line.str() << std::endl;
        return r;
    }();
    return run;
}

TEST(RtNumberModel, PassRate) {
    spec_run const& run = run_spec();
    ASSERT_GT(run.cases, 0u) << "no supported cases in " << spec_path;
    double const rate = static_cast<double>(run.passed) / static_cast<double>(run.cases);
    EXPECT_GE(rate, required_pass_rate) << run.passed << " of " << run.cases << " cases pass";
}

TEST(RtNumberModel, EveryFailureIsKnown) {
    spec_run const& run = run_spec();
    auto const known = load_known_failures();
    std::ostringstream unknown;
    std::size_t count = 0;
    for (std::string const& input : run.inputs) {
        outcome const& o = run.by_input.at(input);
        if (o.passed || known.contains(input)) continue;
        ++count;
        unknown << o.report;
    }
    EXPECT_EQ(count, 0u) << count << " failing cases are not in " << known_failures_path
                         << " (fix them, or add a line INPUT<TAB>REASON):\n"
                         << unknown.str();
}

TEST(RtNumberModel, EveryKnownFailureStillFails) {
    spec_run const& run = run_spec();
    std::map<int, std::string> stale;  // by line of the file
    for (auto const& [input, entry] : load_known_failures()) {
        auto const it = run.by_input.find(input);
        if (it == run.by_input.end())
            stale[entry.line] = "not a supported case of the spec: \"" + escaped(input) + '"';
        else if (it->second.passed)
            stale[entry.line] = "now passes, remove the line: \"" + escaped(input) + '"';
    }
    std::ostringstream listed;
    for (auto const& [line, problem] : stale) listed << known_failures_path << ':' << line << ": " << problem << '\n';
    EXPECT_EQ(stale.size(), 0u) << stale.size() << " lines of the known failures no longer apply:\n" << listed.str();
}

// The helpers the verdicts rest on.
TEST(RtNumberModel, ExactDecimalShiftsThePoint) {
    struct row {
        char const* text;
        char const* expected;  // nullptr: not a value
    };
    for (row const& r : {row{"8.3", "8.3"}, row{"-1.2", "-1.2"}, row{"5E-06", "0.000005"},
                         row{"1.2732E+15", "1273200000000000"}, row{"-1.2732E+15", "-1273200000000000"},
                         row{"1.232E+15", "1232000000000000"}, row{"12E1", "120"}, row{"0.5E-1", "0.05"},
                         row{"100", "100"}, row{"1e", nullptr}, row{"", nullptr}, row{"1.2.3", nullptr}}) {
        SCOPED_TRACE(r.text);
        auto const value = exact_decimal(r.text);
        if (r.expected == nullptr) {
            EXPECT_FALSE(value.has_value());
        } else {
            ASSERT_TRUE(value.has_value());
            EXPECT_EQ(value->to_string(), r.expected);
        }
    }
}

TEST(RtNumberModel, NonTerminatingValuesMatchTo1e12) {
    auto const third = *rational::make(decimal::from_int(1), decimal::from_int(3));
    EXPECT_TRUE(same_value(third, *decimal::parse("0.333333333333333")));
    EXPECT_FALSE(same_value(third, *decimal::parse("0.3333333")));
    auto const minus_third = *rational::make(decimal::from_int(-1), decimal::from_int(3));
    EXPECT_TRUE(same_value(minus_third, *decimal::parse("-0.333333333333333")));
    EXPECT_FALSE(same_value(rational(*decimal::parse("0.5")), *decimal::parse("0.500000000000001")));
}

TEST(RtNumberModel, Utf16OffsetsCountSurrogatePairs) {
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
