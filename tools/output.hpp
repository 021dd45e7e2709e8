// What a subcommand found, written as JSON Lines (the default), an aligned table, or CSV.
//
//     row_writer out(output_format::jsonl, {"doc", "start", "text"});
//     out.write({"a.txt", std::uint64_t{3}, "598万"});
//     // {"doc":"a.txt","start":3,"text":"598万"}
//     out.finish();
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

enum class output_format { jsonl, table, csv };

// The names --format accepts.
std::map<std::string, output_format> const& output_format_names();

// One field of a row: absent (left out of JSON, blank in a table), text, or a count (a JSON
// number, right-aligned in a table).  Text is viewed, not copied: it only has to outlive write().
using cell = std::variant<std::monostate, std::string_view, std::uint64_t>;

class row_writer {
public:
    row_writer(output_format format, std::vector<std::string> columns, std::FILE* out = stdout);
    row_writer(row_writer const&) = delete;
    row_writer& operator=(row_writer const&) = delete;
    ~row_writer();

    // JSON Lines are written as they come; table rows are kept until finish() can align them.
    void write(std::initializer_list<cell> row);
    // Keeps everything until finish(): for a second table that shares the output with a first one
    // still being written (extract --unclaimed -f csv).
    void hold_until_finish() { held_ = true; }
    void finish();

private:
    void write_json(std::initializer_list<cell> row);
    void write_csv(std::initializer_list<cell> row);
    void write_table();
    void flush();

    output_format format_;
    std::vector<std::string> columns_;
    // ,"name": of each column, escaped once; padded to a fixed size when short.
    struct json_key {
        static constexpr std::size_t short_size = 16;
        std::string text;
        std::array<char, short_size> padded{};
    };
    std::vector<json_key> json_keys_;
    std::FILE* out_;
    std::string buffer_;
    // Table rows until finish(): each cell's text, and whether it was a count.
    std::vector<std::vector<std::pair<std::string, bool>>> rows_;
    bool finished_ = false;
    bool header_written_ = false;
    bool held_ = false;
};

// Prints `DOC:OFFSET: error: MESSAGE` to standard error.
void print_error(std::string_view doc, std::size_t offset, std::string_view message);
