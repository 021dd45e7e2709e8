// The `number` rule (number.hpp) behind one function, compiled in one place: the number finder,
// parse_number and the mention reader call it instead of each instantiating the X3 grammar, which
// is what made their translation units slow and large to compile.
//
//     zhquant::grammar::number_parts parts;
//     char const* q = text.data();
//     zhquant::grammar::parse_number_rule(q, text.data() + text.size(), zhquant::number_style::smart, parts);
//     // "负32": true, q after the 2, parts.negative
//
// Like x3::parse: true when the rule matched at `first`, which is then moved past the match.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/grammar/numeral_parts.hpp>
#include <zhquant/number_style.hpp>

namespace zhquant::grammar {

ZHQUANT_DECL bool parse_number_rule(char const*& first, char const* last, number_style style, number_parts& out);

}  // namespace zhquant::grammar

#if !defined(ZHQUANT_SEPARATE_COMPILATION)
#include <zhquant/impl/number_rule.ipp>
#endif
