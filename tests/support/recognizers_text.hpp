// Helpers shared by the Recognizers-Text peer tests: UTF-16 spans, escaped case inputs, and
// comparing our exact values with the spec's 15-digit ones.
#pragma once

#include <zhquant/value/decimal.hpp>
#include <zhquant/value/rational.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant::test::rt {

using zhquant::decimal;
using zhquant::rational;

// Our value against the spec's: exactly, or for a value that does not terminate (1/3), within a
// relative 1e-12, as the spec writes 15 significant digits.
inline bool same_value(rational const& ours, decimal const& expected) {
    if (ours.is_decimal()) return *ours.to_decimal() == expected;
    auto const minus_expected = rational::make(-expected, decimal::from_int(1));
    auto const tolerance = rational::make(*decimal::parse("0.000000000001"), decimal::from_int(1));
    if (!minus_expected || !tolerance) return false;
    auto const difference = checked_add(ours, *minus_expected);
    auto const allowed = checked_mul(rational(expected.abs()), *tolerance);
    if (!difference || !allowed) return false;
    auto const magnitude = difference->negative() ? rational::make(-difference->numerator(), difference->denominator())
                                                  : std::optional<rational>(*difference);
    return magnitude && *magnitude <= *allowed;
}

// utf16[b] is the UTF-16 index of byte b of `text` (and of its end); npos inside a character.
inline std::vector<std::size_t> utf16_offsets(std::string_view text) {
    constexpr auto npos = std::string_view::npos;
    std::vector<std::size_t> offsets(text.size() + 1, npos);
    std::size_t units = 0;
    for (std::size_t i = 0; i < text.size();) {
        offsets[i] = units;
        auto const lead = static_cast<unsigned char>(text[i]);
        std::size_t const length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        units += length == 4 ? 2 : 1;
        i += length;
    }
    offsets[text.size()] = units;
    return offsets;
}

inline std::string escaped(std::string_view input) {
    std::string out;
    for (char const c : input) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

inline std::string unescaped(std::string_view input) {
    std::string out;
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] == '\\' && i + 1 < input.size()) {
            char const next = input[++i];
            out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            out += input[i];
        }
    }
    return out;
}

}  // namespace zhquant::test::rt
