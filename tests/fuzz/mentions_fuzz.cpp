// Fuzz target: find_mentions and find_numbers on any bytes.
//
// Invariants (mention_checks.hpp): every mention is a non-empty span of the input, on character
// boundaries, without whitespace at its ends, in order and apart from the others; its values read
// back to themselves; a range's low is not above its high; a date is well formed and a date range
// ascends.  The same for find_numbers' numbers, and every error offset is within the input.
#include "mention_checks.hpp"

#include <zhquant/mentions.hpp>
#include <zhquant/numbers.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const input(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = input;

    auto const found = zhquant::find_mentions(input);
    zhquant::fuzz::check_mentions(input, found.mentions);
    for (auto const& e : found.errors) {
        ZHQUANT_FUZZ_CHECK(e.offset <= input.size(), "mention error offset out of bounds: " + e.message);
        ZHQUANT_FUZZ_CHECK(!e.message.empty(), "mention error without a message");
    }

    auto const numbers = zhquant::find_numbers(input);
    std::size_t previous_end = 0;
    for (auto const& n : numbers.numbers) {
        std::string const where = "number [" + std::to_string(n.start) + ", " + std::to_string(n.end) + ")";
        ZHQUANT_FUZZ_CHECK(n.start < n.end && n.end <= input.size(), where + " out of bounds");
        ZHQUANT_FUZZ_CHECK(n.start >= previous_end, where + " overlaps the number before it");
        previous_end = n.end;
        zhquant::fuzz::check_reparses(n.value, "number value");
        if (n.high) {
            zhquant::fuzz::check_reparses(*n.high, "number high");
            ZHQUANT_FUZZ_CHECK(n.value <= *n.high, where + " is a range whose low is above its high");
        }
    }
    for (auto const& e : numbers.errors)
        ZHQUANT_FUZZ_CHECK(e.offset <= input.size(), "number error offset out of bounds: " + e.message);
    return 0;
}
