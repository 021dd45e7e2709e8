// JSON strings and counts written straight into an output buffer: what row_writer writes each
// JSON Lines row with.
//
//     std::string out;
//     append_json_string(out, "598万\n");  // "598万\\n", quotes included
//
//     char row[64];
//     char* p = write_json_count(row, 3);  // "3"; p is past it
//
// Why not build boost::json objects: at tens of megabytes per second their allocation, hashing
// and destruction cost more than finding the mentions (bench/RESULTS.md).  The write_ functions
// take a pointer into room the caller made (json_string_bound, json_count_bound): a row is sized
// once and filled with plain stores, where appending each piece to a std::string cost more than
// the rest of the output.  Strings are escaped as Boost.JSON's serializer does (tests/cli checks
// the output byte for byte): `"` and `\`, \b \f \n \r \t, other control characters as \u00XX,
// UTF-8 passed through.
#pragma once

#include <zhquant/detail/int128.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

// The most bytes write_json_string and write_json_count can write.
constexpr std::size_t json_string_bound(std::string_view text) { return 2 + 6 * text.size(); }
constexpr std::size_t json_count_bound = 20;

namespace json_line_detail {

// Whether any of 8 bytes is a control character, `"` or `\` (bit tricks on one word at a time:
// report text is long runs of UTF-8 that need no escape).
inline bool needs_escape(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    auto const has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    // A byte below 0x20: x - 0x20 borrows into its high bit, unless the byte had it set already.
    std::uint64_t const control = (bytes - 0x20 * ones) & ~bytes & highs;
    return (control | has_zero(bytes ^ ('"' * ones)) | has_zero(bytes ^ ('\\' * ones))) != 0;
}

// Which bytes JSON escapes: control characters, `"` and `\`.
inline constexpr auto escaped_byte = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = true;
    table['"'] = table['\\'] = true;
    return table;
}();

inline bool any_needs_escape(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t bytes;
        std::memcpy(&bytes, text.data() + i, 8);
        if (needs_escape(bytes)) return true;
    }
    for (; i < text.size(); ++i)
        if (escaped_byte[static_cast<unsigned char>(text[i])]) return true;
    return false;
}

// "name": at `p`, a literal that needs no escape, copied at its constant size.
template <std::size_t N>
char* put_key(char* p, char const (&name)[N]) {
    assert(!any_needs_escape({name, N - 1}));
    *p++ = '"';
    std::memcpy(p, name, N - 1);
    p += N - 1;
    *p++ = '"';
    *p++ = ':';
    return p;
}

// A few bytes (quantity, exact): copied without a call to memcpy, which the compiler makes of a
// plain loop.
inline char* copy_short(char* p, std::string_view text) {
    std::size_t const n = text.size();
    char const* s = text.data();
    if (n >= 8) {  // words, the last one overlapping the one before
        for (std::size_t k = 0; k + 8 < n; k += 8) std::memcpy(p + k, s + k, 8);
        std::memcpy(p + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(p, s, 4);
        std::memcpy(p + n - 4, s + n - 4, 4);
    } else {
        for (std::size_t k = 0; k < n; ++k) p[k] = s[k];
    }
    return p + n;
}

inline char* write_escaped(char* out, unsigned char c) {
    switch (c) {
        case '"': *out++ = '\\'; *out++ = '"'; return out;
        case '\\': *out++ = '\\'; *out++ = '\\'; return out;
        case '\b': *out++ = '\\'; *out++ = 'b'; return out;
        case '\f': *out++ = '\\'; *out++ = 'f'; return out;
        case '\n': *out++ = '\\'; *out++ = 'n'; return out;
        case '\r': *out++ = '\\'; *out++ = 'r'; return out;
        case '\t': *out++ = '\\'; *out++ = 't'; return out;
        default: {
            char const hex[] = "0123456789abcdef";
            char const escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            std::memcpy(out, escaped, sizeof escaped);
            return out + sizeof escaped;
        }
    }
}

}  // namespace json_line_detail

// Writes `text` as a JSON string, quotes included, at `out` (room: json_string_bound(text));
// returns the end of what it wrote.
inline char* write_json_string(char* out, std::string_view text) {
    *out++ = '"';
    char const* p = text.data();
    char const* const end = p + text.size();
    while (p < end) {
        for (; end - p >= 8; p += 8, out += 8) {  // words with nothing to escape, copied whole
            std::uint64_t bytes;
            std::memcpy(&bytes, p, 8);
            if (json_line_detail::needs_escape(bytes)) break;
            std::memcpy(out, p, 8);
        }
        // The last few bytes (most values are that short: 3, 吨, kg): copied, and only looked at
        // again when one of them needs an escape.
        if (std::size_t const left = static_cast<std::size_t>(end - p); left < 8) {
            bool escape = false;
            for (std::size_t k = 0; k < left; ++k) {
                out[k] = p[k];
                escape |= json_line_detail::escaped_byte[static_cast<unsigned char>(p[k])];
            }
            if (!escape) {
                out += left;
                break;
            }
        }
        // The word with an escape, or the last bytes with one, byte by byte.
        for (char const* const stop = end - p > 8 ? p + 8 : end; p < stop; ++p) {
            auto const c = static_cast<unsigned char>(*p);
            if (!json_line_detail::escaped_byte[c]) [[likely]]
                *out++ = static_cast<char>(c);
            else
                out = json_line_detail::write_escaped(out, c);
        }
    }
    *out++ = '"';
    return out;
}

// Writes `count` in decimal at `out` (room: json_count_bound); returns the end.  Two digits a
// division, from the end, which the digit count says: log10 from the bit width (1233 / 4096 is
// just above log10 2), one comparison to settle it.  Every row has two counts.
inline char* write_json_count(char* out, std::uint64_t count) {
    auto const& pairs = zhquant::detail::digit_pairs;
    static constexpr auto powers = [] {
        std::array<std::uint64_t, 20> p{};
        p[0] = 1;
        for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
        return p;
    }();
    std::uint64_t const nonzero = count | 1;  // 0 has one digit, as 1 has
    std::size_t const below = (static_cast<std::size_t>(std::bit_width(nonzero)) * 1233) >> 12;
    std::size_t const digits = below + (nonzero >= powers[below] ? 1 : 0);
    char* const end = out + digits;
    char* p = end;
    while (count >= 100) {
        std::size_t const pair = static_cast<std::size_t>(count % 100) * 2;
        count /= 100;
        *--p = pairs[pair + 1];
        *--p = pairs[pair];
    }
    if (count >= 10) {
        *--p = pairs[count * 2 + 1];
        *--p = pairs[count * 2];
    } else {
        *--p = static_cast<char>('0' + count);
    }
    return end;
}

// Appends `text` as a JSON string, quotes included.
inline void append_json_string(std::string& out, std::string_view text) {
    if (!json_line_detail::any_needs_escape(text)) {  // the common case: copied as it is
        out += '"';
        out.append(text);
        out += '"';
        return;
    }
    std::size_t const old = out.size();
    out.resize(old + json_string_bound(text));
    char* const end = write_json_string(out.data() + old, text);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

// A key and its value as JSON text, `"doc":"a.txt"`, made once for the rows that all repeat it
// (each row of a file names the file): a row copies it instead of escaping the name again.
class json_member {
public:
    json_member(std::string_view name, std::string_view value) : name_(name), value_(value) {
        append_json_string(text_, name_);
        text_ += ':';
        append_json_string(text_, value_);
    }
    std::string_view name() const noexcept { return name_; }
    std::string_view value() const noexcept { return value_; }
    std::string_view text() const noexcept { return text_; }

private:
    std::string name_;
    std::string value_;
    std::string text_;
};

// JSON Lines waiting to be written out.  Rows are written into room at the end of the text, and
// the room is made without filling it first: std::string::resize zero-fills every byte it adds,
// which cost as much as writing the row when each row made its room that way.  The bytes past the
// text stay allocated across clear(), so once the buffer has its working size nothing is filled
// again.
//
//     json_lines_buffer lines;
//     char* p = lines.room(json_count_bound);
//     lines.end_at(write_json_count(p, 42));
//     lines.end_line();
//     std::fwrite(lines.text().data(), 1, lines.size(), stdout);  // 42\n
//     lines.clear();
class json_lines_buffer {
public:
    std::string_view text() const noexcept { return {bytes_.data(), size_}; }
    std::size_t size() const noexcept { return size_; }
    void clear() noexcept { size_ = 0; }

    // Room for `n` bytes after the text; where it starts.  What is written there is not text
    // until end_at() says where it ends.
    char* room(std::size_t n) {
        if (bytes_.size() - size_ < n) [[unlikely]]
            grow(n);
        return bytes_.data() + size_;
    }
    // How many bytes of room there are now.
    std::size_t room_size() const noexcept { return bytes_.size() - size_; }
    // The text ends at `p`, in the room made last.
    void end_at(char const* p) noexcept { size_ = static_cast<std::size_t>(p - bytes_.data()); }
    void end_line() {
        *room(1) = '\n';
        ++size_;
    }

private:
    [[gnu::noinline]] void grow(std::size_t n) { bytes_.resize(std::max(size_ + n, 2 * bytes_.size())); }

    std::string bytes_;  // the text, then room
    std::size_t size_ = 0;
};

// JSON text written call by call — objects, arrays, keys and values — where the caller knows the
// structure (a record and its mentions): no tree is built.  Commas are the writer's business.
// Each key or value is written into room at the end of `out` for the most it can take, and `out`
// is told where the text ends when the writer goes: read `out` after that.
//
//     json_lines_buffer out;
//     {
//         json_text_writer w(out);
//         w.begin_object(); w.key("start"); w.count(3); w.key("unit"); w.string("元"); w.end_object();
//     }
//     // out.text(): {"start":3,"unit":"元"}
class json_text_writer {
public:
    explicit json_text_writer(json_lines_buffer& out) : out_(out), at_(out.room(0)), limit_(at_ + out.room_size()) {}
    json_text_writer(json_text_writer const&) = delete;
    json_text_writer& operator=(json_text_writer const&) = delete;
    ~json_text_writer() { out_.end_at(at_); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view name) {
        char* p = start(json_string_bound(name) + 1);
        p = write_json_string(p, name);
        *p++ = ':';
        end_at(p, false);
    }
    // A key written in the source ("start"), which needs no escape: copied as it is, its size a
    // constant (a few moves, no call).
    template <std::size_t N>
    void key(char const (&name)[N]) {
        end_at(json_line_detail::put_key(start(N + 2), name), false);
    }
    // A literal key and its value at once, in one room with one comma: what most fields are.
    template <std::size_t N>
    void field(char const (&name)[N], std::string_view text) {
        char* const p = start(N + 2 + json_string_bound(text));
        end_at(write_json_string(json_line_detail::put_key(p, name), text));
    }
    template <std::size_t N>
    void field(char const (&name)[N], std::uint64_t n) {
        char* const p = start(N + 2 + json_count_bound);
        end_at(write_json_count(json_line_detail::put_key(p, name), n));
    }
    template <std::size_t N, class Write>
    void plain_field(char const (&name)[N], std::size_t most, Write&& write) {
        char* p = json_line_detail::put_key(start(N + 2 + most + 2), name);
        *p++ = '"';
        p = write(p);
        *p++ = '"';
        end_at(p);
    }
    void string(std::string_view text) {
        char* const p = start(json_string_bound(text));
        end_at(write_json_string(p, text));
    }
    void count(std::uint64_t n) {
        char* const p = start(json_count_bound);
        end_at(write_json_count(p, n));
    }
    // A string that needs no escape, of at most `most` bytes, which `write(char* at)` puts at `at`
    // and returns the end of: a number's digits written in place, a name of the program's own.
    template <class Write>
    void plain_string(std::size_t most, Write&& write) {
        char* p = start(most + 2);
        *p++ = '"';
        p = write(p);
        *p++ = '"';
        end_at(p);
    }
    void plain_string(std::string_view text) {
        assert(!json_line_detail::any_needs_escape(text));
        plain_string(text.size(), [text](char* p) { return json_line_detail::copy_short(p, text); });
    }
    template <std::size_t N>
    void plain_field(char const (&name)[N], std::string_view text) {
        assert(!json_line_detail::any_needs_escape(text));
        plain_field(name, text.size(), [text](char* p) { return json_line_detail::copy_short(p, text); });
    }
    // A key and value written before (json_member), copied.
    void member(json_member const& m) {
        std::string_view const text = m.text();
        char* const p = start(text.size());
        end_at(json_line_detail::copy_short(p, text));
    }

private:
    // Room for `n` bytes at the end of what was written; where it starts.  The writer keeps its
    // own end and limit, which stay in registers while a row is written.
    char* room(std::size_t n) {
        if (static_cast<std::size_t>(limit_ - at_) < n) [[unlikely]] {
            out_.end_at(at_);
            at_ = out_.room(n);
            limit_ = at_ + out_.room_size();
        }
        return at_;
    }
    // Room for a key or value of at most `most` bytes and the comma before it, which is written
    // when something came before it in its object or array: where the key or value goes.
    char* start(std::size_t most) {
        char* const p = room(most + 1);
        *p = ',';
        return p + (comma_ ? 1 : 0);
    }
    // The text written so far ends at `p`; the next key or value takes a comma unless this was
    // a key or an opening bracket.
    void end_at(char* p, bool comma_next = true) {
        at_ = p;
        comma_ = comma_next;
    }
    void open(char bracket) {
        char* const p = start(1);
        *p = bracket;
        end_at(p + 1, false);
    }
    void close(char bracket) {
        char* const p = room(1);
        *p = bracket;
        end_at(p + 1);
    }

    json_lines_buffer& out_;
    char* at_;     // the end of the text written
    char* limit_;  // the end of the room
    bool comma_ = false;  // whether the next key or value needs a comma before it
};

// One JSON Lines row of fields after a first member (the doc), written into room made for all of
// it at once: no key or value checks the room, and every one after the first takes a comma, so
// none is counted.  What `zhquant mentions` writes a hundred thousand times a second; the fields
// are json_text_writer's calls, so one description of a row serves both.
//
//     json_row_writer w(out, doc, 200);  // room for at most 200 bytes of row
//     w.field("start", std::uint64_t{3});
//     // when w goes: {"doc":"a.txt","start":3}
class json_row_writer {
public:
    // `most`: a bound of the whole row, which the caller adds up (json_string_bound, ...).
    json_row_writer(json_lines_buffer& out, json_member const& first, std::size_t most)
        : out_(out), at_(out.room(most)), limit_(at_ + most) {
        *at_++ = '{';
        at_ = json_line_detail::copy_short(at_, first.text());
    }
    json_row_writer(json_row_writer const&) = delete;
    json_row_writer& operator=(json_row_writer const&) = delete;
    ~json_row_writer() {
        *at_++ = '}';
        assert(at_ <= limit_);
        out_.end_at(at_);
    }

    template <std::size_t N>
    void field(char const (&name)[N], std::string_view text) {
        at_ = write_json_string(key(name), text);
    }
    template <std::size_t N>
    void field(char const (&name)[N], std::uint64_t n) {
        at_ = write_json_count(key(name), n);
    }
    template <std::size_t N, class Write>
    void plain_field(char const (&name)[N], std::size_t, Write&& write) {
        char* p = key(name);
        *p++ = '"';
        p = write(p);
        *p++ = '"';
        at_ = p;
    }
    template <std::size_t N>
    void plain_field(char const (&name)[N], std::string_view text) {
        assert(!json_line_detail::any_needs_escape(text));
        plain_field(name, text.size(), [text](char* p) { return json_line_detail::copy_short(p, text); });
    }

private:
    template <std::size_t N>
    char* key(char const (&name)[N]) {
        *at_ = ',';
        return json_line_detail::put_key(at_ + 1, name);
    }

    json_lines_buffer& out_;
    char* at_;
    [[maybe_unused]] char* limit_;  // for the assertion that the bound held
};
