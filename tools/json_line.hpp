// JSON strings and counts appended straight into an output buffer: what row_writer writes each
// JSON Lines row with.
//
//     std::string out;
//     append_json_string(out, "598万\n");  // "598万\n" as JSON: "598万\\n" in quotes
//     append_json_count(out, 3);
//
// Why not build boost::json objects: at tens of megabytes per second their allocation, hashing
// and destruction cost more than finding the mentions (bench/RESULTS.md).  Strings are escaped as
// Boost.JSON's serializer does (tests/cli checks the output byte for byte): `"` and `\`,
// \b \f \n \r \t, other control characters as \u00XX, UTF-8 passed through.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Appends `text` as a JSON string, quotes included.
inline void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t clean = 0;  // text[clean, i) needs no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') [[likely]]
            continue;
        out.append(text.data() + clean, i - clean);
        clean = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char const hex[] = "0123456789abcdef";
                char const escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(escaped, sizeof escaped);
            }
        }
    }
    out.append(text.data() + clean, text.size() - clean);
    out += '"';
}

// Appends `count` in decimal.
inline void append_json_count(std::string& out, std::uint64_t count) {
    char digits[20];
    char* p = digits + sizeof digits;
    do {
        *--p = static_cast<char>('0' + count % 10);
        count /= 10;
    } while (count != 0);
    out.append(p, static_cast<std::size_t>(digits + sizeof digits - p));
}
