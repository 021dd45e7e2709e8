// A record: what one sentence of a report says, as named fields built from its mentions.
//
//     // 1-11月规上工业总产值36923万元，同比增长 8.3%
//     record{rule "indicator_with_change", indicator "规上工业总产值", period 1-11月,
//            value 36923万元, change {basis "同比", direction up, value 8.3%}}
//
// Plain data, as `mention` is: what extract() returns, whatever the rule set's grammar was.
#pragma once

#include <zhquant/error.hpp>
#include <zhquant/mention.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant {

enum class direction : std::uint8_t { up, down, flat };

constexpr std::string_view name(direction d) noexcept {
    switch (d) {
        case direction::up: return "up";
        case direction::down: return "down";
        case direction::flat: return "flat";
    }
    return "";
}

// 同比增长8.3%, 较去年减少240余场, 提高0.6个百分点.
struct change {
    std::string basis;  // 同比, 环比, 比上年, 较去年 ... empty when the sentence names none
    zhquant::direction direction = direction::up;
    std::optional<std::size_t> value;  // index into extraction::mentions
};

// A value with a name of its own beyond the record's main fields: 面积 273.48亩, 人 2257人.
struct named_value {
    std::string name;
    std::size_t mention = 0;  // index into extraction::mentions
};

struct record {
    std::size_t start = 0;  // byte offsets of the matched text in the original input
    std::size_t end = 0;
    std::string rule;
    std::string indicator;
    std::string verb;       // an action the sentence distributes over its items: 出栏, 建成
    std::optional<std::size_t> value;   // mention indices into extraction::mentions
    std::optional<std::size_t> period;
    std::optional<std::size_t> share;
    std::string share_of;   // 目标任务 in 占目标任务的151.01%
    std::vector<zhquant::change> changes;  // the first is "the" change
    std::vector<named_value> values;       // further named values
    std::vector<std::size_t> mentions;     // every mention the record used, in text order
};

// What a rule set made of one text: its mentions, its records, and the mentions no record took.
struct extraction {
    std::vector<mention> mentions;
    std::vector<record> records;
    std::vector<std::size_t> unclaimed;  // indices into mentions
    std::vector<error> errors;
};

}  // namespace zhquant
