// The mention scan of normalized text: mentions.hpp's detail::scan_mentions, compiled here once
// (ZHQUANT_SEPARATE_COMPILATION) or inline in every user (header-only).
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/detail/start_chars.hpp>
#include <zhquant/grammar/mention.hpp>
#include <zhquant/mentions.hpp>
#include <zhquant/value/mention_value.hpp>

#include <algorithm>

namespace zhquant {

namespace detail {

// Where a mention can begin: where a number can, at a currency sign, or at a word that opens one
// (a qualifier such as 约 or 超过, 上半年, 打对折, 半成).  Common characters such as 大 and 上 open a
// mention only in those words, so they are checked here, before the reader is started.
inline bool may_start_mention(char const* p, char const* end) noexcept {
    if (may_start_number(p, end)) return true;
    std::string_view const rest(p, static_cast<std::size_t>(end - p));
    if (*p == '$' || rest.substr(0, 2) == "¥" || rest.substr(0, 2) == "£") return true;
    if (static_cast<unsigned char>(*p) < 0xE0) return false;
    auto next_is = [&](std::initializer_list<std::string_view> words) {
        for (auto w : words)
            if (rest.substr(3, w.size()) == w) return true;
        return false;
    };
    switch (decode_three_byte_utf8(p, end)) {
        case U'约': case U'近': case U'超': case U'逾': case U'￥': case U'€': return true;
        case U'大': return next_is({"约", "概"});
        case U'将': return next_is({"近"});
        case U'接': return next_is({"近"});
        case U'不': return next_is({"足", "到"});
        case U'多': return next_is({"达"});
        case U'高': return next_is({"于"});
        case U'上': case U'下': return next_is({"半年"});
        case U'半': return next_is({"成", "折"});
        case U'对': return next_is({"折"});
        default: return false;
    }
}

// The mentions of a normalized text, with offsets into that text.
ZHQUANT_DECL std::size_t scan_mentions(std::string_view text, unit_registry const& units,
                                       std::vector<mention>& mentions, std::vector<error>& errors, std::size_t from,
                                       std::size_t most) {
    grammar::mention_reader const reader(units);
    char const* const begin = text.data();
    char const* const end = begin + text.size();
    char const* p = begin + std::min(from, text.size());
    grammar::mention_parts parts;
    std::size_t found = 0;
    while (found < most && (p = skip_to_candidate(p, end, mention_start_chars)) < end) {
        std::size_t const step = utf8_length_at(p, end);
        if (!may_start_mention(p, end)) {
            p += step;
            continue;
        }
        bool const dash = *p == '-' || (step == 3 && std::string_view(p, 3) == "－");
        if (dash && sign_is_joined(begin, p)) {
            p += step;
            continue;
        }
        if (!reader.read(begin, p, end, parts)) {
            p = parts.number_end && parts.number_end > p ? parts.number_end : p + step;
            continue;
        }
        if (auto e = fill_mention(parts, begin, mentions.emplace_back())) {
            mentions.pop_back();
            errors.push_back(std::move(*e));
        }
        ++found;
        p = parts.end > p ? parts.end : p + step;
    }
    return static_cast<std::size_t>(p - begin);
}

}  // namespace detail

}  // namespace zhquant
