// Records and mentions as the tool prints them: JSON objects (extract -f jsonl), short texts for
// table cells (a change as "同比 up 8.3%"), and a record as a rule-case line (explain).
//
//     record_json("a.txt", r, x, bytes);   // {"doc":"a.txt","start":0,...,"rule":"figure",...}
//     case_line(r, x, bytes);              // figure | indicator=税收 | value=598万元 | change=同比 up 8.3%
#pragma once

#include "input.hpp"
#include "json_line.hpp"

#include <zhquant/record.hpp>

#include <boost/json/object.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The original bytes that offsets point into: a whole document, or a piece of one that starts at
// offset `begin` of the document (extract_stream's pieces).
struct original_text {
    original_text(std::string_view bytes, std::size_t begin = 0) : bytes(bytes), begin(begin) {}  // NOLINT: implicit

    // The document's bytes [start, end), clamped to the piece.
    std::string_view view(std::size_t start, std::size_t end) const {
        start = start < begin ? 0 : std::min(start - begin, bytes.size());
        end = end < begin ? 0 : std::min(end - begin, bytes.size());
        return bytes.substr(start, end > start ? end - start : 0);
    }
    std::string slice(std::size_t start, std::size_t end) const { return std::string(view(start, end)); }

    std::string_view bytes;
    std::size_t begin = 0;
};

// A mention as GUIDE.md writes it, with the bytes of the original text.
boost::json::object mention_json(zhquant::mention const& m, original_text const& bytes);

// A record with its mentions, as `extract -f jsonl` prints it, as an object (explain, the Python
// module).
boost::json::object record_json(std::string const& doc, zhquant::record const& r, zhquant::extraction const& x,
                                original_text const& bytes);

// The same record as one line of JSON text (no line break), appended to `out`: what `extract -f
// jsonl` writes, without building the objects (the same fields: both come from one description).
// `doc`: json_member("doc", path), made once per document.
void append_record_json(json_lines_buffer& out, json_member const& doc, zhquant::record const& r,
                        zhquant::extraction const& x, original_text const& bytes);

// {"doc":…,"start":…,…,"si_value":…,"si_unit":…}: a mention as `zhquant mentions -f jsonl`
// writes it (no line break), `text` its original bytes; appended to `out`.
void append_mention_json(json_lines_buffer& out, json_member const& doc, zhquant::mention const& m,
                         std::string_view text);

// {"doc":…,"unclaimed":{mention}}: a mention no record took, as `extract -f jsonl --unclaimed`
// writes it.
void append_unclaimed_json(json_lines_buffer& out, json_member const& doc, zhquant::mention const& m,
                           original_text const& bytes);

// The text of mention `i` (empty when there is none).
std::string mention_text(std::optional<std::size_t> i, zhquant::extraction const& x, original_text const& bytes);

// A record's changes: "同比 up 8.3%; down 60%".
std::string changes_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes);

// A record's further values: "面积=273.48亩; 人=2257人".
std::string values_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes);

// A record's share: "目标任务 151.01%".
std::string share_text(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes);

// A mention's value for people: "5980000 元", "XXXX-01..XXXX-11", "8.3 %".
std::string mention_value_text(zhquant::mention const& m);

// A record as a line of a rule-case file (zhquant/rules/testing.hpp).
std::string case_line(zhquant::record const& r, zhquant::extraction const& x, original_text const& bytes);
