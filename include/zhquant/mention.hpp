// A mention: one numeric expression of a report, located and resolved (see gold/GUIDE.md).
//
//     // "超200万元" in a report
//     mention{start, end, mention_kind::quantity, value 2000000, unit "元", qualifier::over,
//             dimension::money, base_value 2000000}
//
// Plain data, no parsing engine: what find_mentions returns and what rule sets consume.
#pragma once

#include <zhquant/value/rational.hpp>
#include <zhquant/value/units.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhquant {

enum class mention_kind : std::uint8_t { quantity, percent, date };

// How the text bounds the value: 超过 (over), 近 (under), 约 (about), or not at all.
enum class qualifier : std::uint8_t { exact, over, under, about };

constexpr std::string_view name(mention_kind k) noexcept {
    switch (k) {
        case mention_kind::quantity: return "quantity";
        case mention_kind::percent: return "percent";
        case mention_kind::date: return "date";
    }
    return "";
}

constexpr std::string_view name(qualifier q) noexcept {
    switch (q) {
        case qualifier::exact: return "exact";
        case qualifier::over: return "over";
        case qualifier::under: return "under";
        case qualifier::about: return "about";
    }
    return "";
}

struct mention {
    std::size_t start = 0;  // byte offsets into the text given to find_mentions
    std::size_t end = 0;
    mention_kind kind = mention_kind::quantity;
    rational value;                 // quantity and percent (percent in percent: 8.3 for 8.3%)
    std::optional<rational> high;   // the upper end of a range
    std::string date;               // date: "2024-12", "XXXX-07-15", "XXXX-Q1", "2023"
    std::string date_high;          // date range: "XXXX-11" in 1-11月
    std::string unit;               // quantity: 元, 亩, 元/亩, 百分点 (scale words removed)
    zhquant::qualifier qualifier = qualifier::exact;
    zhquant::dimension dimension = zhquant::dimension::other;
    // The value in the unit's base unit (SI where there is one), when the unit has an exact
    // factor: 300 亩 -> 200000 m2.  The JSON output calls these si_value and si_unit.
    std::optional<rational> base_value;
    std::string base_unit;  // m2, kg, CNY, CNY/m2 ...

    // The value as GUIDE.md writes it: a decimal, a fraction "1/3", or a date.
    std::string value_text() const { return kind == mention_kind::date ? date : value.to_string(); }
    std::optional<std::string> high_text() const {
        if (kind == mention_kind::date) return date_high.empty() ? std::nullopt : std::optional(date_high);
        return high ? std::optional(high->to_string()) : std::nullopt;
    }
};

}  // namespace zhquant
