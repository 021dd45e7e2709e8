// cn2an's own cases (tests/data/cn2an, MIT): its modes nest like our number styles, so every
// strict case must read in all three styles, normal cases in normal and smart, smart cases in
// smart; every error input is refused in its mode, and every normal or smart input in strict.
#include "../support/test_data.hpp"

#include <zhquant/numbers.hpp>

#include <gtest/gtest.h>

#include <iostream>
#include <string>

namespace {

using zhquant::number_style;

struct mode_file {
    char const* file;
    number_style style;
};
constexpr mode_file value_files[] = {
    {"cn2an/cn2an_strict.tsv", number_style::strict},
    {"cn2an/cn2an_normal.tsv", number_style::normal},
    {"cn2an/cn2an_smart.tsv", number_style::smart},
};

number_style style_named(std::string const& name) {
    if (name == "strict") return number_style::strict;
    if (name == "normal") return number_style::normal;
    return number_style::smart;
}

TEST(Cn2an, ValuesReadInEveryStyleThatAllowsThem) {
    int passed = 0, total = 0;
    for (auto const& file : value_files) {
        auto const rows = zhquant::test::read_tsv(zhquant::test::data_path(file.file));
        ASSERT_FALSE(rows.empty()) << file.file;
        for (auto const& row : rows) {
            ASSERT_EQ(row.size(), 2u);
            auto const expected = zhquant::test::decimal_from_scientific(row[1]);
            ASSERT_TRUE(expected) << row[1];
            for (auto style = file.style; style <= number_style::smart;
                 style = static_cast<number_style>(static_cast<int>(style) + 1)) {
                ++total;
                SCOPED_TRACE(row[0] + " in style " + std::to_string(static_cast<int>(style)));
                auto const got = zhquant::parse_number(row[0], style);
                if (!got) {
                    ADD_FAILURE() << "refused: " << got.error().message << " at " << got.error().offset;
                    continue;
                }
                EXPECT_FALSE(got->high.has_value());
                if (got->value == zhquant::rational(*expected)) ++passed;
                else ADD_FAILURE() << "got " << got->value.to_string() << ", expected " << expected->to_string();
            }
        }
    }
    std::cout << "cn2an values: " << passed << " passed of " << total << '\n';
}

TEST(Cn2an, ErrorsAreRefused) {
    int refused = 0, total = 0;
    auto expect_refused = [&](std::string const& input, number_style style) {
        ++total;
        auto const got = zhquant::parse_number(input, style);
        if (!got) {
            ++refused;
            EXPECT_FALSE(got.error().message.empty());
        } else {
            ADD_FAILURE() << "'" << input << "' in style " << static_cast<int>(style) << " read as "
                          << got->value.to_string();
        }
    };
    for (auto const& row : zhquant::test::read_tsv(zhquant::test::data_path("cn2an/cn2an_errors.tsv")))
        expect_refused(row.size() > 1 ? row[1] : std::string(), style_named(row[0]));
    for (char const* file : {"cn2an/cn2an_normal.tsv", "cn2an/cn2an_smart.tsv"})
        for (auto const& row : zhquant::test::read_tsv(zhquant::test::data_path(file)))
            expect_refused(row[0], number_style::strict);
    std::cout << "cn2an errors: " << refused << " refused of " << total << '\n';
}

}  // namespace
