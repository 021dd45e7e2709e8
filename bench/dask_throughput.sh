#!/usr/bin/env bash
# Throughput of examples/dask_extract.py with one Dask worker (one thread) and with two, against
# `zhquant extract -j 1` (one core) on the same documents: DOCS copies (default 200) of the five
# seeds put together, each a document of its own (about 50 KB; 10 MB in all).  Checks that every
# run gives the tool's output byte for byte.  Builds nothing: build the tool and the module first
# (scripts/test.sh).
#
#     bench/dask_throughput.sh                         # build/tools/zhquant, build/python, /usr/bin/python3
#     DOCS=400 PYTHON=python3 bench/dask_throughput.sh path/to/zhquant path/to/build/python
#
# The Dask figures are the example's --stats: the extraction alone (from the cluster being ready to
# the last record written; its start-up is printed beside it), and the workers' own pace (the bytes
# over the time they spent computing tasks, without the scheduling, the transfers and the writing,
# which share the machine's cores with them on a LocalCluster).  MB is 10^6 bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
zhquant=$(realpath "${1:-build/tools/zhquant}")
package_dir=$(realpath "${2:-build/python}")
python=${PYTHON:-/usr/bin/python3}
docs=${DOCS:-200}
[[ -x $zhquant ]] || { echo "no $zhquant: build the tool first" >&2; exit 2; }
[[ -f $package_dir/zhquant/__init__.py ]] || { echo "no zhquant package in $package_dir: build zhquant_python" >&2; exit 2; }
export PYTHONPATH=$package_dir

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/reports"
cat seeds/*.txt > "$work/report.txt"
for ((i = 0; i < docs; i++)); do cp "$work/report.txt" "$(printf '%s/reports/%05d.txt' "$work" "$i")"; done
bytes=$(cat "$work"/reports/*.txt | wc -c)
echo "input: $docs documents, $bytes bytes; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
"$zhquant" extract -f jsonl -q -j 1 "$work/reports" > "$work/cli.jsonl"
end=$(date +%s.%N)
awk -v b="$bytes" -v s="$start" -v e="$end" -v n="$(wc -l < "$work/cli.jsonl")" 'BEGIN {
    printf "zhquant extract -j 1:          %d records: %.2f s, %.2f MB/s\n", n, e - s, b / 1e6 / (e - s) }'

# The module in one process, no Dask: what a worker's tasks can reach at best.
"$python" - "$work/reports" "$bytes" <<'PYTHON'
import os, sys, time
import zhquant
folder, size = sys.argv[1], int(sys.argv[2])
started = time.perf_counter()
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as f:
        zhquant.extract_jsonl(f.read(), doc=name)
seconds = time.perf_counter() - started
print(f"zhquant.extract_jsonl, one process: {seconds:.2f} s, {size / 1e6 / seconds:.2f} MB/s")
PYTHON

for workers in 1 2; do
    "$python" examples/dask_extract.py --workers "$workers" --threads-per-worker 1 --stats \
        -o "$work/dask.jsonl" "$work/reports" 2> "$work/stats"
    grep '^dask_extract:' "$work/stats" | sed "s/^dask_extract:/dask_extract.py --workers $workers:/"
    cmp -s "$work/dask.jsonl" "$work/cli.jsonl" || { echo "the Dask output differs from the tool's" >&2; exit 1; }
done
