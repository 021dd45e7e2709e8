// Numbers in Chinese text, found and resolved exactly.
//
//     auto found = zhquant::find_numbers("1-11月规上工业总产值36923万元，同比增长8.3%");
//     // found.numbers: 1, 11, 369230000 ("36923万"), 8.3 — each with byte offsets
//     auto one = zhquant::parse_number("一千零五");          // 1005
//     auto money = zhquant::parse_number("壹佰捌拾壹圆柒角");  // 181.7
//
// `find_numbers` reads every numeral form of the number grammar (grammar/numeral_scanner.hpp): Arabic,
// Chinese, financial, mixed (`3万5千`), fractions (`三分之一`) and vague ranges (`三四百`).
// It does not decide what a number means in its sentence (a unit, an ordinal, a date); that is
// the mentions layer.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/error.hpp>
#include <zhquant/number_style.hpp>
#include <zhquant/value/parsed_number.hpp>
#include <zhquant/value/rational.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace zhquant {

// A number found in a text, at bytes [start, end) of that text.
struct number {
    std::size_t start = 0;
    std::size_t end = 0;
    rational value;
    std::optional<rational> high;
};

struct numbers_result {
    std::vector<number> numbers;
    std::vector<error> errors;  // e.g. a numeral too large to hold exactly; the scan goes on after it
};

// Every number in `text` (UTF-8), in order, without overlaps.  The text is normalized first
// (text/normalize.hpp: PDF spaces, full-width and traditional characters); offsets are bytes of
// `text` itself.  Invalid UTF-8 is reported in `errors` and read as U+FFFD.
ZHQUANT_DECL numbers_result find_numbers(std::string_view text);

// `text` read as exactly one number; anything left over is an error.
ZHQUANT_DECL result<parsed_number> parse_number(std::string_view text,
                                                number_style style = number_style::smart);

}  // namespace zhquant

#if !defined(ZHQUANT_SEPARATE_COMPILATION)
#include <zhquant/impl/find_numbers.ipp>
#include <zhquant/impl/parse_number.ipp>
#endif
