// Every numeric mention of a report, resolved as gold/GUIDE.md defines it.
//
//     auto found = zhquant::find_mentions("1-11月规上工业总产值36923万元，同比增长 8.3%");
//     // date XXXX-01..XXXX-11 "1-11月"; quantity 369230000 元 "36923万元"; percent 8.3 "8.3%"
//
// The text is normalized first (text/normalize.hpp: PDF spaces and broken lines, full-width and
// traditional characters); every offset in the result is a byte offset into the text given.
#pragma once

#include <zhquant/config.hpp>
#include <zhquant/error.hpp>
#include <zhquant/mention.hpp>
#include <zhquant/text/line_pieces.hpp>
#include <zhquant/text/normalize.hpp>
#include <zhquant/value/units.hpp>

#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace zhquant {

struct mentions_options {
    unit_registry const* units = nullptr;  // the built-in units when null
    normalize_options normalize;
};

struct mentions_result {
    std::vector<mention> mentions;
    std::vector<error> errors;  // invalid UTF-8 (with its offset), a value too large to hold
};

ZHQUANT_DECL mentions_result find_mentions(std::string_view text, mentions_options const& options = {});

namespace detail {
// The mentions of an already normalized text, with offsets into it (for extract()), from byte
// `from` on until `most` have been found; returns where to go on (text.size() at the end), so that
// a long text can be scanned in rounds with bounded memory.
ZHQUANT_DECL std::size_t scan_mentions(std::string_view text, unit_registry const& units,
                                       std::vector<mention>& mentions, std::vector<error>& errors,
                                       std::size_t from = 0, std::size_t most = std::size_t(-1));
}  // namespace detail

// The mentions of an input that arrives in blocks, with memory bounded by the block size and the
// longest line, not by the input (line_pieces.hpp): what `zhquant mentions` runs on every file.
//
//     zhquant::mention_stream stream;
//     auto print = [](zhquant::mention const& m, std::string_view text) { ... };  // text: m's original bytes
//     auto report = [](zhquant::error const& e) { ... };  // invalid UTF-8, a value too large
//     while (read(block)) if (auto e = stream.feed(block, print, report)) return fail(*e);
//     if (auto e = stream.finish(print, report)) return fail(*e);
//
// Mentions and errors come in text order piece by piece, with offsets into the whole input; the
// mentions are find_mentions()' (which runs on this stream).  An error returned stops the input:
// invalid UTF-8 with invalid_utf8::fail, or a line longer than normalize_options::max_line_bytes.
class mention_stream {
public:
    // Pieces of about 64 KiB of text (whole lines): a piece is normalized and then read for its
    // mentions while the text and its map are still in the cache, which a megabyte piece is not
    // (7 % more MB/s, bench/RESULTS.md).
    static constexpr std::size_t default_piece_size = std::size_t{1} << 16;

    explicit mention_stream(mentions_options const& options = {}, std::size_t block_size = default_piece_size)
        : units_(options.units ? options.units : &unit_registry::builtin()), pieces_(options.normalize, block_size) {}

    template <class OnMention, class OnError>
    std::optional<error> feed(std::string_view bytes, OnMention&& on_mention, OnError&& on_error) {
        return pieces_.feed(bytes, [&](normalized_text const& piece, std::string_view original) {
            scan(piece, original, on_mention, on_error);
        });
    }

    template <class OnMention, class OnError>
    std::optional<error> finish(OnMention&& on_mention, OnError&& on_error) {
        return pieces_.finish([&](normalized_text const& piece, std::string_view original) {
            scan(piece, original, on_mention, on_error);
        });
    }

private:
    template <class OnMention, class OnError>
    void scan(normalized_text const& piece, std::string_view original, OnMention& on_mention, OnError& on_error) {
        for (auto const& e : piece.problems) on_error(e);
        std::size_t const base = piece.map.original_begin();
        // In rounds of at most `round` mentions: a line held whole may hold millions, and a round's
        // mentions (a few hundred bytes each) stay in the cache until they are handed out.
        constexpr std::size_t round = 256;
        std::size_t segment = 0;  // of the offset map, where the last mention started
        for (std::size_t at = 0; at < piece.text.size();) {
            found_.clear();
            errors_.clear();
            at = detail::scan_mentions(piece.text, *units_, found_, errors_, at, round);
            auto next_error = errors_.begin();
            for (auto& m : found_) {
                for (; next_error != errors_.end() && next_error->offset <= m.start; ++next_error)
                    on_error(error{piece.map.to_original(next_error->offset, next_error->offset).first, next_error->message});
                std::tie(m.start, m.end) = piece.map.to_original(m.start, m.end, segment);
                on_mention(std::as_const(m), original.substr(m.start - base, m.end - m.start));
            }
            for (; next_error != errors_.end(); ++next_error)
                on_error(error{piece.map.to_original(next_error->offset, next_error->offset).first, next_error->message});
        }
    }

    unit_registry const* units_;
    line_pieces pieces_;
    std::vector<mention> found_;  // reused from piece to piece
    std::vector<error> errors_;
};

}  // namespace zhquant

#if !defined(ZHQUANT_SEPARATE_COMPILATION)
#include <zhquant/impl/scan_mentions.ipp>
#include <zhquant/impl/mentions.ipp>
#endif
