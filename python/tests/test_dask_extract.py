"""examples/dask_extract.py on a LocalCluster of 2 workers: the single-process tool's output, record
for record (the seeds always; ../shared/corpus when it is there)."""

import csv
import io
import subprocess
import sys

import pytest

from conftest import CORPUS, SOURCE_DIR, json_lines, run

EXAMPLE = SOURCE_DIR / "examples" / "dask_extract.py"


def dask_extract(tmp_path, *args):
    output = tmp_path / "out"
    done = subprocess.run([sys.executable, str(EXAMPLE), "--workers", "2", "--stats", "-o", str(output), *map(str, args)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    # Both workers took part: the example counts the cluster's threads, one per worker here.
    assert "2 worker threads" in done.stderr, done.stderr
    return output.read_bytes()


def assert_same_records(ours, theirs):
    assert theirs, "the tool found no records: nothing was compared"
    for i, (a, b) in enumerate(zip(ours, theirs)):
        assert a == b, f"record {i} differs"
    assert len(ours) == len(theirs)


def folders():
    yield pytest.param(SOURCE_DIR / "seeds", id="seeds")
    corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent")
    yield pytest.param(CORPUS, id="corpus", marks=corpus)


@pytest.mark.parametrize("folder", folders())
def test_jsonl_is_the_tools(cli, tmp_path, folder):
    expected, _ = run(cli, "extract", "-f", "jsonl", "-q", "--unclaimed", folder)
    ours = dask_extract(tmp_path, "--unclaimed", folder)
    assert_same_records(json_lines(ours), json_lines(expected))
    assert ours == expected  # and byte for byte


@pytest.mark.parametrize("folder", folders())
def test_csv_is_the_tools(cli, tmp_path, folder):
    # Two tables: the records, then the mentions no record took.
    expected, _ = run(cli, "extract", "-f", "csv", "-q", "--unclaimed", "--rules", "statistical_bulletin", folder)
    ours = dask_extract(tmp_path, "-f", "csv", "--unclaimed", "--rules", "statistical_bulletin", folder)
    table = lambda data: list(csv.reader(io.StringIO(data.decode(), newline="")))
    assert_same_records(table(ours), table(expected))
    assert ours == expected


def test_lexicon_reaches_the_workers_seeds(cli, tmp_path):
    seeds = SOURCE_DIR / "seeds"
    without, _ = run(cli, "extract", "-f", "jsonl", "-q", seeds)
    # The first two characters of a long indicator, made a filler, cut that indicator short.
    indicator = next(r["indicator"] for r in map(dict, json_lines(without)) if len(r["indicator"]) >= 4)
    lexicon = tmp_path / "mine.lex"
    lexicon.write_text(f"[fillers]\n{indicator[:2]}\n", encoding="utf-8")
    expected, _ = run(cli, "extract", "-f", "jsonl", "-q", "--lexicon", lexicon, seeds)
    assert expected != without
    assert dask_extract(tmp_path, "--lexicon", lexicon, seeds) == expected
