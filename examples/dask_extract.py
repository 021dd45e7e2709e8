#!/usr/bin/env python3
"""The records of a folder of reports, extracted on a Dask cluster: `zhquant extract` beyond one machine.

    examples/dask_extract.py -o records.jsonl seeds/                  # a LocalCluster of 2 workers
    examples/dask_extract.py --workers 8 -f csv -o records.csv reports/
    examples/dask_extract.py --scheduler tcp://10.0.0.5:8786 -o records.jsonl /shared/reports/

The output is that of `zhquant extract -f jsonl` (or `-f csv`) on the same arguments, record for
record and in the same order: files and directories (their *.txt files, subdirectories included,
in name order) and quoted patterns are found as the tool finds them, and each worker process runs
the zhquant Python module.

The documents are a Dask bag of paths that the workers read, so on a real cluster every worker
must see them at the same path (a shared file system) and have zhquant installed (`pip install .`
from the repository).  A lexicon file is read here, once, and shipped to the workers with the tasks.
Partitions are written in order as they finish, so the output is never held whole in memory.
"""

import argparse
import contextlib
import csv
import glob
import io
import json
import os
import sys
import tempfile
import time

import dask.bag
from dask.distributed import Client, LocalCluster, get_task_stream

import zhquant

def report_paths(args):
    """The documents the arguments name, in the order `zhquant extract` reads them."""
    found = []
    missing = []

    def add_directory(directory):
        files = []
        for root, _dirs, names in os.walk(directory):
            files += [os.path.join(root, n) for n in names
                      if os.path.splitext(n)[1] == ".txt" and os.path.isfile(os.path.join(root, n))]
        if not files:
            missing.append(f"no .txt files in directory '{directory}' or its subdirectories")
        found.extend(sorted(files))

    for arg in args:
        if os.path.isdir(arg):
            add_directory(arg)
        elif not any(c in arg for c in "*?[") or os.path.exists(arg):
            found.append(arg)
        else:
            matches = sorted(glob.glob(arg))
            if not matches:
                missing.append(f"no files match '{arg}'")
            for path in matches:
                (add_directory if os.path.isdir(path) else found.append)(path)
    return found, missing


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)  # RFC 4180 with \r\n, as zhquant's CSV
    return out.getvalue()


def extract_report(document, rules, lexicon, output_format, unclaimed):
    """One document's output: (records' text, unclaimed mentions' text, record count, problems).

    `document` is (its name as given, its absolute path): a worker's working directory is not ours.
    """
    path, location = document
    problems = []
    try:
        with open(location, "rb") as f:
            data = f.read()
    except OSError as e:
        return "", "", 0, [f"zhquant: cannot open '{path}': {e.strerror}"]
    if output_format == "jsonl":
        # As the tool, each document's unclaimed mentions right after its records.
        text = zhquant.extract_jsonl(data, rules, lexicon, doc=path, unclaimed=unclaimed, errors=problems)
        lines = text.splitlines()
        records = sum("unclaimed" not in json.loads(line) for line in lines) if unclaimed else len(lines)
        return text, "", records, problems
    records, mentions = zhquant.extract_table(data, rules, lexicon, doc=path, unclaimed=unclaimed, errors=problems)
    return csv_text(records), csv_text(mentions), len(records), problems


def join_partition(outputs):
    outputs = list(outputs)
    return [("".join(o[0] for o in outputs), "".join(o[1] for o in outputs), sum(o[2] for o in outputs),
             [p for o in outputs for p in o[3]])]


def write_in_order(futures, args, status):
    """Writes the partitions' outputs in input order as they come; the record count and status."""
    records = 0
    unclaimed = []
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        header = args.format == "csv"
        for future in futures:  # in input order, whichever finishes first
            [(text, mentions, count, problems)] = future.result()
            future.release()
            for problem in problems:
                print(problem, file=sys.stderr)
            status = 1 if problems else status
            if header and text:
                out.write(csv_text([zhquant.TABLE_COLUMNS]))
                header = False
            out.write(text)
            unclaimed.append(mentions)
            records += count
        if args.format == "csv" and any(unclaimed):
            out.write(csv_text([zhquant.UNCLAIMED_COLUMNS]) + "".join(unclaimed))
    finally:
        if out is not sys.stdout:
            out.close()
    return records, status


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Extract the records of reports on a Dask cluster, as `zhquant extract` does.")
    parser.add_argument("inputs", nargs="+", metavar="FILE|DIR|PATTERN",
                        help="text files, directories (their *.txt files, subdirectories too) or quoted patterns")
    parser.add_argument("-r", "--rules", default="township_report", choices=zhquant.rule_sets(),
                        help="the rule set (default: %(default)s)")
    parser.add_argument("--lexicon", metavar="FILE", help="extra words and units (include/zhquant/rules/lexicon.hpp)")
    parser.add_argument("-f", "--format", default="jsonl", choices=("jsonl", "csv"), help="default: %(default)s")
    parser.add_argument("-o", "--output", default="-", metavar="FILE", help="default: standard output")
    parser.add_argument("--unclaimed", action="store_true", help="also list the mentions no record took")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="worker processes of the LocalCluster (default: %(default)s)")
    parser.add_argument("--threads-per-worker", type=int, default=1, metavar="N",
                        help="threads of each local worker (default: %(default)s); zhquant runs without the GIL")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="use the cluster of this scheduler (tcp://HOST:8786) instead of a LocalCluster")
    parser.add_argument("--partition-size", type=int, metavar="N",
                        help="documents per task (default: about 4 tasks per worker thread)")
    parser.add_argument("--stats", action="store_true",
                        help="print the documents, bytes, records and throughput to standard error")
    args = parser.parse_args(argv)

    paths, missing = report_paths(args.inputs)
    for message in missing:
        print(f"dask_extract: {message}", file=sys.stderr)
    if not paths:
        return 1
    lexicon = zhquant.load_lexicon(args.lexicon) if args.lexicon else None

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dask-extract-") as scratch:
        if args.scheduler:
            client = Client(args.scheduler)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                                   processes=True, local_directory=scratch, dashboard_address=None)
            client = Client(cluster)
        try:
            ready = time.perf_counter()
            threads = sum(client.nthreads().values()) or 1
            size = args.partition_size or max(1, -(-len(paths) // (4 * threads)))
            documents = [(p, os.path.abspath(p)) for p in paths]
            outputs = (dask.bag.from_sequence(documents, partition_size=size)
                       .map(extract_report, args.rules, lexicon, args.format, args.unclaimed)
                       .map_partitions(join_partition))
            stream = get_task_stream(client) if args.stats else contextlib.nullcontext()
            with stream:
                futures = client.compute(outputs.to_delayed())
                records, status = write_in_order(futures, args, 1 if missing else 0)
            done = time.perf_counter()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    if args.stats:
        size_bytes = sum(os.path.getsize(p) for p in paths)
        seconds = done - ready
        print(f"dask_extract: {len(paths)} documents, {size_bytes / 1e6:.2f} MB, {records} records, "
              f"{threads} worker threads: {seconds:.2f} s, {size_bytes / 1e6 / seconds:.2f} MB/s "
              f"(cluster ready in {ready - started:.2f} s)", file=sys.stderr)
        # The workers' own pace: their time computing tasks, without the scheduling, the transfers
        # and the writing here, which share this machine's cores with them on a LocalCluster.
        busy = sum(s["stop"] - s["start"] for task in stream.data for s in task["startstops"]
                   if s["action"] == "compute")
        if busy > 0:
            print(f"dask_extract: workers computing for {busy:.2f} s in all: "
                  f"{size_bytes / 1e6 / busy:.2f} MB/s per worker thread", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
