// What every fuzz target shares: an invariant check that stops the run with a readable report, and
// the small oracles the targets compare zhquant against.
//
//     ZHQUANT_FUZZ_CHECK(m.start <= m.end, "mention span reversed");
//
// A failed check prints the input (escaped) and the message, then aborts: libFuzzer then saves the
// input as a crash, and the replay main (replay_main.cpp) fails its CTest test.
#pragma once

#include <zhquant/value/decimal.hpp>
#include <zhquant/value/rational.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace zhquant::fuzz {

// The input being checked, for the report.
inline std::string_view& current_input() {
    static thread_local std::string_view input;
    return input;
}

inline std::string escaped(std::string_view s, std::size_t limit = 600) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
        auto const c = static_cast<unsigned char>(s[i]);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (s.size() > limit) out += "...";
    return out;
}

[[noreturn]] inline void fail(char const* file, int line, char const* condition, std::string const& what) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n  check: %s\n  input (%zu bytes): \"%s\"\n", file, line,
                 what.c_str(), condition, current_input().size(), escaped(current_input()).c_str());
    std::fflush(stderr);
    std::abort();
}

#define ZHQUANT_FUZZ_CHECK(condition, what)                                                                      \
    do {                                                                                                         \
        if (!(condition)) ::zhquant::fuzz::fail(__FILE__, __LINE__, #condition, std::string(what));              \
    } while (false)

// Is `s` well-formed UTF-8 (no surrogates, no overlong forms, nothing above U+10FFFF)?
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto const b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        char32_t c = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            n = 1, c = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 2, c = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 3, c = b & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            auto const t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return false;
            c = (c << 6) | (t & 0x3F);
        }
        if ((n == 2 && c < 0x800) || (n == 3 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

// Is byte `at` of `s` the first byte of a character (or the end)?  A continuation byte is not.
inline bool at_character_boundary(std::string_view s, std::size_t at) {
    return at == 0 || at >= s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

// A value's text read back: "8.3", "-1/3"; nullopt when a part is longer than a decimal holds
// (rational::to_string may print such integers, "1/1000…0" for 10^-39).
inline std::optional<rational> reparse(std::string_view text) {
    std::size_t const slash = text.find('/');
    auto const top = decimal::parse(text.substr(0, slash));
    if (!top) return std::nullopt;
    if (slash == std::string_view::npos) return rational(*top);
    auto const bottom = decimal::parse(text.substr(slash + 1));
    if (!bottom) return std::nullopt;
    return rational::make(*top, *bottom);
}

// Whether a rational's text is one the reader above cannot take back: a part of more than 38 digits.
inline bool has_long_part(std::string_view text) {
    std::size_t digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            if (++digits > 38) return true;
        } else {
            digits = 0;
        }
    }
    return false;
}

// A value printed and read back is itself.
inline void check_reparses(rational const& value, char const* what) {
    std::string const text = value.to_string();
    auto const back = reparse(text);
    if (!back) {
        ZHQUANT_FUZZ_CHECK(has_long_part(text), std::string(what) + " prints as unreadable \"" + text + "\"");
        return;
    }
    ZHQUANT_FUZZ_CHECK(*back == value, std::string(what) + " \"" + text + "\" reads back as \"" + back->to_string() + "\"");
}

}  // namespace zhquant::fuzz
