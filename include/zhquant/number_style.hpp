// How much colloquial freedom a numeral may take; the levels nest like cn2an's modes.
//
//     zhquant::parse_number("三万五", zhquant::number_style::strict);  // error: elided digit
//     zhquant::parse_number("三万五", zhquant::number_style::normal);  // 35000
#pragma once

namespace zhquant {

enum class number_style {
    strict,  // formal Chinese numerals only: 一千零五, 壹佰壹拾壹圆整
    normal,  // + spoken forms: digit strings (一七二零), elision (三万五), dropped 零 and 一
    smart,   // + Arabic digits mixed in: 1.2万, 3万5千, 一百点123 (the default, and what find_numbers reads)
};

}  // namespace zhquant
