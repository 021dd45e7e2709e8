// Checking that input is UTF-8, and saying exactly where and why it is not.
//
//     zhquant::utf8_problems("ab\xFF");   // {{2, "invalid UTF-8 byte 0xFF"}}
//     zhquant::utf8_problems("\xE4\xB8"); // {{0, "truncated UTF-8 sequence 0xE4 0xB8"}}
//
// The decoder follows the Unicode "maximal subpart" practice (the one ICU and browsers use): each
// maximal invalid subsequence is one problem and, under invalid_utf8::replace, one U+FFFD.  Refused:
// overlong forms (C0 AF, E0 80 80), UTF-16 surrogates encoded in UTF-8 (ED A0 80), code points above
// U+10FFFF (F4 90 80 80, F5..FF), truncated sequences and stray continuation bytes.  NUL and other
// control characters are valid UTF-8 and are kept as characters; they are not problems.
#pragma once

#include <zhquant/error.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant {

// What normalization does with bytes that are not UTF-8.
enum class invalid_utf8 {
    replace,  // each maximal invalid subsequence becomes U+FFFD and is reported as a problem
    fail,     // normalization stops with an error at the first one
};

namespace detail {

enum class utf8_status : std::uint8_t {
    valid,
    stray_continuation,  // 80..BF where a character should start
    overlong,            // C0, C1; E0 80..9F; F0 80..8F
    surrogate,           // ED A0..BF: U+D800..DFFF
    too_large,           // F5..F7; F4 90..BF: above U+10FFFF
    not_utf8,            // F8..FF: never in UTF-8
    truncated,           // a good start, then a byte that does not continue it, or the end
};

// One step through UTF-8: a code point, or one maximal invalid subsequence (code_point U+FFFD).
struct utf8_unit {
    char32_t code_point = 0;
    std::uint8_t length = 0;  // bytes consumed, at least 1
    utf8_status status = utf8_status::valid;
    bool at_end = false;      // truncated by the end of the bytes given: more bytes might complete it
};

// Decodes at `p` (p < end).
constexpr utf8_unit decode_utf8(char const* p, char const* end) noexcept {
    auto const byte = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(p[i]); };
    unsigned char const b0 = byte(0);
    if (b0 < 0x80) return {b0, 1, utf8_status::valid, false};
    if (b0 < 0xC0) return {0xFFFD, 1, utf8_status::stray_continuation, false};
    if (b0 < 0xC2) return {0xFFFD, 1, utf8_status::overlong, false};
    if (b0 > 0xF7) return {0xFFFD, 1, utf8_status::not_utf8, false};
    if (b0 > 0xF4) return {0xFFFD, 1, utf8_status::too_large, false};
    int const need = b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
    // The range the second byte must lie in (Unicode Table 3-7); later bytes are 80..BF.
    unsigned char lo = 0x80, hi = 0xBF;
    utf8_status second_fault = utf8_status::truncated;
    if (b0 == 0xE0) lo = 0xA0, second_fault = utf8_status::overlong;
    if (b0 == 0xED) hi = 0x9F, second_fault = utf8_status::surrogate;
    if (b0 == 0xF0) lo = 0x90, second_fault = utf8_status::overlong;
    if (b0 == 0xF4) hi = 0x8F, second_fault = utf8_status::too_large;
    char32_t c = b0 & (b0 < 0xE0 ? 0x1F : b0 < 0xF0 ? 0x0F : 0x07);
    for (int i = 1; i <= need; ++i) {
        if (p + i >= end) return {0xFFFD, static_cast<std::uint8_t>(i), utf8_status::truncated, true};
        unsigned char const b = byte(i);
        bool const ok = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) {
            bool const continuation = b >= 0x80 && b <= 0xBF;
            utf8_status const why = i == 1 && continuation ? second_fault : utf8_status::truncated;
            return {0xFFFD, static_cast<std::uint8_t>(i), why, false};
        }
        c = (c << 6) | (b & 0x3F);
    }
    return {c, static_cast<std::uint8_t>(need + 1), utf8_status::valid, false};
}

// Writes code point `c` (assumed valid) as UTF-8 to `out` (room for 4 bytes); returns the length.
constexpr std::size_t encode_utf8(char32_t c, char* out) noexcept {
    if (c < 0x80) {
        out[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = static_cast<char>(0xC0 | (c >> 6));
        out[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (c >> 12));
        out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (c >> 18));
    out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

// The message for an invalid unit decoded at `p`.
inline std::string describe_invalid_utf8(char const* p, utf8_unit const& u) {
    static constexpr char hex[] = "0123456789ABCDEF";
    auto const byte_text = [&](std::size_t i) {
        auto const b = static_cast<unsigned char>(p[i]);
        return std::string{'0', 'x', hex[b >> 4], hex[b & 0xF]};
    };
    if (u.status == utf8_status::truncated) {
        std::string m = "truncated UTF-8 sequence";
        for (std::size_t i = 0; i < u.length; ++i) m += ' ' + byte_text(i);
        return m;
    }
    std::string m = "invalid UTF-8 byte " + byte_text(0);
    switch (u.status) {
        case utf8_status::stray_continuation: m += " (stray continuation byte)"; break;
        case utf8_status::overlong: m += " (overlong form)"; break;
        case utf8_status::surrogate: m += " (surrogate code point)"; break;
        case utf8_status::too_large: m += " (code point above U+10FFFF)"; break;
        default: break;
    }
    return m;
}

}  // namespace detail

// Every maximal invalid subsequence of `text`, in order, at most `limit` of them; offsets are
// byte offsets into `text`.
inline std::vector<error> utf8_problems(std::string_view text,
                                        std::size_t limit = std::numeric_limits<std::size_t>::max()) {
    std::vector<error> problems;
    char const* const begin = text.data();
    char const* const end = begin + text.size();
    for (char const* p = begin; p < end && problems.size() < limit;) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        detail::utf8_unit const u = detail::decode_utf8(p, end);
        if (u.status != detail::utf8_status::valid)
            problems.push_back({static_cast<std::size_t>(p - begin), detail::describe_invalid_utf8(p, u)});
        p += u.length;
    }
    return problems;
}

inline bool is_valid_utf8(std::string_view text) noexcept {
    char const* const end = text.data() + text.size();
    for (char const* p = text.data(); p < end;) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        detail::utf8_unit const u = detail::decode_utf8(p, end);
        if (u.status != detail::utf8_status::valid) return false;
        p += u.length;
    }
    return true;
}

}  // namespace zhquant
