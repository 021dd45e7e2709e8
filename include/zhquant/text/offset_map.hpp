// Where each byte of a normalized text came from: a byte range of the original input.
//
//     // original "5647 万\n元" (13 bytes) normalized to "5647万元" (10 bytes):
//     // copy "5647", delete " ", copy "万", delete "\n", copy "元"
//     zhquant::offset_map m;
//     m.append_copy(4); m.append_replacement(1, 0); m.append_copy(3); m.append_replacement(1, 0); m.append_copy(3);
//     m.to_original(0, 10);  // {0, 13}: the whole expression, the dropped space and line break included
//     m.to_original(4, 7);   // {5, 8}: "万"
//
// The map is a sorted list of segments that tile both texts in order.  A segment either copies a
// run of bytes unchanged (1:1, so every byte maps exactly) or replaces original [a,b) by normalized
// [c,d) as one piece (a full-width digit, a CRLF, a deleted whitespace run when d == c).  A span
// that starts or ends inside a replaced piece widens to the whole original piece, so a mapped span
// never cuts a character in two.  Mapping is monotone: a later normalized byte never maps before an
// earlier one.  Storage is two offsets per segment; both ends are implied by the next segment.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace zhquant {

class offset_map {
public:
    // One segment, as iteration shows it (for `--map` output and tests).
    struct segment {
        std::size_t original_begin = 0;
        std::size_t original_end = 0;
        std::size_t normalized_begin = 0;
        std::size_t normalized_end = 0;
        bool copied = false;  // bytes identical and mapped 1:1; otherwise one replaced piece

        friend bool operator==(segment const&, segment const&) = default;
    };

    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = segment;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = segment;

        iterator() = default;
        segment operator*() const { return map_->segment_at(index_); }
        iterator& operator++() {
            ++index_;
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++index_;
            return old;
        }
        friend bool operator==(iterator const& a, iterator const& b) { return a.index_ == b.index_; }

    private:
        friend class offset_map;
        iterator(offset_map const* map, std::size_t index) : map_(map), index_(index) {}
        offset_map const* map_ = nullptr;
        std::size_t index_ = 0;
    };

    offset_map() = default;

    // An empty map whose first segment will start at `original_begin` of the original input (a
    // piece of a streamed input starts where the previous piece ended).
    explicit offset_map(std::size_t original_begin) noexcept
        : original_begin_(original_begin), original_end_(original_begin) {}

    // Building, front to back: each call covers the next original bytes.

    // The next `length` original bytes are copied unchanged.
    void append_copy(std::size_t length) {
        if (length == 0) return;
        if (entries_.empty() || !entries_.back().copied()) entries_.push_back(entry::make(original_end_, size_, true));
        original_end_ += length;
        size_ += length;
    }

    // The next `original_length` original bytes become `normalized_length` bytes, as one piece.
    // normalized_length == 0 deletes them.  Consecutive deletions merge; other pieces stay apart.
    void append_replacement(std::size_t original_length, std::size_t normalized_length) {
        assert(original_length > 0 || normalized_length == 0);
        if (original_length == 0) return;
        bool const merge_deletion = normalized_length == 0 && !entries_.empty() && !entries_.back().copied() &&
                                    entries_.back().normalized() == size_;
        if (!merge_deletion) entries_.push_back(entry::make(original_end_, size_, false));
        original_end_ += original_length;
        size_ += normalized_length;
    }

    // Bytes of normalized text.
    // Room for `segments` segments: a whole document's map grows without copying.
    void reserve(std::size_t segments) { entries_.reserve(segments); }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }

    // The original bytes the map covers: [original_begin(), original_end()).
    std::size_t original_begin() const noexcept { return original_begin_; }
    std::size_t original_end() const noexcept { return original_end_; }

    // Segments, front to back.
    std::size_t segment_count() const noexcept { return entries_.size(); }
    iterator begin() const noexcept { return {this, 0}; }
    iterator end() const noexcept { return {this, entries_.size()}; }

    // The original range [first, second) that normalized [norm_begin, norm_end) came from.  A span
    // touching part of a replaced piece widens to the whole piece; an empty span maps to the empty
    // original position where its byte starts (original_end() at the end).  Out-of-range arguments
    // are clamped to [0, size()].
    std::pair<std::size_t, std::size_t> to_original(std::size_t norm_begin, std::size_t norm_end) const noexcept {
        std::size_t segment = 0;
        return to_original(norm_begin, norm_end, segment);
    }

    // The same for spans asked in the order of the text (a scanner's mentions): `segment` holds
    // where the last span started, so the search starts there, and is set to where this one
    // starts.  Start it at 0.
    std::pair<std::size_t, std::size_t> to_original(std::size_t norm_begin, std::size_t norm_end,
                                                    std::size_t& segment) const noexcept {
        norm_end = std::min(norm_end, size_);
        norm_begin = std::min(norm_begin, norm_end);
        if (norm_begin == size_) return {original_end_, original_end_};
        std::size_t const k = segment < entries_.size() && entries_[segment].normalized() <= norm_begin
                                  ? containing_near(norm_begin, segment)
                                  : containing(norm_begin);
        segment = k;
        std::size_t const first = entries_[k].copied() ? entries_[k].original + (norm_begin - entries_[k].normalized())
                                                       : entries_[k].original;
        if (norm_end == norm_begin) return {first, first};
        std::size_t const last = containing_near(norm_end - 1, k);
        std::size_t const second = entries_[last].copied()
                                       ? entries_[last].original + (norm_end - entries_[last].normalized())
                                       : original_end_of(last);
        return {first, second};
    }

    // The normalized bytes that came from inside original [orig_begin, orig_end): a replaced piece
    // counts only when the whole piece lies inside.  The inverse of to_original for spans that
    // start and end on piece boundaries.
    std::pair<std::size_t, std::size_t> from_original(std::size_t orig_begin, std::size_t orig_end) const noexcept {
        orig_begin = std::clamp(orig_begin, original_begin_, original_end_);
        orig_end = std::clamp(orig_end, orig_begin, original_end_);
        std::size_t first = size_;
        if (orig_begin < original_end_) {
            std::size_t const k = containing_original(orig_begin);
            if (entries_[k].copied())
                first = entries_[k].normalized() + (orig_begin - entries_[k].original);
            else
                first = orig_begin == entries_[k].original ? entries_[k].normalized() : normalized_end_of(k);
        }
        std::size_t second = first;
        if (orig_end > orig_begin) {
            std::size_t const k = containing_original(orig_end - 1);
            if (entries_[k].copied())
                second = entries_[k].normalized() + (orig_end - entries_[k].original);
            else
                second = orig_end == original_end_of(k) ? normalized_end_of(k) : entries_[k].normalized();
        }
        return {first, std::max(first, second)};
    }

    // Splits off the front: the returned map covers normalized [0, normalized) and original
    // [original_begin(), original); this map keeps the rest, renumbered so its normalized text
    // starts at 0.  (normalized, original) must be a cut between segments or a matching point
    // inside a copied run.
    offset_map take_front(std::size_t normalized, std::size_t original) {
        assert(normalized <= size_ && original >= original_begin_ && original <= original_end_);
        offset_map front(original_begin_);
        auto const at = std::lower_bound(entries_.begin(), entries_.end(), original,
                                         [](entry const& e, std::size_t o) { return e.original < o; });
        std::size_t const k = static_cast<std::size_t>(at - entries_.begin());
        bool const inside =
            k > 0 && original < original_end_ && (k == entries_.size() || entries_[k].original != original);
        // The front is most of the map: it takes the buffer, and the few entries after the cut go
        // to a new one as big, so that the map neither copies its front nor regrows entry by
        // entry for the next piece.
        front.entries_.swap(entries_);
        entries_.reserve(front.entries_.capacity());
        if (inside) {
            assert(front.entries_[k - 1].copied());
            assert(normalized - front.entries_[k - 1].normalized() == original - front.entries_[k - 1].original);
            entries_.push_back(entry::make(original, 0, true));
        }
        for (std::size_t i = k; i < front.entries_.size(); ++i) {
            entry const e = front.entries_[i];
            assert(e.normalized() >= normalized);
            entries_.push_back(entry::make(e.original, e.normalized() - normalized, e.copied()));
        }
        front.entries_.resize(k);
        front.original_end_ = original;
        front.size_ = normalized;
        original_begin_ = original;
        size_ -= normalized;
        return front;
    }

private:
    // Where a segment starts in both texts; the copied flag rides in the top bit.
    struct entry {
        static constexpr std::uint64_t copied_bit = std::uint64_t{1} << 63;
        std::uint64_t original;
        std::uint64_t normalized_and_flag;

        static entry make(std::size_t original, std::size_t normalized, bool copied) noexcept {
            return {original, normalized | (copied ? copied_bit : 0)};
        }
        std::size_t normalized() const noexcept { return static_cast<std::size_t>(normalized_and_flag & ~copied_bit); }
        bool copied() const noexcept { return (normalized_and_flag & copied_bit) != 0; }
    };

    std::size_t original_end_of(std::size_t k) const noexcept {
        return k + 1 < entries_.size() ? static_cast<std::size_t>(entries_[k + 1].original) : original_end_;
    }
    std::size_t normalized_end_of(std::size_t k) const noexcept {
        return k + 1 < entries_.size() ? entries_[k + 1].normalized() : size_;
    }

    // The segment holding normalized byte `n` (n < size_): the last one starting at or before it.
    // Deletions start where the next segment starts, so they are never the answer.
    // Searched by halves from segment `from`, which starts at or before n.
    std::size_t containing(std::size_t n, std::size_t from = 0) const noexcept {
        auto const it = std::upper_bound(entries_.begin() + static_cast<std::ptrdiff_t>(from), entries_.end(), n,
                                         [](std::size_t v, entry const& e) { return v < e.normalized(); });
        return static_cast<std::size_t>(it - entries_.begin()) - 1;
    }

    // The same, stepping a few segments from `from` first: a span's end lies a segment or two
    // after its start's, where a search of the whole map takes a dozen steps.
    std::size_t containing_near(std::size_t n, std::size_t from) const noexcept {
        for (int step = 0; step < 4; ++step, ++from)
            if (from + 1 == entries_.size() || entries_[from + 1].normalized() > n) return from;
        return containing(n, from);
    }

    // The segment holding original byte `o` (original_begin_ <= o < original_end_).
    std::size_t containing_original(std::size_t o) const noexcept {
        auto const it = std::upper_bound(entries_.begin(), entries_.end(), o,
                                         [](std::size_t v, entry const& e) { return v < e.original; });
        return static_cast<std::size_t>(it - entries_.begin()) - 1;
    }

    segment segment_at(std::size_t k) const noexcept {
        return {static_cast<std::size_t>(entries_[k].original), original_end_of(k), entries_[k].normalized(),
                normalized_end_of(k), entries_[k].copied()};
    }

    std::vector<entry> entries_;
    std::size_t original_begin_ = 0;
    std::size_t original_end_ = 0;
    std::size_t size_ = 0;
};

}  // namespace zhquant
