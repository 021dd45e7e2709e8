// grammar/number_rule.hpp's function, compiled here once (ZHQUANT_SEPARATE_COMPILATION) or inline
// in every user (header-only): the only place the X3 `number` rule is instantiated.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/grammar/number.hpp>
#include <zhquant/grammar/number_rule.hpp>

#include <boost/spirit/home/x3/core/parse.hpp>

#include <array>
#include <cstddef>

namespace zhquant::grammar {

ZHQUANT_DECL bool parse_number_rule(char const*& first, char const* last, number_style style, number_parts& out) {
    // In number_style's order.
    static auto const rules = std::array{number_grammar(number_style::strict), number_grammar(number_style::normal),
                                         number_grammar(number_style::smart)};
    return boost::spirit::x3::parse(first, last, rules[static_cast<std::size_t>(style)], out);
}

}  // namespace zhquant::grammar
