// The HTML view of `zhquant extract --format html`: one self-contained page (inline CSS and a
// little inline JavaScript; no network, no external files).
//
//     html_report page("township_report");
//     page.add("a.txt", bytes, extraction, problems);   // once per document, in order
//     page.write(stdout);
//
// For each document: its original text, each mention highlighted by kind
// (<mark class="m quantity" data-kind="quantity" data-start=.. data-end=..>), unclaimed mentions
// marked (class "unclaimed"), the text of each match outlined
// (<span class="match" data-rule=.. data-records="0 1">, one match may make several records); a
// sortable table of its records (<tr class="record">) with a button that copies it as
// tab-separated text.  At the top, the totals (#summary, with data-documents, data-mentions,
// data-records, data-unclaimed).  Clicking a match or a mention shows its details.  Offsets in
// data attributes are bytes of the original text.
//
// Opened as report.html#selftest, the page's script sorts, clicks and copies by itself and
// writes the outcome to <body data-selftest="pass"> (or "fail: why"): tests/browser uses it.
#pragma once

#include <zhquant/record.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

class html_report {
public:
    explicit html_report(std::string rule_set);

    // A document and what extract() made of it; `problems` are its error messages.
    void add(std::string const& doc, std::string_view bytes, zhquant::extraction const& x,
             std::vector<std::string> const& problems);
    // A document that could not be read.
    void add_unreadable(std::string const& doc, std::string const& reason);

    void write(std::FILE* out) const;

    std::size_t documents() const noexcept { return documents_; }

private:
    std::string rule_set_;
    std::string sections_;  // the documents' <section>s, in order
    std::string contents_;  // the table of contents' items
    std::size_t documents_ = 0, mentions_ = 0, records_ = 0, unclaimed_ = 0, unreadable_ = 0;
};
