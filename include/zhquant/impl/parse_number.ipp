// The whole-string parse: numbers.hpp's parse_number, compiled here once
// (ZHQUANT_SEPARATE_COMPILATION) or inline in every user (header-only).
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/start_chars.hpp>
#include <zhquant/grammar/number_rule.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/value/resolve.hpp>

#include <string>

namespace zhquant {

namespace detail {

inline std::string describe_next_character(std::string_view rest) {
    if (rest.empty()) return "the end";
    std::size_t const n = utf8_length_at(rest.data(), rest.data() + rest.size());
    std::string quoted(1, '\'');
    quoted.append(rest.substr(0, n)).push_back('\'');
    return quoted;
}

}  // namespace detail

ZHQUANT_DECL result<parsed_number> parse_number(std::string_view text, number_style style) {
    if (text.empty()) return error{0, "expected a number, found an empty text"};
    char const* const begin = text.data();
    char const* q = begin;
    grammar::number_parts parts;
    bool const ok = grammar::parse_number_rule(q, begin + text.size(), style, parts);
    std::size_t const used = static_cast<std::size_t>(q - begin);
    if (!ok || used == 0) return error{0, "expected a number, found " + detail::describe_next_character(text)};
    if (used != text.size())
        return error{used, "unexpected " + detail::describe_next_character(text.substr(used)) + " after the number"};
    return resolve(parts);
}

}  // namespace zhquant
