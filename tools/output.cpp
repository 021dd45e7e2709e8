#include "output.hpp"

#include "display_width.hpp"
#include "json_line.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <utility>

std::map<std::string, output_format> const& output_format_names() {
    static std::map<std::string, output_format> const names{
        {"jsonl", output_format::jsonl},
        {"table", output_format::table},
        {"csv", output_format::csv},
    };
    return names;
}

namespace {

// A table cell stays on one line: control characters are shown as escapes.
std::string table_text(cell const& c) {
    if (auto const* count = std::get_if<std::uint64_t>(&c)) return fmt::format("{}", *count);
    auto const* text = std::get_if<std::string_view>(&c);
    if (!text) return {};
    std::string shown;
    shown.reserve(text->size());
    for (char ch : *text) {
        auto byte = static_cast<unsigned char>(ch);
        if (ch == '\n')
            shown += "\\n";
        else if (ch == '\r')
            shown += "\\r";
        else if (ch == '\t')
            shown += "\\t";
        else if (byte < 0x20 || byte == 0x7F)
            shown += fmt::format("\\x{:02x}", byte);
        else
            shown += ch;
    }
    return shown;
}

}  // namespace

row_writer::row_writer(output_format format, std::vector<std::string> columns, std::FILE* out)
    : format_(format), columns_(std::move(columns)), out_(out) {}

row_writer::~row_writer() { finish(); }

void row_writer::write(std::initializer_list<cell> row) {
    if (format_ == output_format::jsonl) {
        write_json(row);
    } else if (format_ == output_format::csv) {
        write_csv(row);
    } else {
        auto& kept = rows_.emplace_back();
        for (cell const& c : row) kept.emplace_back(table_text(c), std::holds_alternative<std::uint64_t>(c));
        kept.resize(columns_.size());
    }
}

void row_writer::finish() {
    if (finished_) return;
    finished_ = true;
    if (format_ == output_format::table) write_table();
    flush();
}

void row_writer::write_json(std::initializer_list<cell> row) {
    if (json_keys_.empty()) {
        for (auto const& c : columns_) {
            std::string key(",");
            append_json_string(key, c);
            key += ':';
            json_keys_.push_back(json_key{key, {}});
            if (key.size() <= json_key::short_size) std::memcpy(json_keys_.back().padded.data(), key.data(), key.size());
        }
    }
    // The row's largest size first, then plain stores (json_line.hpp says why); a short key is
    // one fixed-size copy of its padded bytes, which the room allows for.
    std::size_t room = 3;  // {, } and the line break
    auto key = json_keys_.begin();
    for (cell const& c : row) {
        if (key == json_keys_.end()) break;
        room += json_key::short_size + key->text.size();
        if (auto const* text = std::get_if<std::string_view>(&c)) room += json_string_bound(*text);
        else room += json_count_bound;
        ++key;
    }
    std::size_t const old = buffer_.size();
    buffer_.resize(old + room);
    char* out = buffer_.data() + old;
    char* const first = out;
    key = json_keys_.begin();
    for (cell const& c : row) {
        if (key == json_keys_.end()) break;
        auto const* text = std::get_if<std::string_view>(&c);
        auto const* count = std::get_if<std::uint64_t>(&c);
        if (text || count) {
            if (key->text.size() <= json_key::short_size) std::memcpy(out, key->padded.data(), json_key::short_size);
            else std::memcpy(out, key->text.data(), key->text.size());
            out += key->text.size();
            out = text ? write_json_string(out, *text) : write_json_count(out, *count);
        }
        ++key;
    }
    // Every key came with a comma before it: the first one's becomes the brace.  With no field,
    // the brace is written where that comma would have been.
    if (out == first) ++out;
    *first = '{';
    *out++ = '}';
    *out++ = '\n';
    buffer_.resize(static_cast<std::size_t>(out - buffer_.data()));
    if (!held_ && buffer_.size() >= (1u << 16)) flush();
}

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

void row_writer::write_csv(std::initializer_list<cell> row) {
    auto line = [this](auto const& fields, auto&& text_of) {
        std::size_t i = 0;
        for (auto const& f : fields) {
            if (i++ > 0) buffer_ += ',';
            append_csv_field(buffer_, text_of(f));
        }
        for (; i < columns_.size(); ++i) buffer_ += ',';
        buffer_ += "\r\n";
    };
    if (!header_written_) {
        line(columns_, [](std::string const& c) { return std::string_view(c); });
        header_written_ = true;
    }
    line(row, [](cell const& c) -> std::string {
        if (auto const* count = std::get_if<std::uint64_t>(&c)) return fmt::format("{}", *count);
        if (auto const* text = std::get_if<std::string_view>(&c)) return std::string(*text);
        return {};
    });
    if (!held_ && buffer_.size() >= (1u << 16)) flush();
}

void row_writer::write_table() {
    std::size_t const n = columns_.size();
    std::vector<std::vector<std::string>> lines;
    lines.reserve(rows_.size() + 1);
    lines.push_back(columns_);
    for (auto& row : rows_) {
        std::vector<std::string> line;
        line.reserve(n);
        for (auto& c : row) line.push_back(std::move(c.first));
        lines.push_back(std::move(line));
    }

    // A column is right-aligned when every value in it is a count.
    std::vector<bool> numeric(n, !rows_.empty());
    std::vector<std::size_t> width(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (auto const& row : rows_)
            if (!row[i].second) numeric[i] = false;
        for (auto const& line : lines) width[i] = std::max(width[i], display_width(line[i]));
    }

    for (auto const& line : lines) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t pad = width[i] - display_width(line[i]);
            if (i > 0) out += "  ";
            if (numeric[i]) out.append(pad, ' ');
            out += line[i];
            if (!numeric[i]) out.append(pad, ' ');
        }
        out.erase(out.find_last_not_of(' ') + 1);
        buffer_ += out;
        buffer_ += '\n';
        if (!held_ && buffer_.size() >= (1u << 16)) flush();
    }
    rows_.clear();
}

void row_writer::flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    buffer_.clear();
    std::fflush(out_);
}

void print_error(std::string_view doc, std::size_t offset, std::string_view message) {
    fmt::print(stderr, "{}:{}: error: {}\n", doc, offset, message);
}
