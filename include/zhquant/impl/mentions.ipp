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
    if (static_cast<unsigned char>(*p) < 0xE0) return false;
    switch (decode_three_byte_utf8(p, end)) {
        case U'约': case U'大': case U'将': case U'接': case U'不': case U'近': case U'超':
        case U'多': case U'逾': case U'高': case U'上': case U'下': return true;
        default: return false;
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
    std::string const& norm = normalized->text;
    grammar::mention_reader const reader(options.units ? *options.units : unit_registry::builtin());

    char const* const begin = norm.data();
    char const* const end = begin + norm.size();
    char const* p = begin;
    grammar::mention_parts parts;
    while (p < end) {
        std::size_t const step = detail::utf8_length_at(p, end);
        if (!detail::may_start_mention(p, end)) {
            p += step;
            continue;
        }
        bool const dash = *p == '-' || (step == 3 && std::string_view(p, 3) == "－");
        if (dash && detail::sign_is_joined(begin, p)) {
            p += step;
            continue;
        }
        if (!reader.read(begin, p, end, parts)) {
            p = parts.number_end && parts.number_end > p ? parts.number_end : p + step;
            continue;
        }
        auto m = to_mention(parts, begin);
        if (!m) {
            auto const [orig, orig_end] = normalized->map.to_original(m.error().offset, m.error().offset);
            out.errors.push_back(error{orig, m.error().message});
        } else {
            auto const [orig_start, orig_end] = normalized->map.to_original(m->start, m->end);
            m->start = orig_start;
            m->end = orig_end;
            out.mentions.push_back(std::move(*m));
        }
        p = parts.end > p ? parts.end : p + step;
    }
    return out;
}

}  // namespace zhquant
