// Fuzz target: the unit-file reader (value/unit_file.hpp).
//
// Invariants: an error is `units.tsv:LINE:COL: error: ...` with LINE and COL pointing at its
// offset (file_checks.hpp), and leaves the registry as it was; a success adds one unit per unit
// line, each found by its name with a positive factor that reads back to itself.
#include "file_checks.hpp"

#include <zhquant/value/unit_file.hpp>
#include <zhquant/value/units.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

zhquant::unit_registry const& starting_units() {
    static zhquant::unit_registry const units = [] {
        zhquant::unit_registry r;
        for (char const* name : {"亩", "元", "个", "公里"}) r.add(*zhquant::unit_registry::builtin().find(name));
        return r;
    }();
    return units;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = text;
    zhquant::unit_registry units = starting_units();
    auto const added = zhquant::load_units(text, "units.tsv", units);
    if (!added) {
        zhquant::fuzz::check_file_error(text, "units.tsv", added.error());
        ZHQUANT_FUZZ_CHECK(units.size() == starting_units().size(), "a failed load changed the registry");
        return 0;
    }
    // The unit lines, read independently: not blank, not a comment; the name is up to the first tab.
    std::vector<std::string_view> names;
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t const first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] != '#') names.push_back(line.substr(0, line.find('\t')));
        start = end + 1;
    }
    ZHQUANT_FUZZ_CHECK(*added == names.size(), "load_units counted " + std::to_string(*added) + " units in " +
                                                   std::to_string(names.size()) + " unit lines");
    for (auto name : names) {
        auto const* u = units.find(name);
        ZHQUANT_FUZZ_CHECK(u && u->name == name, "unit '" + std::string(name) + "' loaded but not found");
        auto const match = units.longest_match(name);
        ZHQUANT_FUZZ_CHECK(match && match->length == name.size(), "unit '" + std::string(name) + "' is not its own longest match");
        if (u->factor) {
            ZHQUANT_FUZZ_CHECK(*u->factor > zhquant::rational(), "a unit factor not above zero");
            zhquant::fuzz::check_reparses(*u->factor, "unit factor");
            ZHQUANT_FUZZ_CHECK(!u->base.empty(), "a factor without a base");
        }
        ZHQUANT_FUZZ_CHECK(!u->reported.empty(), "a unit without a reported name");
    }
    return 0;
}
