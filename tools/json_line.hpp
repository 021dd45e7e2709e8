// One JSON object written straight into an output buffer, field by field: what the tool prints
// per mention and per record.
//
//     std::string out;
//     json_line o(out);
//     o.field("doc", "a.txt").field("start", 3u);
//     o.begin_object("value").field("text", "598万").end_object();
//     o.end();  // {"doc":"a.txt","start":3,"value":{"text":"598万"}}\n
//
// Why not build boost::json objects: at hundreds of megabytes per second the objects' allocation,
// hashing and destruction cost more than finding the mentions (bench/RESULTS.md).  Strings are
// escaped as Boost.JSON's serializer does (tests/cli checks the output byte for byte against
// Boost.JSON parsing it back): `"` and `\`, \b \f \n \r \t, other control characters as \u00XX,
// UTF-8 passed through.
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

class json_line {
public:
    explicit json_line(std::string& out) : out_(out) { out_ += '{'; }

    json_line& field(std::string_view name, std::string_view text) {
        key(name);
        append_json_string(out_, text);
        return *this;
    }
    json_line& field(std::string_view name, char const* text) { return field(name, std::string_view(text)); }
    json_line& field(std::string_view name, std::uint64_t count) {
        key(name);
        append_json_count(out_, count);
        return *this;
    }
    // Leaves a field out when its text is empty (GUIDE.md's optional fields).
    json_line& field_if(std::string_view name, std::string_view text) {
        return text.empty() ? *this : field(name, text);
    }

    json_line& begin_object(std::string_view name) {
        key(name);
        out_ += '{';
        first_ = true;
        return *this;
    }
    json_line& end_object() {
        out_ += '}';
        first_ = false;
        return *this;
    }
    json_line& begin_array(std::string_view name) {
        key(name);
        out_ += '[';
        first_ = true;
        return *this;
    }
    // An object as the next element of the array being written.
    json_line& begin_element() {
        if (!first_) out_ += ',';
        out_ += '{';
        first_ = true;
        return *this;
    }
    json_line& end_array() {
        out_ += ']';
        first_ = false;
        return *this;
    }

    // Closes the object and the line.
    void end() { out_ += "}\n"; }

private:
    void key(std::string_view name) {
        if (!first_) out_ += ',';
        first_ = false;
        append_json_string(out_, name);
        out_ += ':';
    }

    std::string& out_;
    bool first_ = true;
};
