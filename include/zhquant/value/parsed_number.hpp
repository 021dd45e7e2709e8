// The value of one number: exact, and for a range (三四百 = 300..400) its upper end too.
//
//     zhquant::parsed_number n{zhquant::decimal::from_int(300), zhquant::decimal::from_int(400)};
#pragma once

#include <zhquant/value/rational.hpp>

#include <optional>

namespace zhquant {

struct parsed_number {
    rational value;
    std::optional<rational> high;  // set only for a range

    friend bool operator==(parsed_number const&, parsed_number const&) = default;
};

}  // namespace zhquant
