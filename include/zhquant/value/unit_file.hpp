// Units added at run time from a text file, so a user's own units need no recompiling.
//
//     zhquant::unit_registry units = zhquant::unit_registry::builtin();
//     auto added = zhquant::load_units_from_path("my_units.tsv", units);
//     if (!added) std::cerr << added.error().message << '\n';
//     // my_units.tsv:3:8: error: expected a factor here (a positive number such as 1000, 0.5 or 2000/3)
//
// The format (examples/extra_units.tsv is a commented example to copy): UTF-8, one unit a line,
// columns separated by one tab each:
//
//     name <TAB> dimension [<TAB> factor <TAB> base [<TAB> reported]]
//
//     # name	dimension	factor	base	reported
//     垧	area	10000	m2
//     桶	volume	0.158987294928	m3
//     个课时	time			课时
//
//   - name: the unit as written in (simplified) text; no spaces.
//   - dimension: money, area, length, mass, volume, energy, power, time, count, ratio, speed,
//     temperature, data or other.
//   - factor: exact, a decimal (1000, 0.5) or a fraction (2000/3), greater than zero: value ×
//     factor is the amount in `base`. Leave it and the base empty (or out) when none is exact.
//   - base: the unit the factor leads to (m2, m, kg, m3, J, W, s, CNY, USD, "1" for counts and
//     ratios; see value/units.hpp); required with a factor, refused without one.
//   - reported: the mention's unit field when it is not the name (个课时 → 课时).
// Fields are taken as they stand: no spaces are trimmed. An empty factor, base or reported column
// counts as not given. Lines that are blank or whose first non-blank character is `#` are
// ignored; a UTF-8 byte order mark and a \r before each line break are allowed. A unit replaces
// an earlier one of the same name, built in or from the file.
//
// A bad line is an error `FILE:LINE:COL: error: WHAT`, LINE and COL 1-based, COL counted in
// characters (a tab is one), pointing at the bad field or character; error::offset is its byte
// offset in the file text. The file is read whole first: on an error nothing is added.
#pragma once

#include <zhquant/error.hpp>
#include <zhquant/value/units.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant {

namespace detail {

inline std::string const& expected_dimension_message() {
    static std::string const text = [] {
        std::string t = "expected a dimension (";
        for (dimension d : all_dimensions) {
            if (d != all_dimensions.front()) t += ", ";
            t += name(d);
        }
        return t + ") here";
    }();
    return text;
}

// Characters (code points; each byte that is not UTF-8 counts as one) in `text` before `at`.
inline std::size_t unit_file_characters(std::string_view text, std::size_t at) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < at; ++count) {
        std::size_t const length = unit_decode_utf8(text.substr(i)).length;
        i += length == 0 ? 1 : length;
    }
    return count;
}

class unit_file_reader {
public:
    unit_file_reader(std::string_view text, std::string_view file_name) : text_(text), file_name_(file_name) {}

    // The units of the file in order, or the first error.
    result<std::vector<unit>> read() {
        std::vector<unit> units;
        std::size_t start = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a byte order mark is not column 1
        for (std::size_t line_number = 1; start <= text_.size(); ++line_number) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            line_ = line;
            line_start_ = start;
            line_number_ = line_number;
            auto u = read_line();
            if (!u) return u.error();
            if (u->has_value()) units.push_back(std::move(**u));
            start = end + 1;
        }
        return units;
    }

private:
    struct field {
        std::string_view text;
        std::size_t at;  // byte offset in the line
    };

    // A unit, nothing for a blank or comment line, or the line's error.
    result<std::optional<unit>> read_line() {
        std::size_t const first = line_.find_first_not_of(" \t");
        if (first == std::string_view::npos || line_[first] == '#') return std::optional<unit>{};
        for (std::size_t i = 0; i < line_.size();) {
            std::size_t const length = unit_decode_utf8(line_.substr(i)).length;
            if (length == 0) return fail(i, "invalid UTF-8 here");
            i += length;
        }

        std::vector<field> fields;
        for (std::size_t at = 0;;) {
            std::size_t const tab = line_.find('\t', at);
            fields.push_back({line_.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at), at});
            if (tab == std::string_view::npos) break;
            at = tab + 1;
        }
        auto given = [&](std::size_t i) { return i < fields.size() && !fields[i].text.empty(); };
        // Where a missing field would go: its place, or the end of the line.
        auto place = [&](std::size_t i) { return i < fields.size() ? fields[i].at : line_.size(); };

        unit u;
        if (auto e = check_name(fields[0], "a unit name")) return *e;
        u.name = fields[0].text;

        auto const dim = fields.size() > 1 ? parse_dimension(fields[1].text) : std::nullopt;
        if (!dim) return fail(place(1), expected_dimension_message());
        u.dimension = *dim;

        if (given(2)) {
            auto const parsed = parse_unit_factor(fields[2].text);
            switch (parsed.fault) {
                case unit_factor_fault::none: break;
                case unit_factor_fault::not_a_number: return fail(fields[2].at, expected_factor);
                case unit_factor_fault::too_long:
                    return fail(fields[2].at + parsed.at,
                                "number too long to hold exactly (at most 38 significant digits and 38 after the point)");
                case unit_factor_fault::zero_denominator:
                    return fail(fields[2].at + parsed.at, "expected a nonzero denominator here");
                case unit_factor_fault::not_positive:
                    return fail(fields[2].at, "expected a factor greater than zero here");
            }
            u.factor = parsed.value;
            if (!given(3))
                return fail(place(3), "expected the base unit here (the unit the factor leads to, such as m2, kg or CNY)");
            if (auto e = check_name(fields[3], "a base unit")) return *e;
            u.base = fields[3].text;
        } else if (given(3)) {
            return fail(place(2), expected_factor);
        }

        if (given(4)) {
            if (auto e = check_name(fields[4], "a reported name")) return *e;
            u.reported = fields[4].text;
        } else {
            u.reported = u.name;
        }

        if (fields.size() > 5)
            return fail(fields[5].at,
                        "unexpected sixth column: a line has at most five (name, dimension, factor, base, reported)");
        return std::optional<unit>(std::move(u));
    }

    std::optional<zhquant::error> check_name(field const& f, std::string_view what) const {
        auto const check = check_unit_name(f.text);
        switch (check.fault) {
            case unit_name_fault::none: return std::nullopt;
            case unit_name_fault::empty: return fail(f.at, "expected " + std::string(what) + " here");
            case unit_name_fault::space:
                return fail(f.at + check.at,
                            "unexpected space in " + std::string(what) + " (columns are separated by tabs)");
            case unit_name_fault::control:
                return fail(f.at + check.at, "unexpected control character in " + std::string(what));
            case unit_name_fault::bad_utf8: return fail(f.at + check.at, "invalid UTF-8 here");
        }
        return std::nullopt;
    }

    zhquant::error fail(std::size_t at_in_line, std::string const& what) const {
        std::size_t const column = unit_file_characters(line_, at_in_line) + 1;
        return {line_start_ + at_in_line, std::string(file_name_) + ":" + std::to_string(line_number_) + ":" +
                                              std::to_string(column) + ": error: " + what};
    }

    static constexpr char const* expected_factor =
        "expected a factor here (a positive number such as 1000, 0.5 or 2000/3)";

    std::string_view text_;
    std::string_view file_name_;
    std::string_view line_;
    std::size_t line_start_ = 0;
    std::size_t line_number_ = 0;
};

}  // namespace detail

// Adds the units of `file_text` to `into`; `file_name` names the file in error messages. Returns
// the number of units read (one per unit line, a replacement included), or the first error, in
// which case `into` is unchanged.
inline result<std::size_t> load_units(std::string_view file_text, std::string_view file_name, unit_registry& into) {
    auto units = detail::unit_file_reader(file_text, file_name).read();
    if (!units) return units.error();
    for (unit& u : units.value()) into.add(std::move(u));  // read() checked everything add() checks
    return units->size();
}

// load_units on the file at `path`; "cannot open 'PATH': REASON" (or "cannot read ...") when the
// file cannot be read, with the system's reason.
inline result<std::size_t> load_units_from_path(std::string const& path, unit_registry& into) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return error{0, "cannot open '" + path + "': " + std::strerror(errno)};
    std::string text;
    char buffer[8192];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
    int const read_errno = std::ferror(file) ? errno : 0;
    std::fclose(file);
    if (read_errno != 0) return error{0, "cannot read '" + path + "': " + std::strerror(read_errno)};
    return load_units(text, path, into);
}

}  // namespace zhquant
