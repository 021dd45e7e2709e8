// The number finder: numbers.hpp's find_numbers, compiled here once (ZHQUANT_SEPARATE_COMPILATION)
// or inline in every user (header-only).
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/non_numeral_words.hpp>
#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/detail/start_chars.hpp>
#include <zhquant/grammar/number_rule.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/resolve.hpp>

#include <string>
#include <tuple>

namespace zhquant {

namespace detail {

// The finder's judgement on a numeral the grammar accepted: is it a number in running text?
inline bool reads_as_number(grammar::number_parts const& parts, std::string_view before, std::string_view matched) {
    using grammar::numeral_token_kind;
    if (parts.shape != grammar::number_shape::plain) return true;
    auto const& n = parts.whole;
    // 百 or 千 with no digit (千方百计): only 十 stands alone as a number.
    if (n.tokens.size() == 1 && n.tokens[0].kind == numeral_token_kind::unit && n.tokens[0].exponent >= 2)
        return false;
    // 一一, 五三: two digits read place by place are a word, not a number, in running text.
    if (n.form.digit_string && n.tokens.size() == 1 && n.tokens[0].text.size() == 6) return false;
    if (matched.size() == 3 && !parts.negative) {
        for (std::string_view w : lone_financial_words)
            if (matched == w) return false;
        if (ends_non_numeral_word(before, matched)) return false;
    }
    return true;
}

}  // namespace detail

namespace detail {

// The numbers of a normalized text, with offsets into it.
inline void scan_numbers(std::string_view text, numbers_result& out) {
    char const* const begin = text.data();
    char const* const end = begin + text.size();
    char const* p = begin;
    while ((p = detail::skip_to_candidate(p, end, detail::number_start_chars)) < end) {
        std::size_t const step = detail::utf8_length_at(p, end);
        if (!detail::may_start_number(p, end)) {
            p += step;
            continue;
        }
        bool const dash = *p == '-' || (step == 3 && std::string_view(p, 3) == "－");
        if ((dash && detail::sign_is_joined(begin, p)) ||
            (*p == '.' && p > begin && detail::is_ascii_alnum(p[-1]))) {
            p += step;
            continue;
        }
        std::string_view const rest(p, static_cast<std::size_t>(end - p));
        if (std::size_t const word = detail::starts_non_numeral_word(rest)) {
            p += word;
            continue;
        }
        grammar::number_parts parts;
        char const* q = p;
        if (!grammar::parse_number_rule(q, end, number_style::smart, parts) || q == p) {
            p += step;
            continue;
        }
        bool const slash_fraction = parts.shape == grammar::number_shape::fraction &&
                                    parts.numerator.tokens.front().text.data() < parts.whole.tokens.front().text.data();
        if (slash_fraction && p > begin && (p[-1] == '/' || p[-1] == '-')) {
            // The middle of 2024/12/3 is a date's part, not a fraction: keep only the first numeral.
            std::string_view const first = parts.numerator.tokens.back().text;
            q = first.data() + first.size();
            parts.whole = std::move(parts.numerator);
            parts.shape = grammar::number_shape::plain;
        }
        std::string_view const matched(p, static_cast<std::size_t>(q - p));
        std::string_view const before(begin, static_cast<std::size_t>(p - begin));
        if (!detail::reads_as_number(parts, before, matched)) {
            p = q;  // a word such as 一一 or 陆 is passed over whole
            continue;
        }
        auto value = resolve(parts);
        std::size_t const start = static_cast<std::size_t>(p - begin);
        if (!value) {
            out.errors.push_back(error{start, value.error().message + ": " + std::string(matched)});
        } else {
            out.numbers.push_back(number{start, static_cast<std::size_t>(q - begin), std::move(value->value),
                                         std::move(value->high)});
        }
        p = q;
    }
}

}  // namespace detail

ZHQUANT_DECL numbers_result find_numbers(std::string_view text) {
    numbers_result out;
    auto normalized = normalize(text);
    if (!normalized) {
        out.errors.push_back(normalized.error());
        return out;
    }
    detail::scan_numbers(normalized->text, out);
    auto const& map = normalized->map;
    std::size_t segment = 0;  // of the map: the numbers come in the text's order
    for (auto& n : out.numbers) std::tie(n.start, n.end) = map.to_original(n.start, n.end, segment);
    for (auto& e : out.errors) e.offset = map.to_original(e.offset, e.offset).first;
    out.errors.insert(out.errors.begin(), normalized->problems.begin(), normalized->problems.end());
    return out;
}

}  // namespace zhquant
