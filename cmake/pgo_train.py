#!/usr/bin/env python3
"""Runs the instrumented zhquant (cmake/zhquant_pgo.cmake) over a training text; the instrumented
tool writes what it counted into the profile folder (<build>/pgo/profile).

    pgo_train.py TOOL SOURCE_DIR TRAINING_TEXT

The text is made of the sentences the repository's tests read, not of whole reports: every case
of the rule sets (rules/, examples/), the mention sentences, and the peers' test inputs
(tests/data: Recognizers-Text, cn2an).  They cover the grammar's rarer paths as well as report
sentences; the seeds, which bench/ measures, are not read whole.  Each kind of run the tool's users
make is run on it: normalize, numbers, mentions, extract with both rule sets (JSON Lines, and a
table).
"""

import json
import subprocess
import sys
from pathlib import Path


def case_sentences(path):
    """The `> sentence` lines of a rule set's case file (zhquant/rules/testing.hpp)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("> "):
            yield line[2:]


def first_column(path):
    """The first column of a tab-separated test table, comments left out; \\n is a line break."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")[0].replace("\\n", "\n")


def peer_inputs(path):
    """The inputs of Recognizers-Text's test cases (tests/data/recognizers-text)."""
    for case in json.loads(path.read_text(encoding="utf-8")):
        yield case["Input"]


def training_text(source):
    lines = []
    for cases in sorted(source.glob("rules/zhquant/rules/*.cases")) + sorted(source.glob("examples/*/*.cases")):
        lines += case_sentences(cases)
    for table in [source / "tests/data/mentions/sentences.tsv"] + sorted(source.glob("tests/data/cn2an/*.tsv")):
        lines += first_column(table)
    for spec in sorted(source.glob("tests/data/recognizers-text/*.json")):
        lines += peer_inputs(spec)
    if len(lines) < 100:
        sys.exit(f"pgo_train.py: only {len(lines)} training sentences found under {source}")
    # Copies enough that the counts of the per-byte loops outweigh the start-up's.
    return "\n".join(lines * 8) + "\n"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    tool, source, text_file = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    text_file.parent.mkdir(parents=True, exist_ok=True)
    text_file.write_text(training_text(source), encoding="utf-8")
    runs = [
        ["normalize"],
        ["numbers", "-f", "jsonl"],
        ["mentions", "-f", "jsonl"],
        ["extract", "-f", "jsonl", "--rules", "township_report"],
        ["extract", "-f", "jsonl", "--rules", "statistical_bulletin"],
        ["extract", "-f", "table"],
    ]
    for args in runs:
        subprocess.run([tool, *args, str(text_file)], stdout=subprocess.DEVNULL, check=True)


if __name__ == "__main__":
    main()
