"""Checks that every caret in `zhquant explain`'s text output stands under the byte its line names.

    explain_carets.py SENTENCE OUTPUT_FILE

Each rule's line says `stopped at byte N`, `chosen: bytes A-B` or `matched bytes A-B`; the two lines
under it are the sentence's line and a marker, ^ at the display column of N (or A), ~ up to that of
B.  Display columns: East Asian wide and full-width characters two, others one, a tab to the next
multiple of 8.  Exits 1 with the first wrong block.
"""
import re
import sys
import unicodedata

sentence, path = sys.argv[1], sys.argv[2]
raw = sentence.encode("utf-8")
lines = open(path, encoding="utf-8").read().split("\n")


def width_of(text):
    column = 0
    for ch in text:
        if ch == "\t":
            column = (column // 8 + 1) * 8
        elif unicodedata.combining(ch):
            continue
        else:
            column += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return column


def column_of(byte):
    # The sentence has no line break (one line of a seed), so its line starts at byte 0.
    return width_of(raw[:byte].decode("utf-8", errors="replace"))


checked = 0
for i, line in enumerate(lines):
    m = re.search(r"stopped at byte (\d+):|chosen: bytes (\d+)-(\d+)|matched bytes (\d+)-(\d+)", line)
    if not m or not line.startswith("  ") or i + 2 >= len(lines):
        continue
    if m.group(1) is not None:
        begin, end = int(m.group(1)), int(m.group(1))
    elif m.group(2) is not None:
        begin, end = int(m.group(2)), int(m.group(3))
    else:
        begin, end = int(m.group(4)), int(m.group(5))
    indent = "      "
    marker = lines[i + 2]
    want = indent + " " * column_of(begin) + "^"
    if column_of(end) > column_of(begin) + 1:
        want += "~" * (column_of(end) - column_of(begin) - 1)
    if marker != want:
        print(f"FAIL: {sentence!r}\n{line}\n{lines[i + 1]}\n{marker}\nexpected the marker:\n{want}")
        sys.exit(1)
    checked += 1
if checked == 0:
    print(f"FAIL: {sentence!r}: no rule line with a caret")
    sys.exit(1)
