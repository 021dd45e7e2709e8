// Fuzz target: the exact decimal and rational types (value/decimal.hpp, value/rational.hpp).
//
// The input is two numbers' texts separated by the first space or line break.  An independent
// reading of each text (canonical() below: strip zeros, count digits) says whether decimal::parse
// must accept it and what to_string() must print.  Then, for the two values: addition commutes and
// subtracting undoes it, multiplication commutes, scaling by 10^k and back is the identity, the
// ordering agrees with the sign of the difference, and a/b as a rational reads back to itself and
// times b is a again.  An input starting with 0xFF instead builds a decimal from raw parts
// (coefficient, exponent, sign) with decimal::make.
#include "fuzz_check.hpp"

#include <zhquant/value/decimal.hpp>
#include <zhquant/value/rational.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using zhquant::decimal;
using zhquant::rational;

// What decimal::parse must make of `text`: nullopt when it must refuse it, else the canonical text.
std::optional<std::string> canonical(std::string_view text) {
    bool negative = false;
    if (!text.empty() && text[0] == '-') negative = true, text.remove_prefix(1);
    std::size_t const point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    auto all_digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (!all_digits(whole) || !all_digits(fraction)) return std::nullopt;
    if (point != std::string_view::npos && fraction.empty()) return std::nullopt;  // "1."
    if (whole.empty() && fraction.empty()) return std::nullopt;                   // "", "-"
    while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
    while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
    if (whole.empty() && fraction.empty()) return std::string("0");
    // The coefficient's digits run from the first nonzero digit to the last.
    std::string digits = std::string(whole) + std::string(fraction);
    long long exponent = -static_cast<long long>(fraction.size());
    std::size_t const first = digits.find_first_not_of('0');
    digits.erase(0, first);
    while (digits.back() == '0') digits.pop_back(), ++exponent;
    long long const count = static_cast<long long>(digits.size());
    if (count > decimal::max_digits || exponent < decimal::min_exponent || count + exponent > decimal::max_digits)
        return std::nullopt;
    std::string out = negative ? "-" : "";
    out += whole.empty() ? std::string("0") : std::string(whole);
    if (!fraction.empty()) {  // appends, not `"." + std::string(...)`: that trips g++ 12's -Wrestrict
        out += '.';
        out += fraction;
    }
    return out;
}

void check_parse(std::string_view text, std::optional<decimal> const& parsed) {
    auto const expected = canonical(text);
    ZHQUANT_FUZZ_CHECK(parsed.has_value() == expected.has_value(),
                       "decimal::parse(\"" + zhquant::fuzz::escaped(text) + "\") " +
                           (parsed ? "accepted \"" + parsed->to_string() + "\"" : std::string("refused")) +
                           (expected ? ", expected \"" + *expected + "\"" : std::string(", expected a refusal")));
    if (!parsed) return;
    ZHQUANT_FUZZ_CHECK(parsed->to_string() == *expected, "decimal::parse(\"" + zhquant::fuzz::escaped(text) +
                                                             "\") prints \"" + parsed->to_string() + "\", expected \"" +
                                                             *expected + "\"");
}

void check_decimal(decimal const& a) {
    auto const back = decimal::parse(a.to_string());
    ZHQUANT_FUZZ_CHECK(back && *back == a, std::string(1, '"').append(a.to_string()).append("\" does not read back to itself"));
    ZHQUANT_FUZZ_CHECK(a == a && (a <=> a) == 0, "a decimal is not equal to itself");
    ZHQUANT_FUZZ_CHECK(-(-a) == a, "negating twice changes " + a.to_string());
    ZHQUANT_FUZZ_CHECK(!a.is_zero() || !a.negative(), "a negative zero");
    zhquant::fuzz::check_reparses(rational(a), "rational of a decimal");
}

void check_pair(decimal const& a, decimal const& b) {
    std::string const pair = std::string(1, '(').append(a.to_string()).append(", ").append(b.to_string()).append(")");
    auto const sum = checked_add(a, b);
    ZHQUANT_FUZZ_CHECK(sum == checked_add(b, a), "addition does not commute for " + pair);
    if (sum) {
        check_decimal(*sum);
        auto const back = checked_sub(*sum, b);
        ZHQUANT_FUZZ_CHECK(back && *back == a, "a + b - b != a for " + pair);
    }
    auto const difference = checked_sub(a, b);
    if (difference) {
        auto const order = a <=> b;
        auto const sign = difference->is_zero() ? std::strong_ordering::equal
                          : difference->negative() ? std::strong_ordering::less
                                                   : std::strong_ordering::greater;
        ZHQUANT_FUZZ_CHECK(order == sign, "a <=> b disagrees with the sign of a - b for " + pair);
    }
    ZHQUANT_FUZZ_CHECK((a == b) == (a.to_string() == b.to_string()), "equality disagrees with the text for " + pair);
    ZHQUANT_FUZZ_CHECK((a <=> b) == (0 <=> (b <=> a)), "ordering is not antisymmetric for " + pair);
    auto const product = checked_mul(a, b);
    ZHQUANT_FUZZ_CHECK(product == checked_mul(b, a), "multiplication does not commute for " + pair);
    if (product) check_decimal(*product);

    int const k = static_cast<int>(b.coefficient() % 97) - 48;
    if (auto const s = a.scaled(k)) {
        auto const back = s->scaled(-k);
        ZHQUANT_FUZZ_CHECK(back && *back == a, "scaling by 10^" + std::to_string(k) + " and back changes " + a.to_string());
    }

    if (!b.is_zero()) {
        auto const q = rational::make(a, b);
        ZHQUANT_FUZZ_CHECK(q.has_value(), "a / b has no rational for " + pair);
        zhquant::fuzz::check_reparses(*q, "a / b");
        ZHQUANT_FUZZ_CHECK(q->denominator() > decimal(), "a rational with a denominator not above zero");
        if (auto const times = checked_mul(*q, rational(b)))
            ZHQUANT_FUZZ_CHECK(*times == rational(a), "(a / b) * b != a for " + pair);
        auto const twice = checked_add(*q, *q);
        auto const doubled = checked_mul(*q, rational(decimal::from_int(2)));
        if (twice && doubled) ZHQUANT_FUZZ_CHECK(*twice == *doubled, "q + q != 2q for " + pair);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const input(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = input;
    if (size > 0 && data[0] == 0xFF) {
        // Raw parts: 16 coefficient bytes, an exponent byte, a sign byte.
        if (size < 19) return 0;
        decimal::coefficient_type coefficient = 0;
        for (std::size_t i = 1; i <= 16; ++i) coefficient = (coefficient << 8) | data[i];
        int const exponent = static_cast<std::int8_t>(data[17]);
        if (auto const d = decimal::make((data[18] & 1) != 0, coefficient, exponent)) {
            check_decimal(*d);
            check_pair(*d, *d);
        }
        return 0;
    }
    std::size_t const cut = input.find_first_of(" \n");
    std::string_view const first = input.substr(0, cut);
    std::string_view const second = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
    auto const a = decimal::parse(first);
    auto const b = decimal::parse(second);
    check_parse(first, a);
    if (cut != std::string_view::npos) check_parse(second, b);
    if (a) check_decimal(*a);
    if (b) check_decimal(*b);
    if (a && b) {
        check_pair(*a, *b);
        check_pair(*b, *a);
    }
    return 0;
}
