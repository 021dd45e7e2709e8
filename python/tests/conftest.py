"""What the Python tests share: the command-line tool to compare with, and the seed reports.

CTest (python/CMakeLists.txt) sets ZHQUANT_CLI (the built `zhquant` program), ZHQUANT_SOURCE_DIR
and PYTHONPATH (the built package).  By hand, from the repository:

    ZHQUANT_CLI=build/tools/zhquant ZHQUANT_SOURCE_DIR=. PYTHONPATH=build/python \\
        /usr/bin/python3 -m pytest -q python/tests
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("ZHQUANT_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SEEDS = sorted((SOURCE_DIR / "seeds").glob("*.txt"))
CORPUS = SOURCE_DIR.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("ZHQUANT_CLI", str(SOURCE_DIR / "build" / "tools" / "zhquant"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"no zhquant program at {path} (set ZHQUANT_CLI)")
    return path


def run(cli, *args, stdin=None, check=True):
    """The tool's standard output (bytes) and standard error (text)."""
    done = subprocess.run([cli, *map(str, args)], input=stdin, capture_output=True)
    if check and done.returncode != 0:
        raise AssertionError(f"zhquant {' '.join(map(str, args))} exited {done.returncode}: {done.stderr.decode()}")
    return done.stdout, done.stderr.decode()


def json_lines(data):
    """JSON Lines as objects whose keys keep their order: a list of (key, value) pairs each."""
    return [json.loads(line, object_pairs_hook=list) for line in data.decode("utf-8", "replace").splitlines()]


def ordered(row):
    """A dict (nested too) as json_lines() reads an object, so that key order counts in ==."""
    return json.loads(json.dumps(row, ensure_ascii=False), object_pairs_hook=list)
