// Fuzz target: normalization and its offset map.
//
// The last input byte chooses the options (bit 0: no PDF repair, bit 1: no traditional folding,
// bit 2: fail on invalid UTF-8, bit 5: lines of at most 64 bytes) and how the streaming normalizer
// is driven (bits 3-4: its block size, 1 to 4096 bytes; bits 6-7: the size of the blocks fed to
// it); the bytes before it are the text.
//
// Invariants: the result is valid UTF-8; the map covers the whole input and the whole result, its
// segments tile both in order, a copied segment's bytes are the input's; to_original is monotone
// and in bounds, never cuts a character, and from_original inverts it on segment boundaries; the
// problems are in order and in bounds; the streamed pieces concatenate to exactly normalize()'s
// text and map; normalizing a result without combining marks again changes nothing.  It
// fails only for invalid UTF-8 under invalid_utf8::fail or for a line longer than the maximum,
// and streaming fails alike.
#include "fuzz_check.hpp"

#include <zhquant/text/normalize.hpp>

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zhquant::fuzz::at_character_boundary;

void check_map(std::string_view input, zhquant::normalized_text const& n) {
    auto const& map = n.map;
    ZHQUANT_FUZZ_CHECK(map.size() == n.text.size(), "map size " + std::to_string(map.size()) + " != text size " +
                                                        std::to_string(n.text.size()));
    ZHQUANT_FUZZ_CHECK(map.original_begin() == 0, "map does not start at the input's start");
    ZHQUANT_FUZZ_CHECK(map.original_end() == input.size(), "map covers " + std::to_string(map.original_end()) +
                                                               " of " + std::to_string(input.size()) + " input bytes");
    std::size_t original = 0, normalized = 0;
    for (auto const s : map) {
        ZHQUANT_FUZZ_CHECK(s.original_begin == original && s.normalized_begin == normalized, "segments do not tile");
        ZHQUANT_FUZZ_CHECK(s.original_end >= s.original_begin && s.normalized_end >= s.normalized_begin,
                           "segment reversed");
        ZHQUANT_FUZZ_CHECK(s.original_end > s.original_begin || s.normalized_end > s.normalized_begin,
                           "empty segment");
        if (s.copied) {
            ZHQUANT_FUZZ_CHECK(s.original_end - s.original_begin == s.normalized_end - s.normalized_begin,
                               "copied segment changes length");
            ZHQUANT_FUZZ_CHECK(input.substr(s.original_begin, s.original_end - s.original_begin) ==
                                   std::string_view(n.text).substr(s.normalized_begin, s.normalized_end - s.normalized_begin),
                               "copied segment's bytes differ from the input's");
        } else {
            ZHQUANT_FUZZ_CHECK(s.original_end > s.original_begin, "replacement of no original bytes");
            // A replaced piece maps back whole: its span and the piece are each other's images.
            auto const back = map.to_original(s.normalized_begin, s.normalized_end);
            if (s.normalized_end > s.normalized_begin)
                ZHQUANT_FUZZ_CHECK(back.first == s.original_begin && back.second == s.original_end,
                                   "a replaced piece does not map back to itself");
        }
        auto const forth = map.from_original(s.original_begin, s.original_end);
        ZHQUANT_FUZZ_CHECK(forth.first == s.normalized_begin && forth.second == s.normalized_end,
                           "from_original does not invert a segment");
        original = s.original_end;
        normalized = s.normalized_end;
    }
    ZHQUANT_FUZZ_CHECK(original == input.size() && normalized == n.text.size(), "segments stop short");

    // Every character boundary of the result maps to a character boundary of the input, in order.
    std::size_t previous = 0;
    for (std::size_t i = 0; i <= n.text.size(); ++i) {
        if (!at_character_boundary(n.text, i)) continue;
        auto const at = map.to_original(i, i);
        ZHQUANT_FUZZ_CHECK(at.first == at.second, "an empty span maps to a non-empty one");
        ZHQUANT_FUZZ_CHECK(at.first <= input.size(), "offset out of bounds");
        ZHQUANT_FUZZ_CHECK(at.first >= previous, "to_original is not monotone at " + std::to_string(i));
        previous = at.first;
        if (i < n.text.size()) {
            std::size_t j = i + 1;
            while (j < n.text.size() && !at_character_boundary(n.text, j)) ++j;
            auto const span = map.to_original(i, j);
            ZHQUANT_FUZZ_CHECK(span.first <= span.second && span.second <= input.size(), "character span out of order");
            ZHQUANT_FUZZ_CHECK(span.first == at.first, "a character's span starts elsewhere than its position");
            if (zhquant::fuzz::valid_utf8(input))
                ZHQUANT_FUZZ_CHECK(at_character_boundary(input, span.first) && at_character_boundary(input, span.second),
                                   "a character maps to a span that cuts an input character");
        }
    }
    auto const whole = map.to_original(0, n.text.size());
    if (!n.text.empty()) ZHQUANT_FUZZ_CHECK(whole.second <= input.size(), "whole span out of bounds");
    // Clamping: out-of-range arguments stay in bounds.
    auto const clamped = map.to_original(n.text.size() + 5, n.text.size() + 9);
    ZHQUANT_FUZZ_CHECK(clamped.first == input.size() && clamped.second == input.size(), "clamped span wrong");

    std::size_t last_problem = 0;
    for (auto const& p : n.problems) {
        ZHQUANT_FUZZ_CHECK(p.offset < input.size(), "problem offset out of bounds");
        ZHQUANT_FUZZ_CHECK(p.offset >= last_problem, "problems out of order");
        ZHQUANT_FUZZ_CHECK(!p.message.empty(), "problem without a message");
        last_problem = p.offset;
    }
}

// Whether `text` holds a combining mark.  Normalizing twice may then differ: marks that whitespace
// or an invisible character kept apart compose or reorder the second time (ﾃ, a line break, ﾞ:
// テ and U+3099, then デ), and a reordered mark may change what PDF repair does with a line break
// before it.  Texts without marks are a fixed point.
bool has_combining_mark(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto const u = zhquant::detail::decode_utf8(text.data() + i, text.data() + text.size());
        auto const c = static_cast<UChar32>(u.code_point);
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK ||
            u_charType(c) == U_COMBINING_SPACING_MARK)
            return true;
        i += u.length;
    }
    return false;
}

// The longest line in bytes, lines ending at LF, CR, VT, FF, NEL, U+2028 or U+2029 (whose bytes
// are always that character, even next to invalid UTF-8).
std::size_t longest_line(std::string_view s) {
    std::size_t longest = 0, begin = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t length = 0;
        if (s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')
            length = 1;
        else if (s.substr(i, 2) == "\xC2\x85")
            length = 2;
        else if (s.substr(i, 3) == "\xE2\x80\xA8" || s.substr(i, 3) == "\xE2\x80\xA9")
            length = 3;
        if (length == 0) {
            ++i;
            continue;
        }
        longest = std::max(longest, i - begin);
        i += length;
        begin = i;
    }
    return std::max(longest, s.size() - begin);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const raw(reinterpret_cast<char const*>(data), size);
    zhquant::fuzz::current_input() = raw;
    if (size == 0) return 0;
    auto const control = static_cast<unsigned char>(raw.back());
    std::string_view const input = raw.substr(0, size - 1);

    zhquant::normalize_options options;
    options.repair_pdf = (control & 1) == 0;
    options.fold_traditional = (control & 2) == 0;
    options.on_invalid = (control & 4) ? zhquant::invalid_utf8::fail : zhquant::invalid_utf8::replace;
    options.max_line_bytes = (control & 0x20) ? 64 : zhquant::normalize_options{}.max_line_bytes;
    std::size_t const block_sizes[] = {1, 16, 100, 4096};
    std::size_t const block_size = block_sizes[(control >> 3) & 3];
    std::size_t const feed_sizes[] = {1, 3, 17, input.size() + 1};
    std::size_t const feed_size = feed_sizes[(control >> 6) & 3];

    auto const whole = zhquant::normalize(input, options);
    bool const valid = zhquant::fuzz::valid_utf8(input);
    std::size_t const longest = longest_line(input);
    if (!whole) {
        auto const& e = whole.error();
        ZHQUANT_FUZZ_CHECK(e.offset < input.size(), "error offset out of bounds");
        if (e.message.rfind("line longer than", 0) == 0) {
            ZHQUANT_FUZZ_CHECK(longest > options.max_line_bytes, "line error, but no line is longer than " +
                                                                     std::to_string(options.max_line_bytes) + ": " +
                                                                     e.message);
        } else {
            ZHQUANT_FUZZ_CHECK(options.on_invalid == zhquant::invalid_utf8::fail && !valid,
                               "normalize failed: " + e.message);
            ZHQUANT_FUZZ_CHECK(zhquant::fuzz::valid_utf8(input.substr(0, e.offset)),
                               "error reported after a valid prefix's end");
        }
        // Streaming stops at the same place for the same reason.
        zhquant::normalizer streaming(options, block_size);
        std::optional<zhquant::error> streamed;
        auto ignore = [](zhquant::normalized_text&&) {};
        for (std::size_t at = 0; at < input.size() && !streamed; at += feed_size)
            streamed = streaming.feed(input.substr(at, feed_size), ignore);
        if (!streamed) streamed = streaming.finish(ignore);
        ZHQUANT_FUZZ_CHECK(streamed && *streamed == e, "streaming does not fail as normalize() does: " + e.message);
        return 0;
    }
    ZHQUANT_FUZZ_CHECK(longest <= options.max_line_bytes, "a line of " + std::to_string(longest) +
                                                                  " bytes passed the maximum of " +
                                                                  std::to_string(options.max_line_bytes));
    ZHQUANT_FUZZ_CHECK(zhquant::fuzz::valid_utf8(whole->text), "normalized text is not valid UTF-8");
    ZHQUANT_FUZZ_CHECK(valid == whole->problems.empty(), "problems reported for valid UTF-8, or none for invalid");
    check_map(input, *whole);

    // The same input streamed: the pieces concatenate to the whole.
    zhquant::normalizer streaming(options, block_size);
    std::string text;
    std::vector<zhquant::offset_map::segment> segments;
    std::size_t problems = 0;
    std::size_t next_original = 0;
    auto sink = [&](zhquant::normalized_text&& piece) {
        ZHQUANT_FUZZ_CHECK(piece.map.original_begin() == next_original, "a piece does not start where the last ended");
        ZHQUANT_FUZZ_CHECK(piece.map.size() == piece.text.size(), "a piece's map and text differ in size");
        for (auto s : piece.map) {
            s.normalized_begin += text.size();
            s.normalized_end += text.size();
            // A copied run cut between two pieces continues in the next one.
            if (!segments.empty() && s.copied && segments.back().copied && segments.back().original_end == s.original_begin &&
                segments.back().normalized_end == s.normalized_begin) {
                segments.back().original_end = s.original_end;
                segments.back().normalized_end = s.normalized_end;
            } else {
                segments.push_back(s);
            }
        }
        next_original = piece.map.original_end();
        text += piece.text;
        problems += piece.problems.size();
    };
    for (std::size_t at = 0; at < input.size(); at += feed_size) {
        auto const e = streaming.feed(input.substr(at, feed_size), sink);
        ZHQUANT_FUZZ_CHECK(!e, "streaming failed where normalize() did not");
    }
    ZHQUANT_FUZZ_CHECK(!streaming.finish(sink), "streaming failed at the end");
    ZHQUANT_FUZZ_CHECK(streaming.consumed() == input.size(), "streaming did not consume the whole input");
    ZHQUANT_FUZZ_CHECK(text == whole->text, "streamed text differs: \"" + zhquant::fuzz::escaped(text) + "\" vs \"" +
                                                zhquant::fuzz::escaped(whole->text) + "\"");
    ZHQUANT_FUZZ_CHECK(problems == whole->problems.size(), "streamed problems differ");
    std::vector<zhquant::offset_map::segment> const expected(whole->map.begin(), whole->map.end());
    ZHQUANT_FUZZ_CHECK(segments == expected, "streamed offset map differs");

    // Normalized text is a fixed point.
    // (PDF repair joins lines, so the result's lines may be longer than the input's: no limit here.)
    auto again_options = options;
    again_options.max_line_bytes = zhquant::normalizer::unlimited;
    auto const again = zhquant::normalize(whole->text, again_options);
    ZHQUANT_FUZZ_CHECK(again && (again->text == whole->text || has_combining_mark(whole->text)),
                       "normalizing twice changes the text: \"" + zhquant::fuzz::escaped(whole->text) + "\" -> \"" +
                           (again ? zhquant::fuzz::escaped(again->text) : std::string("error")) + "\"");
    return 0;
}
