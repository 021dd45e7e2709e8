// An input that arrives in blocks, normalized into pieces that end at line breaks, each handed
// out with the original bytes it came from: what the streaming mention finder and extract() read.
//
//     zhquant::line_pieces pieces;
//     auto scan = [](zhquant::normalized_text const& piece, std::string_view original) {
//         // piece.text: whole lines, normalized; piece.map: its offsets into the whole input;
//         // original: the input's bytes [piece.map.original_begin(), piece.map.original_end())
//     };
//     while (read(block)) if (auto e = pieces.feed(block, scan)) return fail(*e);
//     if (auto e = pieces.finish(scan)) return fail(*e);
//
// A piece holds whole lines (normalizer with piece_end::line_break), so nothing that the grammars
// read is cut in two; memory stays bounded by about twice the block size plus the longest line.
#pragma once

#include <zhquant/text/normalize.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zhquant {

class line_pieces {
public:
    explicit line_pieces(normalize_options options = {}, std::size_t block_size = normalizer::default_block_size)
        : normalizer_(options, block_size, piece_end::line_break) {}

    // The next bytes of the input; `sink(normalized_text const&, std::string_view original)` gets
    // each complete piece.  An error as normalizer::feed gives it.
    template <class Sink>
    std::optional<error> feed(std::string_view bytes, Sink&& sink) {
        // What the pieces took goes once per block, not once per piece: a block holds many
        // pieces, and erasing each from the front moved the rest of the block every time.
        window_.erase(0, handed_out_);
        window_begin_ += handed_out_;
        handed_out_ = 0;
        window_.append(bytes);
        return normalizer_.feed(bytes, [&](normalized_text&& piece) { hand_out(piece, sink); });
    }

    // The end of the input: the last piece.
    template <class Sink>
    std::optional<error> finish(Sink&& sink) {
        return normalizer_.finish([&](normalized_text&& piece) { hand_out(piece, sink); });
    }

    // Original bytes consumed so far.
    std::size_t consumed() const noexcept { return normalizer_.consumed(); }

private:
    template <class Sink>
    void hand_out(normalized_text const& piece, Sink& sink) {
        std::size_t const from = piece.map.original_begin() - window_begin_;
        std::size_t const to = piece.map.original_end() - window_begin_;
        sink(piece, std::string_view(window_).substr(from, to - from));
        handed_out_ = to;  // the rest: input the normalizer holds or has not reached
    }

    normalizer normalizer_;
    std::string window_;  // the input from window_begin_ on
    std::size_t window_begin_ = 0;
    std::size_t handed_out_ = 0;  // bytes at the window's front that pieces took, erased at the next feed
};

}  // namespace zhquant
