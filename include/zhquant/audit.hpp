// Nothing lost: every numeric token of a text is inside a mention, or refused for a stated reason,
// or listed as unrecognized.
//
//     auto a = zhquant::audit("第八批项目3个，G318国道，一些村，增长8.3%，编号12345");
//     a.count(zhquant::token_status::mention);       // 2: "3" (3个) and "8.3" (8.3%)
//     a.count(zhquant::token_status::rejected);      // 4: 八 ordinal, 318 code, 一 word, 12345 no unit
//     a.count(zhquant::token_status::unrecognized);  // 0
//
// A numeric token is a maximal run, in the normalized text, of ASCII digits (with a '.' or ','
// between two of them) and Chinese numeral characters (零〇一..九两 壹..玖 十百千 拾佰仟 万亿兆 廿卅卌):
// "36923万", "8.3", "二〇二四", "一".  Full-width digits count, as normalization makes them ASCII.
// A token that overlaps a mention is in it.  Any other token is judged by its context, in this
// order, and the first reason that fits is given (`rejection`):
//
//   too_large    a number too large to hold exactly (an error of find_mentions)
//   word         the number finder reads no number there: 一些, 统一, 千方百计, 百姓
//   article      一 before a classifier says "a", it counts nothing: 一批, 一件, 一次性
//   ordinal      after 第: 第八批, 第3名
//   code         joined to ASCII letters: G318, 5G, A4, COVID-19
//   time         a clock time: 12:30, 9时, 三点
//   date         part of a date no mention took: 2024-12-31, 2024.12, 12号
//   list_marker  一、 / 一是 / （一） / (2) / 1. at a line's start
//   label        a name's number: 3号楼, 12栋, 5期, 第3版
//   name         inside quotes or title marks: “三农”, 《十四五规划》
//   no_unit      a number with no unit, percent sign or date word after it: 编号12345, 共3
//
// What fits none of them is unrecognized: a number followed by a unit that no mention took, or
// anything else the layers above would have to explain.  Offsets are bytes of the text given.
#pragma once

#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/error.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/mentions.hpp>
#include <zhquant/numbers.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/units.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace zhquant {

enum class token_status : std::uint8_t { mention, rejected, unrecognized };

enum class rejection : std::uint8_t {
    none,  // not rejected: in a mention, or unrecognized
    too_large,
    word,
    article,
    ordinal,
    code,
    time,
    date,
    list_marker,
    label,
    name,
    no_unit,
};

constexpr std::string_view name(token_status s) noexcept {
    switch (s) {
        case token_status::mention: return "mention";
        case token_status::rejected: return "rejected";
        case token_status::unrecognized: return "unrecognized";
    }
    return "";
}

constexpr std::string_view name(rejection r) noexcept {
    switch (r) {
        case rejection::none: return "";
        case rejection::too_large: return "too_large";
        case rejection::word: return "word";
        case rejection::article: return "article";
        case rejection::ordinal: return "ordinal";
        case rejection::code: return "code";
        case rejection::time: return "time";
        case rejection::date: return "date";
        case rejection::list_marker: return "list_marker";
        case rejection::label: return "label";
        case rejection::name: return "name";
        case rejection::no_unit: return "no_unit";
    }
    return "";
}

struct numeric_token {
    std::size_t start = 0;  // bytes of the text given
    std::size_t end = 0;
    token_status status = token_status::unrecognized;
    zhquant::rejection reason = rejection::none;  // set when status is rejected
    std::optional<std::size_t> mention;           // index into audit_result::mentions when in one
};

struct audit_result {
    std::vector<mention> mentions;       // what find_mentions gives
    std::vector<numeric_token> tokens;   // every numeric token, in order
    std::vector<error> errors;           // find_mentions' errors

    std::size_t count(token_status s) const noexcept {
        return static_cast<std::size_t>(
            std::count_if(tokens.begin(), tokens.end(), [s](numeric_token const& t) { return t.status == s; }));
    }
};

namespace detail {

// A character that numeric tokens are made of, at text[i]; its length in bytes, or 0.
inline std::size_t numeral_token_char(std::string_view text, std::size_t i) noexcept {
    char const c = text[i];
    if (c >= '0' && c <= '9') return 1;
    if (static_cast<unsigned char>(c) < 0xE0) return 0;
    char32_t const cp = decode_three_byte_utf8(text.data() + i, text.data() + text.size());
    switch (classify_numeral_char(cp).kind) {
        case numeral_char_kind::digit:
        case numeral_char_kind::zero:
        case numeral_char_kind::tens:
        case numeral_char_kind::unit:
        case numeral_char_kind::scale: return 3;
        default: return 0;
    }
}

// The numeric tokens of a normalized text, as [begin, end) byte pairs.
inline std::vector<std::pair<std::size_t, std::size_t>> numeric_tokens(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> tokens;
    auto digit_at = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = numeral_token_char(text, i);
        if (n == 0) {
            ++i;
            continue;
        }
        std::size_t const begin = i;
        while (i < text.size()) {
            if ((text[i] == '.' || text[i] == ',') && i > begin && digit_at(i - 1) && digit_at(i + 1)) {
                ++i;
                continue;
            }
            n = numeral_token_char(text, i);
            if (n == 0) break;
            i += n;
        }
        tokens.emplace_back(begin, i);
    }
    return tokens;
}

inline bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> words) noexcept {
    for (std::string_view w : words)
        if (text.substr(0, w.size()) == w) return true;
    return false;
}

inline bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> words) noexcept {
    for (std::string_view w : words)
        if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return true;
    return false;
}

// Judges a token that no mention holds, from the normalized text around it.  `number_end` is where
// the number finder's number over the token ends (0 when it reads none there).
inline rejection judge_token(std::string_view text, std::size_t begin, std::size_t end, std::size_t number_end,
                             unit_registry const& units) {
    std::string_view const before = text.substr(0, begin);
    std::string_view const after = text.substr(end);
    bool const arabic = text[begin] >= '0' && text[begin] <= '9';
    bool chinese_only = true;
    for (std::size_t i = begin; i < end; ++i)
        if ((text[i] >= '0' && text[i] <= '9') || text[i] == '.' || text[i] == ',') chinese_only = false;

    if (number_end == 0 && chinese_only) return rejection::word;
    if (text.substr(begin, end - begin) == "一")
        if (auto const u = units.longest_match(after); u && u->unit->dimension == dimension::count) return rejection::article;
    if (ends_with_any(before, {"第"})) return rejection::ordinal;
    char const previous = before.empty() ? ' ' : before.back();
    char const next = after.empty() ? ' ' : after.front();
    if (is_ascii_letter(previous) || is_ascii_letter(next) ||
        ((previous == '-' || previous == '_') && before.size() >= 2 && is_ascii_letter(before[before.size() - 2])) ||
        ((next == '-' || next == '_') && after.size() >= 2 && is_ascii_letter(after[1])))
        return rejection::code;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if ((next == ':' && after.size() >= 2 && digit(after[1])) ||
        (previous == ':' && before.size() >= 2 && digit(before[before.size() - 2])) ||
        starts_with_any(after, {"时", "点", "分", "秒"}))
        return rejection::time;
    bool const joined_after = (next == '-' || next == '/' || next == '.') && after.size() >= 2 && digit(after[1]);
    bool const joined_before =
        (previous == '-' || previous == '/' || previous == '.') && before.size() >= 2 && digit(before[before.size() - 2]);
    if ((arabic && (joined_after || joined_before)) || starts_with_any(after, {"年", "月", "日", "号"}))
        return starts_with_any(after, {"号楼", "号院"}) ? rejection::label : rejection::date;
    std::size_t const line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    bool const at_line_start = line_start == begin;
    if (starts_with_any(after, {"、", "是"}) ||
        (ends_with_any(before, {"（", "(", "【", "〔"}) && starts_with_any(after, {"）", ")", "】", "〕"})) ||
        (at_line_start && (next == '.' || starts_with_any(after, {"．"})) && !(after.size() >= 2 && digit(after[1]))))
        return rejection::list_marker;
    if (starts_with_any(after, {"栋", "楼", "室", "路", "期", "版", "章", "节", "款", "届", "轮"}))
        return rejection::label;
    // Inside quotes or title marks opened earlier on the line and not yet closed.
    std::string_view const line_before = before.substr(line_start);
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"}, {"《", "》"}, {"「", "」"}, {"\"", "\""}}) {
        std::size_t const o = line_before.rfind(open);
        if (o == std::string_view::npos || line_before.size() - o > 60) continue;
        if (open != close && line_before.find(close, o) != std::string_view::npos) continue;
        std::size_t const c = after.find(close);
        if (c != std::string_view::npos && c < 60 && after.substr(0, c).find('\n') == std::string_view::npos)
            return rejection::name;
    }
    if (number_end > 0) {
        // What follows the number: a unit, a percent sign or a date word would have made a mention.
        std::string_view rest = text.substr(number_end);
        if (starts_with_any(rest, {"余", "多"})) rest.remove_prefix(3);
        if (rest.substr(0, 2) == " %") rest.remove_prefix(1);
        bool const measured = units.longest_match(rest).has_value() ||
                              starts_with_any(rest, {"%", "％", "‰", "成", "折", "年", "月", "日", "季度"});
        if (!measured) return rejection::no_unit;
    }
    return rejection::none;
}

}  // namespace detail

// Every numeric token of `text`, each in a mention, rejected with a reason, or unrecognized.
inline audit_result audit(std::string_view text, mentions_options const& options = {}) {
    audit_result out;
    auto found = find_mentions(text, options);
    out.mentions = std::move(found.mentions);
    out.errors = std::move(found.errors);
    auto const normalized = normalize(text, options.normalize);
    if (!normalized) return out;  // invalid UTF-8 under invalid_utf8::fail: find_mentions reported it
    std::string_view const norm = normalized->text;
    auto const& map = normalized->map;
    unit_registry const& units = options.units ? *options.units : unit_registry::builtin();

    // The number finder's numbers, in normalized offsets.
    auto const numbers = find_numbers(text);
    std::vector<std::pair<std::size_t, std::size_t>> number_spans;
    for (auto const& n : numbers.numbers) number_spans.push_back(map.from_original(n.start, n.end));
    std::vector<std::size_t> too_large;
    for (auto const& e : out.errors) too_large.push_back(e.offset);
    for (auto const& e : numbers.errors) too_large.push_back(e.offset);

    std::size_t next_mention = 0, next_number = 0;
    for (auto [begin, end] : detail::numeric_tokens(norm)) {
        numeric_token t;
        std::tie(t.start, t.end) = map.to_original(begin, end);
        while (next_mention < out.mentions.size() && out.mentions[next_mention].end <= t.start) ++next_mention;
        if (next_mention < out.mentions.size() && out.mentions[next_mention].start < t.end) {
            t.status = token_status::mention;
            t.mention = next_mention;
            out.tokens.push_back(t);
            continue;
        }
        while (next_number < number_spans.size() && number_spans[next_number].second <= begin) ++next_number;
        std::size_t number_end = 0;
        if (next_number < number_spans.size() && number_spans[next_number].first < end)
            number_end = number_spans[next_number].second;
        bool const error_here = std::any_of(too_large.begin(), too_large.end(),
                                            [&](std::size_t at) { return at >= t.start && at < t.end; });
        t.reason = error_here ? rejection::too_large : detail::judge_token(norm, begin, end, number_end, units);
        t.status = t.reason == rejection::none ? token_status::unrecognized : token_status::rejected;
        out.tokens.push_back(t);
    }
    return out;
}

}  // namespace zhquant
