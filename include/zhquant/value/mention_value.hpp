// Meaning after grammar for mentions: the parts the mention reader found, as a `mention`.
//
//     parts of "1.2万余只" -> mention{quantity, value 12000, unit "只", over, count}
//     parts of "百分之八点三" -> mention{percent, value 8.3}
//     parts of "5万元/亩" -> mention{quantity, value 50000, unit "元/亩", base_value 75 CNY/m2}
//
// Offsets stay the reader's (bytes of the text it read); the caller maps them to the original.
#pragma once

#include <zhquant/error.hpp>
#include <zhquant/grammar/mention_parts.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/value/resolve.hpp>

#include <optional>
#include <string>

namespace zhquant {

namespace detail {

inline std::optional<rational> percent_of(rational const& v, grammar::percent_form form) {
    switch (form) {
        case grammar::percent_form::zhe:
            if (v > rational(decimal::from_int(10))) return v;  // 75折
            return checked_mul(v, rational(decimal::from_int(10)));
        case grammar::percent_form::per_mille: return checked_mul(v, rational(*decimal::make(false, 1, -1)));
        case grammar::percent_form::cheng: return checked_mul(v, rational(decimal::from_int(10)));
        case grammar::percent_form::share: return checked_mul(v, rational(decimal::from_int(100)));
        default: return v;
    }
}

}  // namespace detail

// Fills `m` (as default-constructed) with the mention at [begin, end) of `text_begin`'s text;
// an error when a value does not fit.  In place: a mention is a few hundred bytes, and the finder
// builds tens of thousands a second straight into its vector.
inline std::optional<error> fill_mention(grammar::mention_parts const& parts, char const* text_begin, mention& m) {
    m.start = static_cast<std::size_t>(parts.begin - text_begin);
    m.end = static_cast<std::size_t>(parts.end - text_begin);
    m.kind = parts.kind;
    m.qualifier = parts.qual;
    if (parts.kind == mention_kind::date) {
        m.date = parts.date;
        m.date_high = parts.date_high;
        m.dimension = dimension::time;
        return std::nullopt;
    }
    if (parts.fixed_value) {
        m.value = *parts.fixed_value;
        m.dimension = dimension::ratio;
        return std::nullopt;
    }
    auto low = resolve(parts.low);
    if (!low) return error{m.start, low.error().message};
    std::optional<rational> value = low->value;
    std::optional<rational> high = low->high;
    if (parts.high) {
        auto second = resolve(*parts.high);
        if (!second) return error{m.start, second.error().message};
        high = second->high ? second->high : std::optional(second->value);
    }
    if (parts.half) {  // 一吨半: half a unit (or half a 成) more, at both ends of a range
        rational const half(*decimal::make(false, 5, -1));
        value = checked_add(*value, half);
        if (high) high = checked_add(*high, half);
        if (!value) return error{m.start, detail::overflow_message()};
    }
    if (parts.kind == mention_kind::percent) {
        value = detail::percent_of(*value, parts.percent);
        if (high) high = detail::percent_of(*high, parts.percent);
        if (value && parts.tenth_digit) value = checked_add(*value, rational(decimal::from_int(parts.tenth_digit)));
        m.dimension = dimension::ratio;
    }
    if (!value || (parts.high && !high)) return error{m.start, detail::overflow_message()};
    m.value = *value;
    if (high && *high != *value) m.high = *high;
    if (parts.kind == mention_kind::quantity && parts.measure) {
        m.unit = parts.measure->reported;
        m.dimension = parts.measure->dimension;
        std::optional<rational> factor = parts.measure->factor;
        m.base_unit = parts.measure->base;
        if (parts.per) {
            m.unit += "/" + parts.per->reported;
            if (factor && parts.per->factor) {
                auto inverse = rational::make(parts.per->factor->denominator(), parts.per->factor->numerator());
                factor = inverse ? checked_mul(*factor, *inverse) : std::nullopt;
                m.base_unit += "/" + parts.per->base;
            } else {
                factor.reset();
            }
            m.dimension = dimension::other;
        }
        // Money in 元 and every count has factor 1: the value as it is, without a product.
        constexpr rational one(decimal::from_int(1));
        if (factor && !m.base_unit.empty()) m.base_value = *factor == one ? std::optional(m.value) : checked_mul(m.value, *factor);
        if (!m.base_value) m.base_unit.clear();
    }
    return std::nullopt;
}

}  // namespace zhquant
