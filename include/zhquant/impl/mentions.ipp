// The mention finder: mentions.hpp's find_mentions, compiled here once (ZHQUANT_SEPARATE_COMPILATION)
// or inline in every user (header-only).  It normalizes and streams; the scan itself is
// scan_mentions.ipp's.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/mentions.hpp>

namespace zhquant {

ZHQUANT_DECL mentions_result find_mentions(std::string_view text, mentions_options const& options) {
    mentions_result out;
    mention_stream stream(options);
    auto keep = [&out](mention const& m, std::string_view) { out.mentions.push_back(m); };
    auto report = [&out](error const& e) { out.errors.push_back(e); };
    if (auto e = stream.feed(text, keep, report)) {
        out.errors.push_back(*e);
        return out;
    }
    if (auto e = stream.finish(keep, report)) out.errors.push_back(*e);
    return out;
}

}  // namespace zhquant
