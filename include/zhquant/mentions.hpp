// Every numeric mention of a report, resolved as gold/GUIDE.md defines it.
//
//     auto found = zhquant::find_mentions("1-11月规上工业总产值36923万元，同比增长 8.3%");
//     // date XXXX-01..XXXX-11 "1-11月"; quantity 369230000 元 "36923万元"; percent 8.3 "8.3%"
//
// The text is normalized first (text/normalize.hpp: PDF spaces and broken lines, full-width and
// traditional characters); every offset in the result is a byte offset into the text given.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/error.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/units.hpp>

#include <string_view>
#include <vector>

namespace zhquant {

struct mentions_options {
    unit_registry const* units = nullptr;  // the built-in units when null
    normalize_options normalize;
};

struct mentions_result {
    std::vector<mention> mentions;
    std::vector<error> errors;  // invalid UTF-8 (with its offset), a value too large to hold
};

ZHQUANT_DECL mentions_result find_mentions(std::string_view text, mentions_options const& options = {});

namespace detail {
// The mentions of an already normalized text, with offsets into it (for extract()).
ZHQUANT_DECL void scan_mentions(std::string_view text, unit_registry const& units, std::vector<mention>& mentions,
                                std::vector<error>& errors);
}  // namespace detail

}  // namespace zhquant

#if !defined(ZHQUANT_SEPARATE_COMPILATION)
#include <zhquant/impl/mentions.ipp>
#endif
