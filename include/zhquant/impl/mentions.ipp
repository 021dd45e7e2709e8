// The mention finder: mentions.hpp's function, compiled here once (ZHQUANT_SEPARATE_COMPILATION)
// or inline in every user (header-only).
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/detail/numeral_chars.hpp>
#include <zhquant/grammar/mention.hpp>
#include <zhquant/impl/numbers.ipp>
#include <zhquant/mentions.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/mention_value.hpp>

namespace zhquant {

namespace detail {

// Where a mention can begin: where a number can, or at a qualifier or 上/下 (半年).
inline bool may_start_mention(char const* p, char const* end) noexcept {
    if (may_start_number(p, end)) return true;
    if (*p == '$' || std::string_view(p, static_cast<std::size_t>(end - p)).substr(0, 2) == "¥" ||
        std::string_view(p, static_cast<std::size_t>(end - p)).substr(0, 2) == "£")
        return true;
    if (static_cast<unsigned char>(*p) < 0xE0) return false;
    switch (decode_three_byte_utf8(p, end)) {
        case U'约': case U'大': case U'将': case U'接': case U'不': case U'近': case U'超':
        case U'多': case U'逾': case U'高': case U'上': case U'下': case U'半': case U'对': case U'€':
        case U'￥': return true;
        default: return false;
    }
}

// The mentions of a normalized text, with offsets into that text.
ZHQUANT_DECL void scan_mentions(std::string_view text, unit_registry const& units, std::vector<mention>& mentions,
                                std::vector<error>& errors) {
    grammar::mention_reader const reader(units);
    char const* const begin = text.data();
    char const* const end = begin + text.size();
    char const* p = begin;
    grammar::mention_parts parts;
    while (p < end) {
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
        auto m = to_mention(parts, begin);
        if (m) mentions.push_back(std::move(*m));
        else errors.push_back(m.error());
        p = parts.end > p ? parts.end : p + step;
    }
}

}  // namespace detail

ZHQUANT_DECL mentions_result find_mentions(std::string_view text, mentions_options const& options) {
    mentions_result out;
    auto normalized = normalize(text, options.normalize);
    if (!normalized) {
        out.errors.push_back(normalized.error());
        return out;
    }
    out.errors = std::move(normalized->problems);
    std::vector<error> found_errors;
    detail::scan_mentions(normalized->text, options.units ? *options.units : unit_registry::builtin(), out.mentions,
                          found_errors);
    auto const& map = normalized->map;
    for (auto& m : out.mentions) std::tie(m.start, m.end) = map.to_original(m.start, m.end);
    for (auto& e : found_errors) out.errors.push_back(error{map.to_original(e.offset, e.offset).first, e.message});
    return out;
}

}  // namespace zhquant
