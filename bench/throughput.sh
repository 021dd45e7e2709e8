#!/usr/bin/env bash
# Whole-process throughput and peak memory of `zhquant normalize`, `mentions` and `extract` on the
# five seeds repeated to 20 MB and to 100 MB, one core, best wall time of RUNS runs (default 3).
# Builds nothing: run scripts/test.sh (or cmake --build build) first.
#
#     bench/throughput.sh                 # uses build/tools/zhquant
#     RUNS=5 bench/throughput.sh path/to/zhquant
#
# MB here is 10^6 bytes.  `zhquant normalize` streams in 1 MiB blocks, so its peak memory must
# not grow with the input; the script fails if it does.  `zhquant mentions` reads each file
# whole, so it is measured on the 20 MB file only.
set -euo pipefail
cd "$(dirname "$0")/.."
zhquant=$(realpath "${1:-build/tools/zhquant}")
runs=${RUNS:-3}
[[ -x $zhquant ]] || { echo "no $zhquant: run scripts/test.sh first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

pin=()
if command -v taskset > /dev/null && taskset -c 0 true 2> /dev/null; then pin=(taskset -c 0); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The seeds repeated until the file has at least $2 bytes.
make_corpus() {
    local file=$1 target=$2
    : > "$file"
    while (($(stat -c %s "$file") < target)); do cat seeds/*.txt >> "$file"; done
}
make_corpus "$work/seeds.txt" 1
make_corpus "$work/20mb.txt" 20000000
: > "$work/100mb.txt"
while (($(stat -c %s "$work/100mb.txt") < 100000000)); do cat "$work/20mb.txt" >> "$work/100mb.txt"; done

# measure NAME FILE ARGS...: sets best_wall (s) and peak_kb (largest of the runs).
measure() {
    local file=$1
    shift
    best_wall=
    peak_kb=0
    local i wall kb
    for ((i = 0; i < runs; i++)); do
        if ! /usr/bin/time -v -o "$work/time" "${pin[@]}" "$zhquant" "$@" "$file" > /dev/null 2> "$work/err"; then
            echo "zhquant $* $file failed:" >&2
            head -5 "$work/err" >&2
            exit 1
        fi
        # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
                   n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$work/time")
        kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
        if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
        if ((kb > peak_kb)); then peak_kb=$kb; fi
    done
}

row() {  # COMMAND BYTES WALL PEAK_KB
    awk -v c="$1" -v n="$2" -v t="$3" -v k="$4" 'BEGIN {
        printf "%-22s %9.2f %9.2f %9.1f %12.1f\n", c, n / 1e6, t, (t > 0 ? n / 1e6 / t : 0), k / 1024 }'
}

size20=$(stat -c %s "$work/20mb.txt")
size100=$(stat -c %s "$work/100mb.txt")
echo "zhquant: $zhquant"
echo "input: the five seeds ($(stat -c %s "$work/seeds.txt") bytes) repeated; best wall time of $runs runs;" \
    "${pin[*]:-no taskset (not pinned)}"
echo
printf "%-22s %9s %9s %9s %12s\n" command "input MB" "wall s" "MB/s" "peak RSS MiB"

measure "$work/20mb.txt" normalize
norm20_wall=$best_wall norm20_kb=$peak_kb
row "zhquant normalize" "$size20" "$norm20_wall" "$norm20_kb"

measure "$work/100mb.txt" normalize
norm100_wall=$best_wall norm100_kb=$peak_kb
row "zhquant normalize" "$size100" "$norm100_wall" "$norm100_kb"

measure "$work/20mb.txt" mentions
ment20_wall=$best_wall ment20_kb=$peak_kb
row "zhquant mentions" "$size20" "$ment20_wall" "$ment20_kb"

measure "$work/20mb.txt" extract --format jsonl
extract20_wall=$best_wall extract20_kb=$peak_kb
row "zhquant extract" "$size20" "$extract20_wall" "$extract20_kb"

echo
awk -v e="$extract20_wall" -v m="$ment20_wall" 'BEGIN {
    printf "ratio extract/mentions (wall time on the 20 MB file): %.2fx\n", e / m }'
awk -v m="$ment20_wall" -v n="$norm20_wall" 'BEGIN {
    printf "ratio mentions/normalize (wall time on the 20 MB file): %.1fx\n", m / n }'
# Not growing: the 100 MB run may use at most 10% (and 2 MiB) more than the 20 MB run.
if ((norm100_kb <= norm20_kb + norm20_kb / 10 + 2048)); then
    verdict="does not grow with input size"
    status=0
else
    verdict="GROWS with input size"
    status=1
fi
awk -v a="$norm20_kb" -v b="$norm100_kb" -v v="$verdict" 'BEGIN {
    printf "zhquant normalize peak memory: %.1f MiB on 20 MB, %.1f MiB on 100 MB: %s\n", a / 1024, b / 1024, v }'
exit $status
