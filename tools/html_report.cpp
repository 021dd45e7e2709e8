#include "html_report.hpp"

#include "input.hpp"
#include "record_text.hpp"

#include "display_width.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

namespace {


// Text for HTML, in content and in quoted attributes: & < > " ' escaped; bytes that are not
// UTF-8 and control characters other than tab and line breaks become U+FFFD.
void append_escaped(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t const n = sequence_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (n == 1) {
            char const c = s[i];
            auto const b = static_cast<unsigned char>(c);
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                case '\t':
                case '\n':
                case '\r': out += c; break;
                default: out += (b < 0x20 || b == 0x7F) ? std::string_view("\xEF\xBF\xBD") : std::string_view(&c, 1);
            }
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
}

std::string escaped(std::string_view s) {
    std::string out;
    append_escaped(out, s);
    return out;
}

// An offset moved back to the start of the character it falls in, so no element splits one.
std::size_t char_start(std::string_view s, std::size_t at) {
    at = std::min(at, s.size());
    for (int k = 0; k < 3 && at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80; ++k) --at;
    return at;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A highlighted span of the text: a match (which may make several records) or a mention.
struct span {
    std::size_t start = 0, end = 0;
    std::size_t id = 0;  // the match's index, or the mention's
};

// Spans sorted and made disjoint: one that overlaps the previous is cut to start after it.
void make_disjoint(std::vector<span>& spans) {
    std::stable_sort(spans.begin(), spans.end(), [](span const& a, span const& b) { return a.start < b.start; });
    std::size_t last_end = 0;
    for (auto& s : spans) {
        s.start = std::max(s.start, last_end);
        s.end = std::max(s.end, s.start);
        last_end = s.end;
    }
}

// The tooltip and data of a mention.
std::string mention_title(zhquant::mention const& m, bool unclaimed) {
    std::string t = fmt::format("{} {} ({})", zhquant::name(m.kind), mention_value_text(m), zhquant::name(m.qualifier));
    if (m.base_value && !m.base_unit.empty() && m.base_unit != "1" && m.base_unit != m.unit)
        t += fmt::format(" = {} {}", m.base_value->to_string(), m.base_unit);
    if (unclaimed) t += " - unclaimed: no record took it";
    return t;
}

std::string record_title(zhquant::record const& r, zhquant::extraction const& x, std::string_view bytes) {
    std::string t = r.rule + ": " + (r.indicator.empty() ? "(no indicator)" : r.indicator);
    if (r.value) t += " = " + mention_text(r.value, x, bytes);
    if (r.period) t += ", period " + mention_text(r.period, x, bytes);
    if (!r.changes.empty()) t += ", " + changes_text(r, x, bytes);
    if (r.share) t += ", share " + share_text(r, x, bytes);
    if (!r.values.empty()) t += ", " + values_text(r, x, bytes);
    return t;
}

// One match: consecutive records with the same span (a list makes one record per item).
struct match {
    std::size_t start, end;
    std::size_t first, count;  // records [first, first + count)
};

std::vector<match> matches_of(zhquant::extraction const& x) {
    std::vector<match> out;
    for (std::size_t i = 0; i < x.records.size(); ++i) {
        auto const& r = x.records[i];
        if (!out.empty() && out.back().start == r.start && out.back().end == r.end && out.back().first + out.back().count == i)
            ++out.back().count;
        else
            out.push_back({r.start, r.end, i, 1});
    }
    return out;
}

// The document's text with its matches outlined and mentions marked.  A mention that crosses a
// match's edge is marked in pieces: the first has class "m", the others "m-cont".
std::string marked_text(std::string_view bytes, zhquant::extraction const& x, std::vector<match> const& matches,
                        std::vector<bool> const& unclaimed) {
    std::vector<span> outer, inner;
    for (std::size_t i = 0; i < matches.size(); ++i)
        outer.push_back({char_start(bytes, matches[i].start), char_start(bytes, matches[i].end), i});
    for (std::size_t i = 0; i < x.mentions.size(); ++i)
        inner.push_back({char_start(bytes, x.mentions[i].start), char_start(bytes, x.mentions[i].end), i});
    make_disjoint(outer);
    make_disjoint(inner);

    std::vector<std::size_t> cuts{0, bytes.size()};
    for (auto const& s : outer) cuts.insert(cuts.end(), {s.start, s.end});
    for (auto const& s : inner) cuts.insert(cuts.end(), {s.start, s.end});
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::string out;
    auto open_match = [&](span const& s) {
        match const& m = matches[s.id];
        auto const& first = x.records[m.first];
        std::string ids, title;
        for (std::size_t k = 0; k < m.count; ++k) {
            if (k) {
                ids += ' ';
                title += '\n';
            }
            ids += std::to_string(m.first + k);
            title += record_title(x.records[m.first + k], x, bytes);
        }
        out += fmt::format(R"(<span class="match" tabindex="0" data-rule="{}" data-records="{}" data-start="{}" data-end="{}" title="{}">)",
                           escaped(first.rule), ids, m.start, m.end, escaped(title));
    };
    auto open_mention = [&](span const& s, bool first_piece) {
        auto const& m = x.mentions[s.id];
        std::string_view const kind = zhquant::name(m.kind);
        bool const lone = unclaimed[s.id];
        out += fmt::format(R"(<mark class="{} {}{}" data-kind="{}" data-start="{}" data-end="{}" data-value="{}")",
                           first_piece ? "m" : "m-cont", kind, lone ? " unclaimed" : " claimed", kind, m.start, m.end,
                           escaped(m.value_text() + (m.high_text() ? ".." + *m.high_text() : std::string())));
        if (!m.unit.empty()) out += fmt::format(R"( data-unit="{}")", escaped(m.unit));
        out += fmt::format(R"( data-qualifier="{}" title="{}">)", zhquant::name(m.qualifier),
                           escaped(mention_title(m, lone)));
    };

    std::size_t oi = 0, ii = 0;  // the current or next outer and inner span
    bool in_match = false, in_mark = false;
    // Spans that cover no character are written where they stand, empty.
    auto empty_matches = [&](std::size_t at) {
        for (; oi < outer.size() && outer[oi].start <= at && outer[oi].end == outer[oi].start; ++oi) {
            open_match(outer[oi]);
            out += "</span>";
        }
    };
    auto empty_mentions = [&](std::size_t at) {
        for (; ii < inner.size() && inner[ii].start <= at && inner[ii].end == inner[ii].start; ++ii) {
            open_mention(inner[ii], true);
            out += "</mark>";
        }
    };
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        std::size_t const at = cuts[c], next = cuts[c + 1];
        if (in_mark && inner[ii].end <= at) {  // the mention ends
            out += "</mark>";
            in_mark = false;
            ++ii;
        }
        bool const match_ends = in_match && outer[oi].end <= at;
        bool const match_starts = !in_match && oi < outer.size() && outer[oi].start <= at;
        if (in_mark && (match_ends || match_starts)) {  // a match's edge cuts the mention: it goes on after
            out += "</mark>";
            in_mark = false;
        }
        if (match_ends) {
            out += "</span>";
            in_match = false;
            ++oi;
        }
        if (!in_match) {
            empty_matches(at);
            if (oi < outer.size() && outer[oi].start <= at) {
                open_match(outer[oi]);
                in_match = true;
            }
        }
        if (!in_mark) {
            empty_mentions(at);
            if (ii < inner.size() && inner[ii].start <= at && at < inner[ii].end) {
                open_mention(inner[ii], inner[ii].start == at);
                in_mark = true;
            }
        }
        append_escaped(out, bytes.substr(at, next - at));
    }
    if (in_mark) {
        out += "</mark>";
        ++ii;
    }
    if (in_match) {
        out += "</span>";
        ++oi;
    }
    empty_matches(bytes.size());
    empty_mentions(bytes.size());
    return out;
}

// A table cell; `sort` is the key sorting uses when it is not the cell's text.
void cell(std::string& out, std::string_view text, std::string_view sort = {}) {
    out += sort.empty() ? "<td>" : fmt::format(R"(<td data-sort="{}">)", escaped(sort));
    append_escaped(out, text);
    out += "</td>";
}

std::string records_table(std::string_view bytes, zhquant::extraction const& x) {
    std::string out =
        R"(<table class="records"><thead><tr><th data-type="number">#</th><th>rule</th><th>indicator</th>)"
        R"(<th data-type="number">value</th><th>unit</th><th>qualifier</th><th>period</th><th>change</th>)"
        R"(<th>share</th><th>values</th><th data-type="number">offset</th><th>text</th></tr></thead><tbody>)";
    for (std::size_t i = 0; i < x.records.size(); ++i) {
        auto const& r = x.records[i];
        out += fmt::format(R"(<tr class="record" data-record="{}" data-rule="{}" data-start="{}" data-end="{}">)", i,
                           escaped(r.rule), r.start, r.end);
        cell(out, std::to_string(i + 1));
        cell(out, r.rule);
        cell(out, r.indicator);
        if (r.value) {
            auto const& m = x.mentions[*r.value];
            cell(out, mention_text(r.value, x, bytes), m.kind == zhquant::mention_kind::date ? "" : m.value.to_string());
            cell(out, m.unit);
            cell(out, zhquant::name(m.qualifier));
        } else {
            cell(out, "", "-");
            cell(out, "");
            cell(out, "");
        }
        cell(out, mention_text(r.period, x, bytes));
        cell(out, changes_text(r, x, bytes));
        cell(out, share_text(r, x, bytes));
        cell(out, values_text(r, x, bytes));
        cell(out, std::to_string(r.start));
        cell(out, slice(bytes, r.start, r.end));
        out += "</tr>";
    }
    out += "</tbody></table>";
    return out;
}

}  // namespace

html_report::html_report(std::string rule_set) : rule_set_(std::move(rule_set)) {}

void html_report::add(std::string const& doc, std::string_view bytes, zhquant::extraction const& x,
                      std::vector<std::string> const& problems) {
    std::size_t const n = ++documents_;
    std::vector<bool> unclaimed(x.mentions.size(), false);
    for (auto i : x.unclaimed) unclaimed[i] = true;
    mentions_ += x.mentions.size();
    records_ += x.records.size();
    unclaimed_ += x.unclaimed.size();
    auto const matches = matches_of(x);
    std::string const counts = fmt::format("{} · {} · {}", plural(x.mentions.size(), "mention", "mentions"),
                                           plural(x.records.size(), "record", "records"),
                                           fmt::format("{} unclaimed", x.unclaimed.size()));

    contents_ += fmt::format(R"(<li><a href="#doc-{}">{}</a> <span class="counts">{} · {} · </span>)"
                             R"(<span class="{}">{} unclaimed</span></li>)",
                             n, escaped(doc), plural(x.mentions.size(), "mention", "mentions"),
                             plural(x.records.size(), "record", "records"), x.unclaimed.empty() ? "counts" : "lost",
                             x.unclaimed.size());
    std::string& s = sections_;
    s += fmt::format(
        R"(<section class="doc" id="doc-{}" data-doc="{}" data-mentions="{}" data-records="{}" data-unclaimed="{}">)", n,
        escaped(doc), x.mentions.size(), x.records.size(), x.unclaimed.size());
    s += fmt::format(R"(<h2>{} <small>{}</small></h2>)", escaped(doc), counts);
    for (auto const& p : problems) s += fmt::format(R"(<p class="problem">{}</p>)", escaped(p));
    s += R"(<div class="text">)";
    s += marked_text(bytes, x, matches, unclaimed);
    s += "</div>";
    if (!x.unclaimed.empty()) {
        s += R"(<p class="unclaimed-list"><b>Unclaimed:</b> )";
        for (std::size_t k = 0; k < x.unclaimed.size(); ++k) {
            auto const& m = x.mentions[x.unclaimed[k]];
            s += fmt::format(R"({}<a class="to-mention" href="#" data-start="{}">{}</a>)", k ? " · " : "", m.start,
                             escaped(slice(bytes, m.start, m.end)));
        }
        s += "</p>";
    }
    s += fmt::format(R"(<details class="table" open><summary>Records ({}))", x.records.size());
    s += R"( <button type="button" class="copy" title="Copy the table as tab-separated text, for a spreadsheet">Copy table</button></summary>)";
    s += records_table(bytes, x);
    s += "</details></section>\n";
}

void html_report::add_unreadable(std::string const& doc, std::string const& reason) {
    ++unreadable_;
    sections_ += fmt::format(R"(<section class="doc unreadable"><h2>{}</h2><p class="problem">cannot open: {}</p></section>)",
                             escaped(doc), escaped(reason));
}

namespace {

constexpr std::string_view style = R"CSS(
:root { --quantity: #dbeafe; --quantity-edge: #2563eb; --percent: #dcfce7; --percent-edge: #16a34a;
        --date: #fef3c7; --date-edge: #d97706; --lost: #dc2626; --match: #7c3aed; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       color: #1f2937; background: #f9fafb; }
header { padding: 12px 24px; background: #fff; border-bottom: 1px solid #e5e7eb; position: sticky; top: 0; z-index: 2; }
h1 { font-size: 18px; margin: 0 0 4px; }
h1 small, h2 small { font-weight: normal; color: #6b7280; font-size: 13px; margin-left: 8px; }
#summary { margin: 0; font-size: 15px; }
#summary b { font-size: 18px; }
#summary .lost b { color: var(--lost); }
.legend { margin-top: 6px; font-size: 13px; color: #4b5563; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.legend label { cursor: pointer; }
main { padding: 8px 24px 48px; max-width: 1200px; }
nav ol { margin: 8px 0; padding-left: 24px; font-size: 13px; }
nav .counts { color: #6b7280; }
.lost { color: var(--lost); font-weight: 600; }
section.doc { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 20px 16px; margin: 16px 0; }
h2 { font-size: 16px; margin: 8px 0; word-break: break-all; }
.text { white-space: pre-wrap; word-break: break-all; line-height: 2; font-size: 15px; }
mark.sample { padding: 0 4px !important; }
mark.m, mark.m-cont, mark.sample { background: var(--quantity); border-bottom: 2px solid var(--quantity-edge); padding: 0 1px; color: inherit; border-radius: 2px; }
mark.percent { background: var(--percent); border-bottom-color: var(--percent-edge); }
mark.date { background: var(--date); border-bottom-color: var(--date-edge); }
mark.unclaimed { background: #fee2e2; border: 2px dashed var(--lost); font-weight: 600; }
.match, .sample-match { outline: 1.5px solid var(--match); outline-offset: 1px; border-radius: 3px; cursor: pointer; }
.match:hover, .match:focus, .match.current { background: #ede9fe; outline-width: 2.5px; }
body.only-unclaimed mark.claimed { background: none; border-bottom-color: transparent; }
body.only-unclaimed .match { outline-color: #ddd6fe; }
mark.flash, .match.flash { animation: flash 1.2s; }
@keyframes flash { from { box-shadow: 0 0 0 4px #f59e0b; } to { box-shadow: none; } }
.problem { color: var(--lost); font-family: ui-monospace, monospace; font-size: 13px; }
.unclaimed-list { font-size: 13px; }
.unclaimed-list a { color: var(--lost); }
details.table > summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
button.copy { margin-left: 12px; font-size: 12px; }
table.records { border-collapse: collapse; font-size: 13px; width: 100%; }
table.records th, table.records td { border: 1px solid #e5e7eb; padding: 2px 6px; text-align: left; vertical-align: top; }
table.records th { background: #f3f4f6; cursor: pointer; user-select: none; white-space: nowrap; }
table.records td:nth-child(4), table.records td:nth-child(7), table.records td:nth-child(8) { white-space: nowrap; }
table.records th[aria-sort=ascending]::after { content: " ▲"; }
table.records th[aria-sort=descending]::after { content: " ▼"; }
table.records td:nth-child(12) { white-space: pre-wrap; color: #4b5563; }
table.records tr.current td { background: #ede9fe; }
#details { position: fixed; right: 16px; bottom: 16px; max-width: 560px; max-height: 50vh; overflow: auto; z-index: 3;
           background: #fff; border: 1px solid var(--match); border-radius: 8px; padding: 8px 12px; box-shadow: 0 4px 16px #0002; font-size: 13px; }
#details table { border-collapse: collapse; margin-top: 4px; }
#details th { text-align: right; color: #6b7280; font-weight: normal; padding: 1px 8px 1px 0; vertical-align: top; }
#details td { padding: 1px 0; }
#details .close { float: right; border: none; background: none; font-size: 16px; cursor: pointer; }
#details h3 { font-size: 14px; margin: 8px 0 0; }
)CSS";

constexpr std::string_view script = R"JS(
'use strict';
const details = document.getElementById('details');
const fields = ['rule', 'indicator', 'value', 'unit', 'qualifier', 'period', 'change', 'share', 'values', 'text'];

function rowsOf(match) {
  const table = match.closest('section').querySelector('table.records');
  return match.dataset.records.split(' ').map(i => table.querySelector('tr[data-record="' + i + '"]'));
}

function clearCurrent() {
  document.querySelectorAll('.current').forEach(e => e.classList.remove('current'));
}

// A record row's fields, by its column heading.
function fieldsOf(row) {
  const heads = [...row.closest('table').tHead.rows[0].cells].map(th => th.textContent);
  const out = {};
  [...row.cells].forEach((td, i) => { out[heads[i]] = td.textContent; });
  return out;
}

function show(title, groups) {
  details.replaceChildren();
  const close = document.createElement('button');
  close.className = 'close'; close.textContent = '×'; close.title = 'Close';
  close.onclick = () => { details.hidden = true; clearCurrent(); };
  const h = document.createElement('b'); h.textContent = title;
  details.append(close, h);
  for (const [name, pairs] of groups) {
    if (name) { const h3 = document.createElement('h3'); h3.textContent = name; details.append(h3); }
    const t = document.createElement('table');
    for (const [k, v] of pairs) {
      if (!v) continue;
      const tr = t.insertRow(); const th = document.createElement('th'); th.textContent = k;
      tr.append(th); tr.insertCell().textContent = v;
    }
    details.append(t);
  }
  details.hidden = false;
}

function showMatch(match) {
  clearCurrent();
  match.classList.add('current');
  const rows = rowsOf(match);
  rows.forEach(r => r.classList.add('current'));
  show(rows.length === 1 ? '1 record' : rows.length + ' records',
       rows.map((r, i) => [rows.length > 1 ? 'record ' + (i + 1) : '',
                           fields.map(f => [f, fieldsOf(r)[f]])]));
}

function showMention(mark) {
  clearCurrent();
  const d = mark.dataset;
  show((mark.classList.contains('unclaimed') ? 'unclaimed ' : '') + d.kind,
       [['', [['text', mark.textContent], ['value', d.value], ['unit', d.unit], ['qualifier', d.qualifier],
              ['offset', d.start + '-' + d.end], ['record', mark.classList.contains('unclaimed') ? 'none: no rule took it' : '']]]]);
}

document.addEventListener('click', e => {
  const mark = e.target.closest('mark.m, mark.m-cont');
  const match = e.target.closest('.match');
  if (match) { showMatch(match); return; }
  if (mark) { showMention(mark); return; }
  const row = e.target.closest('tr.record');
  if (row) {
    const section = row.closest('section');
    const m = [...section.querySelectorAll('.match')].find(s => s.dataset.records.split(' ').includes(row.dataset.record));
    if (m) { m.scrollIntoView({block: 'center'}); m.classList.add('flash'); setTimeout(() => m.classList.remove('flash'), 1300); showMatch(m); }
    return;
  }
  const link = e.target.closest('a.to-mention');
  if (link) {
    e.preventDefault();
    const m = link.closest('section').querySelector('mark.m[data-start="' + link.dataset.start + '"]');
    if (m) { m.scrollIntoView({block: 'center'}); m.classList.add('flash'); setTimeout(() => m.classList.remove('flash'), 1300); showMention(m); }
  }
});
document.addEventListener('keydown', e => {
  if (e.key === 'Escape') { details.hidden = true; clearCurrent(); }
  if (e.key === 'Enter' && e.target.classList && e.target.classList.contains('match')) showMatch(e.target);
});

// Sorting: click a heading; again for the other direction.  Numbers by value, text in 汉字 order.
function sortKey(td) { return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent; }
function compare(a, b, numeric) {
  if (numeric) {
    const x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    if (isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;
  }
  return a.localeCompare(b, 'zh');
}
function sortTable(table, column, direction) {
  const th = table.tHead.rows[0].cells[column];
  const numeric = th.dataset.type === 'number';
  const body = table.tBodies[0];
  const rows = [...body.rows];
  rows.sort((r, s) => direction * compare(sortKey(r.cells[column]), sortKey(s.cells[column]), numeric) ||
                      (+r.dataset.record - +s.dataset.record));
  body.append(...rows);
  [...table.tHead.rows[0].cells].forEach(c => c.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
}
document.querySelectorAll('table.records th').forEach(th => {
  th.addEventListener('click', () => {
    const table = th.closest('table');
    sortTable(table, th.cellIndex, th.getAttribute('aria-sort') === 'ascending' ? -1 : 1);
  });
});

// Copying: the table as it is sorted, tab-separated, for a spreadsheet.
function tableText(table) {
  return [...table.rows].map(r => [...r.cells].map(c => c.textContent.replace(/[\t\n\r]+/g, ' ')).join('\t')).join('\n') + '\n';
}
document.querySelectorAll('button.copy').forEach(button => {
  button.addEventListener('click', e => {
    e.preventDefault();
    const text = tableText(button.closest('details').querySelector('table'));
    const done = () => { button.textContent = 'Copied'; setTimeout(() => { button.textContent = 'Copy table'; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
    } else {
      fallbackCopy(text, done);
    }
  });
});
function fallbackCopy(text, done) {
  const area = document.createElement('textarea');
  area.value = text; document.body.append(area); area.select();
  try { document.execCommand('copy'); done(); } finally { area.remove(); }
}

document.getElementById('only-unclaimed').addEventListener('change', e => {
  document.body.classList.toggle('only-unclaimed', e.target.checked);
});
document.documentElement.classList.add('js');

// #selftest: what a person would do, done by the page itself (tests/browser).
function selftest() {
  const problems = [];
  const check = (ok, what) => { if (!ok) problems.push(what); };
  for (const table of document.querySelectorAll('table.records')) {
    const rows = table.tBodies[0].rows.length;
    const valueColumn = [...table.tHead.rows[0].cells].findIndex(th => th.textContent === 'value');
    table.tHead.rows[0].cells[valueColumn].click();
    let keys = [...table.tBodies[0].rows].map(r => parseFloat(sortKey(r.cells[valueColumn]))).filter(k => !isNaN(k));
    check(keys.every((k, i) => i === 0 || keys[i - 1] <= k), 'value ascending');
    table.tHead.rows[0].cells[valueColumn].click();
    keys = [...table.tBodies[0].rows].map(r => parseFloat(sortKey(r.cells[valueColumn]))).filter(k => !isNaN(k));
    check(keys.every((k, i) => i === 0 || keys[i - 1] >= k), 'value descending');
    table.tHead.rows[0].cells[0].click();
    check([...table.tBodies[0].rows].every((r, i) => r.cells[0].textContent === String(i + 1)), 'back in text order');
    check(table.tBodies[0].rows.length === rows, 'sorting keeps every row');
    check(tableText(table).split('\n').length === rows + 2, 'copied text has a line a row');
  }
  const match = document.querySelector('.match');
  if (match) {
    match.click();
    check(!details.hidden, 'a click on a match shows details');
    check(details.querySelectorAll('table').length === match.dataset.records.split(' ').length, 'details: a table a record');
    check(details.textContent.includes(match.dataset.rule), 'details name the rule');
    check(document.querySelectorAll('tr.record.current').length === match.dataset.records.split(' ').length, 'its rows are marked');
  }
  const lost = document.querySelector('mark.m.unclaimed');
  if (lost) {
    lost.click();
    check(!details.hidden && details.textContent.includes('unclaimed'), 'a click on an unclaimed mention says so');
  }
  details.hidden = true;
  clearCurrent();
  document.body.dataset.selftest = problems.length ? 'fail: ' + problems.join('; ') : 'pass';
}
if (location.hash === '#selftest') selftest();
// #doc-2-record-5: that record's match, shown (a link to one record).
const wanted = /^#doc-(\d+)-record-(\d+)$/.exec(location.hash);
if (wanted) {
  const section = document.getElementById('doc-' + wanted[1]);
  const index = String(+wanted[2] - 1);
  const m = section && [...section.querySelectorAll('.match')].find(s => s.dataset.records.split(' ').includes(index));
  if (m) {
    const box = m.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) m.scrollIntoView({block: 'center'});
    showMatch(m);
  }
}
)JS";

}  // namespace

void html_report::write(std::FILE* out) const {
    std::string summary = fmt::format("{}, {}, {}, {} unclaimed", plural(documents_, "document", "documents"),
                                      plural(mentions_, "mention", "mentions"), plural(records_, "record", "records"),
                                      unclaimed_);
    std::string page;
    page.reserve(sections_.size() + 16384);
    page += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"zhquant extract --format html\">\n";
    page += fmt::format("<title>zhquant: {}</title>\n<style>{}</style>\n</head>\n<body>\n", escaped(summary), style);
    page += fmt::format("<header>\n<h1>zhquant extract <small>rule set {}</small></h1>\n", escaped(rule_set_));
    page += fmt::format(
        R"(<p id="summary" data-documents="{}" data-mentions="{}" data-records="{}" data-unclaimed="{}">)"
        R"(<b>{}</b> {} · <b>{}</b> {} · <b>{}</b> {} · <span class="lost"><b>{}</b> unclaimed</span>{}</p>)",
        documents_, mentions_, records_, unclaimed_, documents_, documents_ == 1 ? "document" : "documents", mentions_,
        mentions_ == 1 ? "mention" : "mentions", records_, records_ == 1 ? "record" : "records", unclaimed_,
        unreadable_ ? fmt::format(R"( · <span class="lost">{} not read</span>)", unreadable_) : "");
    // The legend's samples are no mentions of a document: class "sample", not "m".
    page += R"(<div class="legend"><mark class="sample quantity">quantity</mark>)"
            R"(<mark class="sample percent">percent</mark><mark class="sample date">date</mark>)"
            R"(<mark class="sample unclaimed">unclaimed: no record took it</mark>)"
            R"(<span class="sample-match">a rule's match</span>)"
            R"(<span>Click a match or a mention for details; click a column's heading to sort.</span>)"
            R"(<label><input type="checkbox" id="only-unclaimed"> show only unclaimed</label></div>)"
            "\n</header>\n<main>\n";
    if (documents_ + unreadable_ > 1) page += fmt::format("<nav><ol>{}</ol></nav>\n", contents_);
    page += sections_;
    page += "</main>\n<aside id=\"details\" hidden></aside>\n<script>";
    page += script;
    page += "</script>\n</body>\n</html>\n";
    std::fwrite(page.data(), 1, page.size(), out);
}
