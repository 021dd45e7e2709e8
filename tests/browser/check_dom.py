"""Checks the HTML view's DOM, as Chromium built it, against the JSON output of the same run.

    check_dom.py report.html dom.html records.jsonl mentions.jsonl

- the page is self-contained: no element loads anything (no src, no link, no url(...), no
  href but #anchors);
- every mention of `zhquant mentions` is highlighted once (<mark class="m ...">, with its kind and
  byte offsets), and those marked unclaimed are exactly the JSON's unclaimed mentions;
- every record of the JSON is in its document's table (<tr class="record">, same rule and span)
  and in exactly one outlined match (<span class="match" data-records=...>) with the same span;
- the summary at the top has the JSON's totals;
- the page's script ran and its self-test (sorting, clicking, copying) passed.
"""
import collections
import html.parser
import json
import re
import sys

report_path, dom_path, records_path, mentions_path = sys.argv[1:5]
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doc = None
        self.marks = []      # (doc, kind, start, end, unclaimed)
        self.matches = []    # (doc, rule, start, end, [record index])
        self.rows = []       # (doc, index, rule, start, end)
        self.loads = []      # attributes that would load something
        self.summary = None
        self.sections = {}
        self.html_class = ""
        self.body = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.html_class = a.get("class", "")
        if tag == "body":
            self.body = a
        for name in ("src", "srcset", "data", "poster", "action", "formaction"):
            if name in a:
                self.loads.append(f"<{tag} {name}={a[name]!r}>")
        if tag == "link" or tag in ("img", "iframe", "object", "embed", "video", "audio", "source"):
            self.loads.append(f"<{tag}>")
        if "href" in a and not a["href"].startswith("#"):
            self.loads.append(f"<{tag} href={a['href']!r}>")
        if "style" in a and "url(" in a["style"]:
            self.loads.append(f"<{tag} style=url(...)>")
        if tag == "section" and "doc" in classes and "data-doc" in a:
            self.doc = a["data-doc"]
            self.sections[self.doc] = a
        if tag == "mark" and "m" in classes:
            self.marks.append((self.doc, a.get("data-kind"), int(a["data-start"]), int(a["data-end"]),
                               "unclaimed" in classes))
            check(a.get("data-kind") in classes, f"{self.doc}: a mark's class lacks its kind {a.get('data-kind')}")
        if tag == "span" and "match" in classes:
            self.matches.append((self.doc, a["data-rule"], int(a["data-start"]), int(a["data-end"]),
                                 [int(i) for i in a["data-records"].split()]))
        if tag == "tr" and "record" in classes:
            self.rows.append((self.doc, int(a["data-record"]), a["data-rule"], int(a["data-start"]),
                              int(a["data-end"])))
        if a.get("id") == "summary":
            self.summary = a


def parse(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    page.feed(text)
    return page, text


raw, raw_text = parse(report_path)
dom, _ = parse(dom_path)

# Self-contained: nothing to fetch, in the file as written and in the DOM as built.
check(not raw.loads and not dom.loads, f"the page loads something: {(raw.loads + dom.loads)[:5]}")
check(not re.search(r"url\(|@import", raw_text.split("<style>")[1].split("</style>")[0]),
      "the style sheet fetches something")

# The script ran, and its own test passed.
check("js" in dom.html_class.split(), "the page's script did not run (<html> has no class js)")
check(dom.body.get("data-selftest") == "pass", f"the page's self-test: {dom.body.get('data-selftest')}")

# What the JSON says.
records = collections.defaultdict(list)
unclaimed = set()
with open(records_path, encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        if "unclaimed" in o:
            u = o["unclaimed"]
            unclaimed.add((o["doc"], u["kind"], u["start"], u["end"]))
        else:
            records[o["doc"]].append(o)
mentions = set()
mention_lines = 0
with open(mentions_path, encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        mention_lines += 1
        mentions.add((o["doc"], o["kind"], o["start"], o["end"]))

# Mentions: each highlighted once, the unclaimed ones marked.
marked = [(d, k, s, e) for d, k, s, e, _ in dom.marks]
check(len(marked) == mention_lines, f"{len(marked)} highlighted mentions, the JSON has {mention_lines}")
check(set(marked) == mentions, "highlighted mentions differ from the JSON's: "
      f"{sorted(set(marked) ^ mentions)[:5]}")
marked_unclaimed = {(d, k, s, e) for d, k, s, e, u in dom.marks if u}
check(marked_unclaimed == unclaimed, "mentions marked unclaimed differ from the JSON's: "
      f"{sorted(marked_unclaimed ^ unclaimed)[:5]}")

# Records: a table row each, in one outlined match each.
total_records = sum(len(v) for v in records.values())
check(len(dom.rows) == total_records, f"{len(dom.rows)} table rows, the JSON has {total_records} records")
in_matches = sum(len(ids) for *_, ids in dom.matches)
check(in_matches == total_records, f"outlined matches hold {in_matches} records, the JSON has {total_records}")
for doc, index, rule, start, end in dom.rows:
    want = records[doc][index] if index < len(records[doc]) else None
    check(want is not None and (want["rule"], want["start"], want["end"]) == (rule, start, end),
          f"{doc}: table row {index} is {rule} {start}-{end}, the JSON has {want and (want['rule'], want['start'], want['end'])}")
seen = collections.Counter()
for doc, rule, start, end, ids in dom.matches:
    for i in ids:
        seen[(doc, i)] += 1
        want = records[doc][i] if i < len(records[doc]) else None
        check(want is not None and (want["rule"], want["start"], want["end"]) == (rule, start, end),
              f"{doc}: match {start}-{end} ({rule}) holds record {i}, which the JSON has elsewhere")
check(all(n == 1 for n in seen.values()) and len(seen) == total_records,
      "some record is outlined twice or not at all")

# The summary and each document's counts.
s = dom.summary or {}
want_summary = {"data-documents": len(dom.sections), "data-mentions": mention_lines,
                "data-records": total_records, "data-unclaimed": len(unclaimed)}
check(all(int(s.get(k, -1)) == v for k, v in want_summary.items()),
      f"summary {s} differs from {want_summary}")
for doc, a in dom.sections.items():
    check(int(a["data-records"]) == len(records[doc]), f"{doc}: data-records {a['data-records']}")

print(f"DOM: {len(dom.sections)} documents, {len(marked)} highlighted mentions "
      f"({len(marked_unclaimed)} unclaimed), {len(dom.matches)} outlined matches, {len(dom.rows)} table rows; "
      f"self-test {dom.body.get('data-selftest')}")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
