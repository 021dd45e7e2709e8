// Invariants of a list of mentions found in a text, shared by the mentions and extract targets.
#pragma once

#include "fuzz_check.hpp"

#include <zhquant/mention.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace zhquant::fuzz {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A date value: 2024, 2024-12, 2024-12-05, XXXX-07, XXXX-07-15, XXXX-Q1, XXXX-H2.
inline bool well_formed_date(std::string_view d) {
    auto digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (d.size() < 4) return false;
    std::string_view const year = d.substr(0, 4);
    if (year != "XXXX" && !digits(year)) return false;
    std::string_view rest = d.substr(4);
    if (rest.empty()) return year != "XXXX";
    if (rest.size() == 3 && rest[0] == '-' && (rest[1] == 'Q' || rest[1] == 'H')) return rest[2] >= '1' && rest[2] <= '4';
    if (rest.size() != 3 && rest.size() != 6) return false;
    if (rest[0] != '-' || !digits(rest.substr(1, 2))) return false;
    int const month = (rest[1] - '0') * 10 + (rest[2] - '0');
    if (month < 1 || month > 12) return false;
    if (rest.size() == 3) return true;
    if (rest[3] != '-' || !digits(rest.substr(4, 2))) return false;
    int const day = (rest[4] - '0') * 10 + (rest[5] - '0');
    return day >= 1 && day <= 31;
}

inline void check_mention(std::string_view input, mention const& m) {
    std::string const where = "mention [" + std::to_string(m.start) + ", " + std::to_string(m.end) + ")";
    ZHQUANT_FUZZ_CHECK(m.start < m.end, where + " is empty or reversed");
    ZHQUANT_FUZZ_CHECK(m.end <= input.size(), where + " ends past the input");
    std::string_view const text = input.substr(m.start, m.end - m.start);
    if (valid_utf8(input))
        ZHQUANT_FUZZ_CHECK(at_character_boundary(input, m.start) && at_character_boundary(input, m.end),
                           where + " cuts a character");
    ZHQUANT_FUZZ_CHECK(!is_ascii_space(text.front()) && !is_ascii_space(text.back()),
                       where + " \"" + escaped(text) + "\" starts or ends with whitespace");
    if (m.kind == mention_kind::date) {
        ZHQUANT_FUZZ_CHECK(well_formed_date(m.date), where + " has date \"" + m.date + "\"");
        if (!m.date_high.empty()) {
            ZHQUANT_FUZZ_CHECK(well_formed_date(m.date_high), where + " has date high \"" + m.date_high + "\"");
            ZHQUANT_FUZZ_CHECK(m.date < m.date_high, where + " date range " + m.date + ".." + m.date_high + " not ascending");
        }
        return;
    }
    check_reparses(m.value, "value");
    if (m.high) {
        check_reparses(*m.high, "high");
        ZHQUANT_FUZZ_CHECK(m.value <= *m.high, where + " \"" + escaped(text) + "\" is a range " + m.value.to_string() +
                                                   ".." + m.high->to_string() + " whose low is above its high");
    }
    if (m.base_value) {
        check_reparses(*m.base_value, "base value");
        ZHQUANT_FUZZ_CHECK(!m.base_unit.empty(), where + " has a base value without a base unit");
    }
    if (m.kind == mention_kind::quantity)
        ZHQUANT_FUZZ_CHECK(!m.unit.empty(), where + " is a quantity without a unit");
    else
        ZHQUANT_FUZZ_CHECK(m.unit.empty(), where + " is a percent with a unit");
}

// In order, apart, each sound.
inline void check_mentions(std::string_view input, std::vector<mention> const& mentions) {
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        check_mention(input, mentions[i]);
        if (i > 0)
            ZHQUANT_FUZZ_CHECK(mentions[i - 1].end <= mentions[i].start,
                               "mentions overlap or are out of order: [" + std::to_string(mentions[i - 1].start) + ", " +
                                   std::to_string(mentions[i - 1].end) + ") then [" + std::to_string(mentions[i].start) +
                                   ", " + std::to_string(mentions[i].end) + ")");
    }
}

inline bool same_mention(mention const& a, mention const& b) {
    return a.start == b.start && a.end == b.end && a.kind == b.kind && a.value == b.value && a.high == b.high &&
           a.date == b.date && a.date_high == b.date_high && a.unit == b.unit && a.qualifier == b.qualifier &&
           a.dimension == b.dimension && a.base_value == b.base_value && a.base_unit == b.base_unit;
}

}  // namespace zhquant::fuzz
