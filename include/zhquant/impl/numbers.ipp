// The number finder and the whole-string parse: numbers.hpp's functions, compiled here once
// (ZHQUANT_SEPARATE_COMPILATION) or inline in every user (header-only).
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/non_numeral_words.hpp>
#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/detail/start_chars.hpp>
#include <zhquant/grammar/number.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/resolve.hpp>

#include <boost/spirit/home/x3/core/parse.hpp>

#include <array>
#include <string>
#include <tuple>

namespace zhquant {

namespace detail {

inline std::size_t utf8_length_at(char const* p, char const* end) noexcept {
    auto const b = static_cast<unsigned char>(*p);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    return static_cast<std::size_t>(end - p) < n ? 1 : n;
}

inline bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) noexcept {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Where a number can begin: a digit, a sign, a point before digits, or a numeral character.
inline bool may_start_number(char const* p, char const* end) noexcept {
    char const c = *p;
    if (is_ascii_digit(c) || c == '-' || c == '.') return true;
    if (static_cast<unsigned char>(c) < 0xE0) return false;
    char32_t const cp = decode_three_byte_utf8(p, end);
    if ((cp >= U'０' && cp <= U'９') || cp == U'－' || cp == U'．') return true;
    numeral_char const ch = classify_numeral_char(cp);
    if (ch.kind == numeral_char_kind::scale)  // 万分之三
        return std::string_view(p, static_cast<std::size_t>(end - p)).substr(3, 6) == "分之";
    return ch.kind != numeral_char_kind::none && ch.kind != numeral_char_kind::point &&
           ch.kind != numeral_char_kind::inner_over;
}

// The character before `p` continues a number or a word, so a '-' there is not a sign (1-11月, A-1).
inline bool sign_is_joined(char const* begin, char const* p) noexcept {
    if (p == begin) return false;
    if (is_ascii_alnum(p[-1])) return true;
    if (p - begin >= 3) {
        char32_t const cp = decode_three_byte_utf8(p - 3, p);
        if (cp >= U'０' && cp <= U'９') return true;
        auto const kind = classify_numeral_char(cp).kind;
        return kind != numeral_char_kind::none && kind != numeral_char_kind::minus;
    }
    return false;
}

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

inline std::string describe_next_character(std::string_view rest) {
    if (rest.empty()) return "the end";
    std::size_t const n = utf8_length_at(rest.data(), rest.data() + rest.size());
    std::string quoted(1, '\'');
    quoted.append(rest.substr(0, n)).push_back('\'');
    return quoted;
}

}  // namespace detail

namespace detail {

// The numbers of a normalized text, with offsets into it.
inline void scan_numbers(std::string_view text, numbers_result& out) {
    namespace x3 = boost::spirit::x3;
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
        if (!x3::parse(q, end, grammar::number, parts) || q == p) {
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
    for (auto& n : out.numbers) std::tie(n.start, n.end) = map.to_original(n.start, n.end);
    for (auto& e : out.errors) e.offset = map.to_original(e.offset, e.offset).first;
    out.errors.insert(out.errors.begin(), normalized->problems.begin(), normalized->problems.end());
    return out;
}

ZHQUANT_DECL result<parsed_number> parse_number(std::string_view text, number_style style) {
    namespace x3 = boost::spirit::x3;
    static auto const grammars = std::array{grammar::number_grammar(number_style::strict),
                                            grammar::number_grammar(number_style::normal),
                                            grammar::number_grammar(number_style::smart)};
    if (text.empty()) return error{0, "expected a number, found an empty text"};
    char const* const begin = text.data();
    char const* q = begin;
    grammar::number_parts parts;
    bool const ok = x3::parse(q, begin + text.size(), grammars[static_cast<std::size_t>(style)], parts);
    std::size_t const used = static_cast<std::size_t>(q - begin);
    if (!ok || used == 0) return error{0, "expected a number, found " + detail::describe_next_character(text)};
    if (used != text.size())
        return error{used, "unexpected " + detail::describe_next_character(text.substr(used)) + " after the number"};
    return resolve(parts);
}

}  // namespace zhquant
