#!/usr/bin/env python3
"""Share of the gold quantity and percent mentions that some record claims.

usage: claimed_share.py GOLD_DIR RECORDS.jsonl [--min SHARE]

RECORDS.jsonl is `zhquant extract --format jsonl` run inside the seeds folder (doc = file name).
A gold mention is claimed when a mention that a record used (its value, period, change, share or
a further value) overlaps it.  Prints the share per document and overall; exits 1 below --min.
"""
import argparse, json, os, sys


def mentions_of(record):
    for key in ("value", "period", "share"):
        if key in record:
            yield record[key]
    for change in [record.get("change")] + record.get("more_changes", []):
        if change and "value" in change:
            yield change["value"]
    yield from record.get("values", {}).values()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("records")
    ap.add_argument("--min", type=float, default=0.0)
    a = ap.parse_args()
    used = {}
    for line in open(a.records, encoding="utf-8"):
        r = json.loads(line)
        if "unclaimed" in r:
            continue
        used.setdefault(os.path.basename(r["doc"]), []).extend((m["start"], m["end"]) for m in mentions_of(r))
    total = claimed = 0
    for name in sorted(os.listdir(a.gold)):
        if not name.endswith(".jsonl"):
            continue
        gold = [json.loads(l) for l in open(os.path.join(a.gold, name), encoding="utf-8") if l.strip()]
        gold = [g for g in gold if g["kind"] in ("quantity", "percent")]
        spans = used.get(gold[0]["doc"], []) if gold else []
        hit = sum(1 for g in gold if any(s < g["end"] and g["start"] < e for s, e in spans))
        print(f"{gold[0]['doc'] if gold else name}: {hit} of {len(gold)} gold quantity/percent mentions claimed")
        total += len(gold)
        claimed += hit
    share = claimed / total if total else 0.0
    print(f"claimed by records: {claimed} of {total} ({share:.1%}), bar {a.min:.0%}")
    sys.exit(0 if share >= a.min else 1)


if __name__ == "__main__":
    main()
