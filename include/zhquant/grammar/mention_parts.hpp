// What the mention reader found at one place, before its value is worked out.
//
//     "超200万元" -> quantity, qualifier over, low = number parts of 200万, measure = 元
//
// Grammar first, meaning after: value/mention_value.hpp turns these parts into a `mention`.
#pragma once

#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/value/rational.hpp>
#include <zhquant/value/units.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace zhquant::grammar {

// How a percent was written; the value in percent is the number times this form's factor.
enum class percent_form : std::uint8_t {
    none,
    sign,       // 8.3%    (x1)
    per_mille,  // 3‰      (x0.1)
    cheng,      // 八成     (x10)
    zhe,        // 五折 (x10), 75折 (two digits: as written)
    share,      // 四分之一, 1/4, 百分之八 (a fraction, x100)
};

struct mention_parts {
    mention_kind kind = mention_kind::quantity;
    char const* begin = nullptr;  // the span in the text read
    char const* end = nullptr;
    qualifier qual = qualifier::exact;
    number_parts low;
    std::optional<number_parts> high;  // the second number of a range (5000万元至1亿元)
    unit const* measure = nullptr;     // quantity: the unit
    unit const* per = nullptr;         // a rate's second unit: 元/亩
    percent_form percent = percent_form::none;
    std::string date;                  // date: resolved value, e.g. "2024-12"
    std::string date_high;
    bool half = false;                 // 一吨半, 三成半: half a unit more
    std::optional<rational> fixed_value;  // a word that is its own number: 对折 (50%), 半成 (5%)
    std::uint8_t tenth_digit = 0;      // 七成六: 6 more percent
    char const* number_end = nullptr;  // where the number read ended, even when no mention was

    // As default-constructed (every member), keeping storage: the reader starts every attempt
    // from a clear one, at every candidate character of a text.
    void clear() noexcept {
        kind = mention_kind::quantity;
        begin = end = nullptr;
        qual = qualifier::exact;
        low.clear();
        high.reset();
        measure = per = nullptr;
        percent = percent_form::none;
        date.clear();
        date_high.clear();
        half = false;
        fixed_value.reset();
        tenth_digit = 0;
        number_end = nullptr;
    }
};

}  // namespace zhquant::grammar
