#!/usr/bin/env python3
"""Gathers the raw seed inputs of each fuzz target, to be minimized into tests/fuzz/corpus/.

    tests/fuzz/make_corpus.py RAW_DIR [PEER_SPECS_DIR]     # writes RAW_DIR/<target>/...
    build-fuzz/tests/fuzz/mentions_fuzz -merge=1 tests/fuzz/corpus/mentions RAW_DIR/mentions

Sources: the seed reports (whole and line by line), the peer specs' inputs (../shared/peer-specs:
Recognizers-Text, cn2an, JioNLP, WeTextProcessing, NeMo), the rule-set case files, the unit-file
examples.  The hand-made edge cases are not made here: they are the `edge-*` files committed in
tests/fuzz/corpus/<target>/, kept whole by the merge (it only adds).
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or len(data) > 4096:
        return
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def peer_inputs(peer):
    """Every input sentence of the peer specs."""
    if not peer.is_dir():
        return
    for path in sorted(peer.rglob("*.json")):
        try:
            cases = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        for case in cases if isinstance(cases, list) else []:
            if isinstance(case, dict) and isinstance(case.get("Input"), str):
                yield case["Input"]
    for path in sorted(peer.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                case = json.loads(line)
            except ValueError:
                continue
            if isinstance(case, dict) and isinstance(case.get("input"), str):
                yield case["input"]
    for path in sorted(peer.rglob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            yield cells[1] if len(cells) > 2 else cells[0]
    for path in sorted(peer.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sep in ("=>", "~"):
                if sep in line:
                    yield line.split(sep, 1)[0].strip()
                    break


def main():
    out = pathlib.Path(sys.argv[1])
    peer = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "peer-specs"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    lines = []
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip()]
    sentences = list(peer_inputs(peer))
    cases = []
    for case_file in sorted((ROOT / "rules").rglob("*.cases")):
        for line in case_file.read_text(encoding="utf-8").splitlines():
            if line.startswith(">"):
                cases.append(line[1:].strip())

    for text in lines + sentences:
        write(out, "mentions", text)
        # normalize: the last byte is the options byte (normalize_fuzz.cpp); vary it.
        for control in (b"\x00", b"\x0c", b"\x41", b"\xff"):
            write(out, "normalize", text.encode("utf-8") + control)
    for text in lines + cases:
        write(out, "extract", text)
    # Whole seeds, in pieces of at most 4 KB at line ends: reports as they come.
    for seed in seeds:
        piece = ""
        for line in seed.read_text(encoding="utf-8").splitlines(keepends=True):
            if len((piece + line).encode("utf-8")) > 4000:
                for target in ("mentions", "extract"):
                    write(out, target, piece)
                write(out, "normalize", piece.encode("utf-8") + b"\x00")
                piece = ""
            piece += line
        for target in ("mentions", "extract"):
            write(out, target, piece)

    for path in [ROOT / "examples" / "extra_units.tsv", *sorted((ROOT / "tests" / "data" / "units").glob("*.tsv"))]:
        text = path.read_text(encoding="utf-8")
        write(out, "unit_file", text)
        write(out, "lexicon", "[units]\n" + text)

    # Numbers as the reports and the peers write them, for the decimal target (pairs).
    numbers = []
    for text in lines + sentences:
        token = ""
        for ch in text + " ":
            if ch.isdigit() and ch.isascii() or (ch == "." and token):
                token += ch
            else:
                if token and token[-1] != ".":
                    numbers.append(token)
                token = ""
    numbers = sorted(set(numbers))
    for i, n in enumerate(numbers):
        write(out, "decimal", n + " " + numbers[(i * 7 + 3) % len(numbers)])
        write(out, "decimal", "-" + n + "\n" + numbers[(i * 13 + 5) % len(numbers)])


if __name__ == "__main__":
    main()
