// `numeral`: the X3 primitive that reads one numeral in any script, as its raw parts.
//
//     numeral_parts parts;
//     x3::parse(first, last, zhquant::grammar::numeral, parts);
//     // "两千三百五" -> 5 tokens; "1.2万" -> 2; "二〇二四" -> 1 (a digit string); "三四百" -> 2
//
// What it reads is numeral_scanner.hpp's: every script, spaces between the characters read
// through, never a sign, a unit or a qualifier.  A primitive — as x3::int_ is — that runs the
// scanner's one linear pass and composes with other X3 parsers like any of them.
#pragma once

#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/grammar/numeral_scanner.hpp>
#include <zhquant/number_style.hpp>

#include <boost/spirit/home/x3/core/parser.hpp>
#include <boost/spirit/home/x3/core/skip_over.hpp>
#include <boost/spirit/home/x3/support/traits/move_to.hpp>

#include <iterator>
#include <utility>

namespace zhquant::grammar {

struct numeral_parser : boost::spirit::x3::parser<numeral_parser> {
    using attribute_type = numeral_parts;
    static bool const has_attribute = true;

    number_style style = number_style::smart;

    constexpr numeral_parser() = default;
    constexpr explicit numeral_parser(number_style s) : style(s) {}

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
        static_assert(std::contiguous_iterator<Iterator>, "numeral reads contiguous UTF-8 bytes");
        boost::spirit::x3::skip_over(first, last, context);
        if (first == last) return false;
        char const* const begin = std::to_address(first);
        numeral_parts parts;
        char const* const end = scan_numeral(begin, begin + (last - first), style, parts);
        if (!end) return false;
        first += end - begin;
        boost::spirit::x3::traits::move_to(std::move(parts), attr);
        return true;
    }
};

// The numeral in the smart style (every form); `numeral_parser{number_style::strict}` for another.
inline constexpr numeral_parser numeral{};

}  // namespace zhquant::grammar
