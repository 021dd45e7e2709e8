// Exact values: decimal parsing, canonical text, limits and arithmetic, and rationals built on them.
// Each table row states one behaviour; a row fails on its own, named by SCOPED_TRACE.
#include <zhquant/value/decimal.hpp>
#include <zhquant/value/rational.hpp>

#include <gtest/gtest.h>

#include <climits>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using zhquant::decimal;
using zhquant::rational;

// Text stands for nullopt in the tables below.
constexpr char const* none = "nullopt";

std::string shown(std::optional<decimal> const& value) { return value ? value->to_string() : none; }
std::string shown(std::optional<rational> const& value) { return value ? value->to_string() : none; }

// Test inputs are written as text; a typo in a table must fail loudly, not turn into zero.
decimal dec(std::string_view text) {
    auto const value = decimal::parse(text);
    if (!value) ADD_FAILURE() << "test input does not parse: " << text;
    return value.value_or(decimal{});
}

rational rat(std::string_view numerator, std::string_view denominator) {
    auto const value = rational::make(dec(numerator), dec(denominator));
    if (!value) ADD_FAILURE() << "test input is not a rational: " << numerator << '/' << denominator;
    return value.value_or(rational{});
}

std::string digits_of(decimal::coefficient_type value) {
    char buffer[40] = {};
    return std::string(buffer, static_cast<std::size_t>(zhquant::detail::write_digits(value, buffer)));
}

int sign_of(std::strong_ordering order) { return order < 0 ? -1 : order > 0 ? 1 : 0; }

// Spelled out so the overflow rows can be read against the limits.
constexpr char const* digits38 = "12345678901234567890123456789012345678";
constexpr char const* nines38 = "99999999999999999999999999999999999999";
constexpr char const* ten_to_37 = "10000000000000000000000000000000000000";
constexpr char const* ten_to_38 = "100000000000000000000000000000000000000";
constexpr char const* ten_to_minus_38 = "0.00000000000000000000000000000000000001";
constexpr char const* ten_to_minus_39 = "0.000000000000000000000000000000000000001";

// constexpr parts are checked by the compiler as well.
static_assert(decimal::parse("1.50") == decimal::parse("1.5"));
static_assert(decimal::parse("0.000500")->exponent() == -4);
static_assert(checked_add(*decimal::parse("0.1"), *decimal::parse("0.2")) == decimal::parse("0.3"));
static_assert(checked_mul(*decimal::parse("1.5"), decimal::from_int(-2)) == decimal::from_int(-3));
static_assert(decimal::from_int(-25450) == decimal::make(true, 2545, 1));
static_assert(decimal::from_int(INT64_MIN).coefficient() == 9223372036854775808u);
static_assert(!decimal::parse("100000000000000000000000000000000000000"));
static_assert((*decimal::parse("0.9") <=> decimal::from_int(1)) < 0);
static_assert(-decimal{} == decimal{} && !(-decimal{}).negative());
static_assert(rational::make(decimal::from_int(1), decimal::from_int(2)) == rational(*decimal::parse("0.5")));
static_assert(rational::make(decimal::from_int(-2), decimal::from_int(6))->numerator() == decimal::from_int(-1));

struct text_case {
    char const* input;
    char const* expected;
};

TEST(Decimal, ParsesToCanonicalText) {
    text_case const cases[] = {
        {"0", "0"},
        {"-0", "0"},
        {"0.0", "0"},
        {"-0.000", "0"},
        {"00012", "12"},
        {"25450", "25450"},
        {"8.3", "8.3"},
        {"-1.5", "-1.5"},
        {"1.50", "1.5"},
        {"1.000", "1"},
        {"100", "100"},
        {"100.5", "100.5"},
        {"1.05", "1.05"},
        {"0.000500", "0.0005"},
        {".5", "0.5"},
        {"-.5", "-0.5"},
        {"007.0700", "7.07"},
        {"12345678901200000000", "12345678901200000000"},
        {"0.1000000000000000000000000000000000000000000000000000000000", "0.1"},
        {"00000000000000000000000000000000000000000000000000000000001", "1"},
        {digits38, digits38},
        {nines38, nines38},
        {"1234567890123456789.0123456789012345678", "1234567890123456789.0123456789012345678"},
        {"0.12345678901234567890123456789012345678", "0.12345678901234567890123456789012345678"},
        {"1000000000000000000000000000000000000.5", "1000000000000000000000000000000000000.5"},
        {ten_to_minus_38, ten_to_minus_38},
        {ten_to_37, ten_to_37},
        // 39 significant digits, 10^38, 39 digits after the point: overflow.
        {"123456789012345678901234567890123456789", none},
        {"1234567890123456789.01234567890123456789", none},
        {"12345678901234567890123456789012345678.5", none},
        {ten_to_38, none},
        {"999999999999999999999999999999999999990", none},
        {ten_to_minus_39, none},
        {"0.000000000000000000000000000000000000010", ten_to_minus_38},
        // Not the syntax.
        {"", none},
        {"-", none},
        {".", none},
        {"-.", none},
        {"1.", none},
        {"+1", none},
        {"--1", none},
        {"1.2.3", none},
        {"1,000", none},
        {" 1", none},
        {"1 ", none},
        {"1e3", none},
        {"0x10", none},
        {"\xef\xbc\x91", none},  // fullwidth 1: the grammar's business, not the value's
        {"1-", none},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(shown(decimal::parse(c.input)), c.expected);
    }
}

// Texts of at most 19 characters are read in 64 bits, longer ones in 128: a leading zero moves a
// text from the one way to the other and must change nothing.
TEST(Decimal, ShortAndLongTextsAgree) {
    char const* const cases[] = {
        "9999999999999999999", "1000000000000000000", "-999999999999999999", "0.00000000000000001",
        "123456789.123456789", "-12345678.900000000", "36923", "8.3", "0.000500", "100", "-0.0", "0",
        "5.", ".", "1.2.3", "-.5", ".5", "18446744073709551615"};
    for (std::string_view text : cases) {
        SCOPED_TRACE(text);
        bool const negative = text.starts_with('-');
        std::string const longer = std::string(negative ? "-" : "") + std::string(21, '0') + std::string(text.substr(negative));
        EXPECT_EQ(shown(decimal::parse(text)), shown(decimal::parse(longer)));
    }
    EXPECT_EQ(shown(decimal::parse("9999999999999999999")), "9999999999999999999");
    EXPECT_EQ(decimal::parse("1000000000000000000")->exponent(), 18);
}

TEST(Decimal, IsNormalized) {
    struct case_ {
        char const* input;
        bool negative;
        char const* coefficient;
        int exponent;
        bool integer;
    };
    case_ const cases[] = {
        {"1.50", false, "15", -1, false},
        {"1.5", false, "15", -1, false},
        {"1500", false, "15", 2, true},
        {"-0.0", false, "0", 0, true},
        {"0", false, "0", 0, true},
        {"0.000500", false, "5", -4, false},
        {"-25450", true, "2545", 1, true},
        {"12345678901200000000", false, "123456789012", 8, true},
        {nines38, false, nines38, 0, true},
        {ten_to_minus_38, false, "1", -38, false},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.input);
        auto const value = dec(c.input);
        EXPECT_EQ(value.negative(), c.negative);
        EXPECT_EQ(digits_of(value.coefficient()), c.coefficient);
        EXPECT_EQ(value.exponent(), c.exponent);
        EXPECT_EQ(value.is_integer(), c.integer);
        EXPECT_EQ(value.is_zero(), std::string_view(c.coefficient) == "0");
    }
}

TEST(Decimal, MakeNormalizesAndChecksLimits) {
    using coefficient = decimal::coefficient_type;
    struct case_ {
        bool negative;
        coefficient value;
        int exponent;
        char const* expected;
    };
    case_ const cases[] = {
        {false, 1500, -3, "1.5"},
        {true, 0, 5, "0"},
        {true, 0, INT_MIN, "0"},
        {false, 25450, 0, "25450"},
        {true, 83, -1, "-8.3"},
        {false, zhquant::detail::pow10(38) - 1, 0, nines38},
        {false, zhquant::detail::pow10(38), -1, ten_to_37},
        {false, zhquant::detail::pow10(38) + 1, -1, none},  // 39 significant digits
        {false, ~coefficient{0}, 0, none},
        {false, 1, 38, none},
        {false, 10, 37, none},
        {false, 1, -39, none},
        {false, 10, -39, ten_to_minus_38},
        {false, 1, INT_MAX, none},
        {false, 1, INT_MIN, none},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.expected);
        SCOPED_TRACE(c.exponent);
        EXPECT_EQ(shown(decimal::make(c.negative, c.value, c.exponent)), c.expected);
    }
}

TEST(Decimal, FromInt) {
    struct case_ {
        std::int64_t input;
        char const* expected;
    };
    case_ const cases[] = {
        {0, "0"},
        {7, "7"},
        {-7, "-7"},
        {25450, "25450"},
        {INT64_MAX, "9223372036854775807"},
        {INT64_MIN, "-9223372036854775808"},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.expected);
        auto const value = decimal::from_int(c.input);
        EXPECT_EQ(value.to_string(), c.expected);
        EXPECT_EQ(value, dec(c.expected));
    }
}

TEST(Decimal, ScalesByPowersOfTen) {
    struct case_ {
        char const* input;
        int power;
        char const* expected;
    };
    case_ const cases[] = {
        {"1.2", 12, "1200000000000"},
        {"123456789012", 8, "12345678901200000000"},
        {"36923", 4, "369230000"},
        {"8.3", -2, "0.083"},
        {"-1.5", 1, "-15"},
        {"0.5", 0, "0.5"},
        {"1", 37, ten_to_37},
        {"1", 38, none},
        {"9.9", 36, "9900000000000000000000000000000000000"},
        {"9.9", 37, "99000000000000000000000000000000000000"},
        {"99000000000000000000000000000000000000", 1, none},
        {"1", -38, ten_to_minus_38},
        {"1", -39, none},
        {"0.5", -37, "0.00000000000000000000000000000000000005"},
        {"0.5", -38, none},
        {"0", 1000, "0"},
        {"0", INT_MIN, "0"},
        {"5", INT_MAX, none},
        {"5", INT_MIN, none},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.input);
        SCOPED_TRACE(c.power);
        EXPECT_EQ(shown(dec(c.input).scaled(c.power)), c.expected);
    }
}

TEST(Decimal, ArithmeticIsExact) {
    struct case_ {
        char op;
        char const* a;
        char const* b;
        char const* expected;
    };
    case_ const cases[] = {
        {'+', "0.1", "0.2", "0.3"},
        {'+', "1.5", "-1.5", "0"},
        {'+', "-0.1", "0.1", "0"},
        {'+', "1", "0", "1"},
        {'+', "0", "-2.5", "-2.5"},
        {'+', "0.9", "0.1", "1"},
        {'+', "-8.3", "-0.7", "-9"},
        {'+', "25450", "0.05", "25450.05"},
        {'+', "0.99999999999999999999999999999999999995", "0.00000000000000000000000000000000000005", "1"},
        {'+', digits38, "-12345678901234567890123456789012345678", "0"},
        {'+', nines38, "1", none},          // 10^38
        {'+', nines38, "0.1", none},        // 39 significant digits
        {'+', ten_to_37, "0.0000000001", none},  // 48 significant digits
        {'+', "50000000000000000000000000000000000000", "50000000000000000000000000000000000000", none},
        {'+', "0.5", ten_to_minus_38, "0.50000000000000000000000000000000000001"},
        {'-', "0.3", "0.1", "0.2"},
        {'-', "1", "2", "-1"},
        {'-', "-1", "-1", "0"},
        {'-', "10", "0.001", "9.999"},
        {'-', ten_to_37, "1", "9999999999999999999999999999999999999"},
        {'-', "-99999999999999999999999999999999999999", "1", none},
        {'*', "1.5", "2", "3"},
        {'*', "0.1", "0.1", "0.01"},
        {'*', "-2", "3", "-6"},
        {'*', "-2", "-3", "6"},
        {'*', "0", "-5", "0"},
        {'*', "-5", "0", "0"},
        {'*', "1.2", "10000", "12000"},
        {'*', "0.0000000000000000000001", "0.0000000000000000000001", none},  // 10^-44
        {'*', "10000000000000000000", "10000000000000000000", none},           // 10^38
        {'*', "9999999999999999999", "9999999999999999999", "99999999999999999980000000000000000001"},
        {'*', "99999999999999999999", "99999999999999999999", none},           // 40 digits
        {'*', "18446744073709551616", "18446744073709551616", none},           // 2^128
        // 5^54 * 10^-38 times 2^54 * 10^-20: the coefficient product 10^54 exceeds 128 bits, the
        // value 10^-4 does not.
        {'*', "0.55511151231257827021181583404541015625", "0.00018014398509481984", "0.0001"},
        {'*', "0.00018014398509481984", "0.55511151231257827021181583404541015625", "0.0001"},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(std::string(c.a) + ' ' + c.op + ' ' + c.b);
        decimal const a = dec(c.a);
        decimal const b = dec(c.b);
        std::optional<decimal> result;
        switch (c.op) {
            case '+': result = checked_add(a, b); break;
            case '-': result = checked_sub(a, b); break;
            case '*': result = checked_mul(a, b); break;
            default: FAIL() << "unknown operator " << c.op;
        }
        EXPECT_EQ(shown(result), c.expected);
        if (result) {
            EXPECT_FALSE(result->is_zero() && result->negative()) << "negative zero";
        }
    }
}

TEST(Decimal, NegationAndAbs) {
    struct case_ {
        char const* input;
        char const* negated;
        char const* absolute;
    };
    case_ const cases[] = {
        {"1.5", "-1.5", "1.5"},
        {"-1.5", "1.5", "1.5"},
        {"0", "0", "0"},
        {nines38, "-99999999999999999999999999999999999999", nines38},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(c.input);
        auto const value = dec(c.input);
        EXPECT_EQ((-value).to_string(), c.negated);
        EXPECT_EQ(value.abs().to_string(), c.absolute);
        EXPECT_FALSE((-value).is_zero() && (-value).negative());
    }
}

struct order_case {
    char const* a;
    char const* b;
    int expected;  // sign of a <=> b
};

TEST(Decimal, ComparesNumerically) {
    order_case const cases[] = {
        {"1.5", "1.50", 0},
        {"0.1", "0.10000", 0},
        {"-0", "0", 0},
        {"2", "10", -1},
        {"0.9", "1", -1},
        {"-1", "0.5", -1},
        {"-2", "-1", -1},
        {"1.05", "1.5", -1},
        {"100", "99.999", 1},
        {"0.0001", "0.001", -1},
        {ten_to_37, "9990000000000000000000000000000000000", 1},
        {digits38, "12345678901234567890123456789012345679", -1},
        {ten_to_minus_38, "0", 1},
        {"-0.00000000000000000000000000000000000001", "0", -1},
        {nines38, ten_to_minus_38, 1},
        {"-99999999999999999999999999999999999999", "-0.00000000000000000000000000000000000001", -1},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(std::string(c.a) + " <=> " + c.b);
        auto const a = dec(c.a);
        auto const b = dec(c.b);
        EXPECT_EQ(sign_of(a <=> b), c.expected);
        EXPECT_EQ(sign_of(b <=> a), -c.expected);
        EXPECT_EQ(a == b, c.expected == 0);
    }
}

TEST(Rational, ReducesToCanonicalForm) {
    struct case_ {
        char const* numerator;
        char const* denominator;
        char const* text;
        char const* canonical_numerator;
        char const* canonical_denominator;
    };
    case_ const cases[] = {
        {"1", "3", "1/3", "1", "3"},
        {"-2", "6", "-1/3", "-1", "3"},
        {"2", "-6", "-1/3", "-1", "3"},
        {"-2", "-6", "1/3", "1", "3"},
        {"1.5", "4.5", "1/3", "1", "3"},
        {"2", "3.0", "2/3", "2", "3"},
        {"22", "7", "22/7", "22", "7"},
        {"0.1", "3", "1/30", "1", "30"},
        {"1", "0.3", "10/3", "10", "3"},
        {"1", "7.5", "2/15", "2", "15"},
        {"8.3", "100", "0.083", "0.083", "1"},
        {"2333", "500", "4.666", "4.666", "1"},
        {"10", "4", "2.5", "2.5", "1"},
        {"3", "0.001", "3000", "3000", "1"},
        {"0", "5", "0", "0", "1"},
        {"0", "-5", "0", "0", "1"},
        // 10^38 / 3: the integers do not fit, the same fraction scaled by 10^-1 does.
        {"1", "0.00000000000000000000000000000000000003",
         "100000000000000000000000000000000000000/3", ten_to_37, "0.3"},
        // 10^-39 terminates but is below the decimal limits.
        {"0.0001", "100000000000000000000000000000000000", "1/1000000000000000000000000000000000000000", "0.01",
         ten_to_37},
        // 1.23…78e75 is a rational but not a decimal.
        {digits38, ten_to_minus_38, "1234567890123456789012345678901234567800000000000000000000000000000000000000",
         digits38, ten_to_minus_38},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(std::string(c.numerator) + " / " + c.denominator);
        auto const value = rational::make(dec(c.numerator), dec(c.denominator));
        ASSERT_TRUE(value);
        EXPECT_EQ(value->to_string(), c.text);
        EXPECT_EQ(value->numerator().to_string(), c.canonical_numerator);
        EXPECT_EQ(value->denominator().to_string(), c.canonical_denominator);
        EXPECT_FALSE(value->denominator().negative());
        EXPECT_EQ(value->negative(), c.text[0] == '-');
        EXPECT_EQ(value->is_zero(), std::string_view(c.text) == "0");
        bool const fits_decimal = std::string_view(c.canonical_denominator) == "1";
        EXPECT_EQ(value->is_decimal(), fits_decimal);
        EXPECT_EQ(shown(value->to_decimal()), fits_decimal ? c.text : none);
    }
}

TEST(Rational, ZeroDenominatorIsNoValue) {
    EXPECT_FALSE(rational::make(dec("1"), dec("0")));
    EXPECT_FALSE(rational::make(dec("0"), dec("-0.000")));
}

TEST(Rational, HoldsDecimalsAsThemselves) {
    char const* const cases[] = {"0", "8.3", "-1.5", nines38, ten_to_minus_38};
    for (auto const* text : cases) {
        SCOPED_TRACE(text);
        rational const value = dec(text);
        EXPECT_TRUE(value.is_decimal());
        EXPECT_EQ(value.to_decimal(), dec(text));
        EXPECT_EQ(value.to_string(), dec(text).to_string());
        EXPECT_EQ(value, rat(text, "1"));
    }
}

TEST(Rational, ComparesExactly) {
    struct case_ {
        char const* a_numerator;
        char const* a_denominator;
        char const* b_numerator;
        char const* b_denominator;
        int expected;
    };
    case_ const cases[] = {
        {"1", "2", "0.5", "1", 0},
        {"2", "6", "1", "3", 0},
        {"1", "3", "0.34", "1", -1},
        {"1", "3", "0.33333333333333333333333333333333333333", "1", 1},
        {"-1", "3", "-0.34", "1", 1},
        {"22", "7", "3.14159", "1", 1},
        {"0", "1", "-0", "5", 0},
        {"-1", "7", "0", "1", -1},
        {"1", "7", "1", "7.0000000000000000000000000000000000001", 1},
        {ten_to_37, "3", "3300000000000000000000000000000000000", "1", 1},
        {"1", "0.00000000000000000000000000000000000003", ten_to_37, "0.3", 0},
        // Both cross products have 76 digits.
        {digits38, "99999999999999999999999999999999999997", "12345678901234567890123456789012345677",
         "99999999999999999999999999999999999989", 1},
        {ten_to_minus_38, nines38, "1", "0.3", -1},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(std::string(c.a_numerator) + '/' + c.a_denominator + " <=> " + c.b_numerator + '/' +
                     c.b_denominator);
        auto const a = rat(c.a_numerator, c.a_denominator);
        auto const b = rat(c.b_numerator, c.b_denominator);
        EXPECT_EQ(sign_of(a <=> b), c.expected);
        EXPECT_EQ(sign_of(b <=> a), -c.expected);
        EXPECT_EQ(a == b, c.expected == 0);
    }
}

TEST(Rational, ArithmeticIsExact) {
    struct case_ {
        char op;
        char const* a_numerator;
        char const* a_denominator;
        char const* b_numerator;
        char const* b_denominator;
        char const* expected;
    };
    case_ const cases[] = {
        {'+', "1", "3", "2", "3", "1"},
        {'+', "1", "3", "1", "6", "0.5"},
        {'+', "0.5", "1", "1", "3", "5/6"},
        {'+', "-1", "3", "1", "3", "0"},
        {'+', "-1", "3", "-1", "3", "-2/3"},
        {'+', "1", "3", "0.1", "1", "13/30"},
        {'+', "0.1", "1", "0.2", "1", "0.3"},
        {'+', "1", "3", ten_to_37, "1", "30000000000000000000000000000000000001/3"},
        {'+', "1", "3", ten_to_minus_38, "1", none},  // (10^38 + 3) / (3 * 10^38)
        {'*', "1", "3", "3", "1", "1"},
        {'*', "1", "3", "1", "3", "1/9"},
        {'*', "2", "3", "-1.5", "1", "-1"},
        {'*', "1", "7", "7", "1", "1"},
        {'*', "1", "3", "0", "1", "0"},
        {'*', "2333", "1", "1", "500", "4.666"},
        // 10^74 / 9 is 10^37 / 0.0…09, so it is still a value.
        {'*', ten_to_37, "3", ten_to_37, "3",
         "100000000000000000000000000000000000000000000000000000000000000000000000000/9"},
        {'*', "1", "99999999999999999999999999999999999997", "1", "99999999999999999999999999999999999989", none},
    };
    for (auto const& c : cases) {
        SCOPED_TRACE(std::string(c.a_numerator) + '/' + c.a_denominator + ' ' + c.op + ' ' + c.b_numerator + '/' +
                     c.b_denominator);
        auto const a = rat(c.a_numerator, c.a_denominator);
        auto const b = rat(c.b_numerator, c.b_denominator);
        auto const result = c.op == '+' ? checked_add(a, b) : checked_mul(a, b);
        EXPECT_EQ(shown(result), c.expected);
        auto const swapped = c.op == '+' ? checked_add(b, a) : checked_mul(b, a);
        EXPECT_EQ(result, swapped) << "not commutative";
    }
}

}  // namespace
