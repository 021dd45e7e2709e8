#!/usr/bin/env bash
# Every stage of the pipeline on the same input, in one run (issue 7): MB/s of reading the bytes,
# plain ICU NFKC, `zhquant normalize`, `zhquant mentions` and `zhquant extract` with each rule set,
# each also as a ratio to ICU NFKC; peak memory; how time and memory grow from 1 MB to 100 MB
# (least-squares slope, and per-MB time at the largest size over that at the second smallest);
# and instructions per input byte under callgrind, which unlike wall time is stable on a shared
# machine.
#
#     bench/pipeline.sh                          # build/tools/zhquant, build/bench/icu_nfkc_cat
#     bench/pipeline.sh path/to/zhquant          # or ZHQUANT=path/to/zhquant
#     bench/pipeline.sh --markdown               # the tables as Markdown, for bench/RESULTS.md
#     RUNS=5 SIZES="1 10 50 100" TABLE_MB=50 CALLGRIND_MB=2 bench/pipeline.sh
#     CALLGRIND=0 bench/pipeline.sh              # no callgrind
#
# Builds nothing: build zhquant_cli and icu_nfkc_cat first (cmake --build build -j2 --target
# zhquant_cli icu_nfkc_cat); ICU_NFKC_CAT= names another icu_nfkc_cat.
#
# Input: the five seeds/*.txt concatenated and repeated (whole) to each of SIZES MB (MB = 10^6
# bytes), made in a temporary directory.  Each command runs as a whole process, pinned to one core
# (taskset -c 0), standard output to /dev/null; its time is the best wall time of RUNS runs
# (default 3; FAST_RUNS, default 10, for read and ICU NFKC, which take a fraction of a second;
# microseconds from $EPOCHREALTIME, including ~2 ms to start /usr/bin/time and taskset), its CPU
# time (user + system) the best of the runs too, its memory the largest peak RSS (/usr/bin/time).
# The stages:
#     read        build/bench/icu_nfkc_cat --read-only FILE    (1 MiB read()s into one buffer)
#     ICU NFKC    build/bench/icu_nfkc_cat FILE                (Normalizer2::normalizeUTF8, 1 MiB blocks)
#     normalize   zhquant normalize FILE
#     mentions    zhquant mentions FILE                        (JSON Lines)
#     extract:R   zhquant extract --rules R -f jsonl FILE      (every rule set zhquant knows)
# Instructions per byte: callgrind's total Ir on CALLGRIND_MB MB (default 2) of the same text,
# less the Ir of the same command on an empty file (start-up: ICU data, unit tables, rule sets),
# divided by the bytes; both figures are printed.  Skipped with a message without valgrind.
#
# Time: with the defaults (sizes up to 100 MB, 3 runs) about 15 minutes against the zhquant of
# 2026-11-23 on a shared 2-core machine (mentions ~11 MB/s of CPU time and ~8x the input in
# memory, ~0.8 GB at 100 MB; extract 2.5x slower, ~1.1 GB), of which ~3 minutes under callgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

markdown=0
positional=()
for arg in "$@"; do
    case $arg in
        --markdown) markdown=1 ;;
        -h | --help) bench_usage; exit 0 ;;
        -*) echo "unknown option '$arg' (see --help)" >&2; exit 2 ;;
        *) positional+=("$arg") ;;
    esac
done
bench_start "${positional[0]:-}"
icu_cat=${ICU_NFKC_CAT:-$(dirname "$zhquant")/../bench/icu_nfkc_cat}
if [[ ! -x $icu_cat ]]; then
    echo "no icu_nfkc_cat at '$icu_cat': cmake --build build --target icu_nfkc_cat (or set ICU_NFKC_CAT=)" >&2
    exit 2
fi
icu_cat=$(realpath "$icu_cat")
runs=${RUNS:-3}
fast_runs=${FAST_RUNS:-10}  # read and ICU NFKC take a fraction of a second: more runs against noise
read -r -a sizes <<< "${SIZES:-1 10 50 100}"
table_mb=${TABLE_MB:-50}
callgrind_mb=${CALLGRIND_MB:-2}
use_callgrind=${CALLGRIND:-1}
[[ " ${sizes[*]} " == *" $table_mb "* ]] || sizes+=("$table_mb")
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n -u)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_err=$work/err

# The rule sets, from zhquant's own message for an unknown one:
#   zhquant: unknown rule set 'nope' (known: township_report, statistical_bulletin)
known=$("$zhquant" extract --rules '?' < /dev/null 2>&1 | sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ',' || true)
[[ -n $known ]] || known="township_report statistical_bulletin"
read -r -a rule_sets <<< "$known"

stages=(read icu normalize mentions)
for r in "${rule_sets[@]}"; do stages+=("extract:$r"); done

stage_name() {
    case $1 in
        read) echo "read (icu_nfkc_cat --read-only)" ;;
        icu) echo "ICU NFKC (icu_nfkc_cat)" ;;
        normalize) echo "zhquant normalize" ;;
        mentions) echo "zhquant mentions" ;;
        extract:*) echo "zhquant extract --rules ${1#extract:}" ;;
    esac
}

# The command of a stage on FILE.
stage_command() {
    local stage=$1 file=$2
    case $stage in
        read) command=("$icu_cat" --read-only "$file") ;;
        icu) command=("$icu_cat" "$file") ;;
        normalize) command=("$zhquant" normalize "$file") ;;
        mentions) command=("$zhquant" mentions "$file") ;;
        extract:*) command=("$zhquant" extract --rules "${stage#extract:}" --format jsonl "$file") ;;
    esac
}

note() { echo "$*" >&2; }  # progress, on standard error

load() { cut -d' ' -f1-3 /proc/loadavg; }
machine="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(
    awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "bench/pipeline.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $machine, load average $(load)"
echo "zhquant: $zhquant ($(git -C "$(dirname "$zhquant")" describe --always --dirty 2> /dev/null || echo '?') in its tree)"
echo "input: the five seeds ($(cat seeds/*.txt | wc -c) bytes) repeated to ${sizes[*]} MB (MB = 10^6 bytes);" \
    "best wall time of $runs runs ($fast_runs for read and ICU NFKC); ${bench_pin[*]:-not pinned (no taskset)};" \
    "peak RSS from /usr/bin/time"
echo

declare -A bytes wall cpu kb failed
for size in "${sizes[@]}"; do
    bench_make_seeds "$work/$size.txt" $((size * 1000000))
    bytes[$size]=$(stat -c %s "$work/$size.txt")
done
cat "$work/${sizes[0]}.txt" > /dev/null  # the page cache is warm: every file was just written

for size in "${sizes[@]}"; do
    for stage in "${stages[@]}"; do
        stage_command "$stage" "$work/$size.txt"
        note "  $(stage_name "$stage") on ${bytes[$size]} bytes ..."
        n_runs=$runs
        if [[ $stage == read || $stage == icu ]] && ((fast_runs > runs)); then n_runs=$fast_runs; fi
        bench_best "$n_runs" 0 "${command[@]}"
        wall[$stage,$size]=$best_wall cpu[$stage,$size]=$best_cpu kb[$stage,$size]=$peak_kb
        if ((best_status != 0)); then
            failed[$stage,$size]="exit status $best_status: $(bench_first_error | tr '|' '/')"
            note "    failed: ${failed[$stage,$size]}"
        fi
    done
done
rm -f "$work/"*.txt

mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }
rate() { awk -v b="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.1f", b / 1e6 / t; else printf "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# The table at TABLE_MB.
n=${bytes[$table_mb]}
icu_wall=${wall[icu,$table_mb]}
echo "Throughput on $(mb "$n") MB (the seeds repeated), one process per stage:"
echo
{
    echo "stage|wall s|MB/s|CPU s|MB/s by CPU time|x ICU NFKC time|share of ICU NFKC MB/s|peak RSS MiB"
    for stage in "${stages[@]}"; do
        key=$stage,$table_mb
        if [[ -n ${failed[$key]:-} ]]; then
            echo "$(stage_name "$stage")|failed|${failed[$key]}"
            continue
        fi
        awk -v name="$(stage_name "$stage")" -v n="$n" -v t="${wall[$key]}" -v c="${cpu[$key]}" \
            -v icu="$icu_wall" -v k="${kb[$key]}" 'BEGIN {
            printf "%s|%.3f|%.1f|%.2f|%s|%.2fx|%.3f|%.1f\n", name, t, n / 1e6 / t, c,
                   (c >= 0.1 ? sprintf("%.1f", n / 1e6 / c) : "-"), t / icu, (n / 1e6 / t) / (n / 1e6 / icu), k / 1024 }'
    done
} | bench_table "$markdown"
echo
echo "(x ICU NFKC time: the stage's wall time over ICU NFKC's on the same file; share of ICU NFKC"
echo "MB/s: its throughput over ICU's, the inverse.  CPU s: user + system, 0.01 s resolution, best"
echo "of the runs; on a shared machine it is the steadier figure (wall time includes waiting for the"
echo "core); MB/s by CPU time only where CPU s >= 0.1.)"
echo

# Growth: wall time and peak memory against input size.  The fit is least squares over all sizes
# (time = a + s * MB); the linearity check compares per-MB time at the largest size with that at
# the second smallest (10 MB with the defaults), so start-up weighs little in either.
lo=${sizes[0]}
((${#sizes[@]} > 2)) && lo=${sizes[1]}
hi=${sizes[-1]}
prev=${sizes[0]}
((${#sizes[@]} > 1)) && prev=${sizes[-2]}
fit() {  # STAGE wall|cpu|kb -> "slope intercept"
    local stage=$1 which=$2 size xs="" ys=""
    for size in "${sizes[@]}"; do
        xs+="$(mb "${bytes[$size]}") "
        case $which in
            wall) ys+="${wall[$stage,$size]} " ;;
            cpu) ys+="${cpu[$stage,$size]} " ;;
            kb) ys+="$(mib "${kb[$stage,$size]}") " ;;
        esac
    done
    awk -v xs="$xs" -v ys="$ys" 'BEGIN {
        n = split(xs, x, " "); split(ys, y, " ")
        for (i = 1; i <= n; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i] }
        d = n * sxx - sx * sx
        s = d != 0 ? (n * sxy - sx * sy) / d : 0
        printf "%.6g %.6g\n", s, (sy - s * sx) / n }'
}
# size_row CELL: $line = $stage's name and, per size, `CELL SIZE` (or "failed"); fails if a size did.
size_row() {
    local cell=$1 size status=0
    line=$(stage_name "$stage")
    for size in "${sizes[@]}"; do
        if [[ -n ${failed[$stage,$size]:-} ]]; then line+="|failed"; status=1; else line+="|$($cell "$size")"; fi
    done
    return $status
}
time_cell() { printf '%.3f/%.2f' "${wall[$stage,$1]}" "${cpu[$stage,$1]}"; }
memory_cell() { mib "${kb[$stage,$1]}"; }
header="stage"
for size in "${sizes[@]}"; do header+="|${size} MB s wall/CPU"; done
echo "Growth of time with input size (best wall and best CPU time of $runs runs each):"
echo
{
    echo "$header|slope s/MB wall/CPU|intercept s wall|per-MB time ${hi} MB / ${lo} MB wall/CPU|linear?"
    for stage in "${stages[@]}"; do
        if ! size_row time_cell; then echo "$line|-|-|-|-"; continue; fi
        read -r slope intercept < <(fit "$stage" wall)
        read -r cpu_slope _ < <(fit "$stage" cpu)
        awk -v line="$line" -v s="$slope" -v cs="$cpu_slope" -v a="$intercept" -v bl="${bytes[$lo]}" -v bh="${bytes[$hi]}" \
            -v tl="${wall[$stage,$lo]}" -v th="${wall[$stage,$hi]}" -v cl="${cpu[$stage,$lo]}" -v ch="${cpu[$stage,$hi]}" 'BEGIN {
            r = (th / bh) / (tl / bl)
            by_cpu = cl >= 0.2
            rc = by_cpu ? (ch / bh) / (cl / bl) : 0
            v = by_cpu ? rc : r
            printf "%s|%.5f/%.5f|%.3f|%.2f/%s|%s\n", line, s, cs, a, r, by_cpu ? sprintf("%.2f", rc) : "-",
                   (v <= 1.25 ? "yes" : "NO (superlinear)") (by_cpu ? " by CPU" : " by wall") }'
    done
} | bench_table "$markdown"
echo
echo "(linear: per-MB time at ${hi} MB at most 1.25x that at ${lo} MB, the margin for noise; judged by"
echo "CPU time where it is at least 0.2 s at ${lo} MB, being steadier on a shared machine, else by wall time.)"
echo
header="stage"
for size in "${sizes[@]}"; do header+="|${size} MB MiB"; done
echo "Growth of peak memory (RSS) with input size:"
echo
{
    echo "$header|slope MiB/MB|bounded?"
    for stage in "${stages[@]}"; do
        if ! size_row memory_cell; then echo "$line|-|-"; continue; fi
        read -r slope _ < <(fit "$stage" kb)
        awk -v line="$line" -v s="$slope" -v kl="${kb[$stage,$prev]}" -v kh="${kb[$stage,$hi]}" 'BEGIN {
            printf "%s|%.3f|%s\n", line, s, (kh <= kl * 1.1 + 2048 ? "yes" : "NO (grows with the input)") }'
    done
} | bench_table "$markdown"
echo
echo "(bounded: peak RSS at ${hi} MB at most 10 % + 2 MiB above that at ${prev} MB; below that size"
echo "the heap may still be settling.)"

# Instructions per byte.
echo
if ((!use_callgrind)); then
    echo "Instructions per byte: skipped (CALLGRIND=0)."
    exit 0
fi
if ! command -v valgrind > /dev/null; then
    echo "Instructions per byte: skipped, valgrind is not installed (Debian package: valgrind)."
    exit 0
fi
bench_make_seeds "$work/cg.txt" $((callgrind_mb * 1000000))
: > "$work/empty.txt"
cg_bytes=$(stat -c %s "$work/cg.txt")
# callgrind_ir FILE: total instructions (Ir) of $command under callgrind, or empty if it failed.
callgrind_ir() {
    rm -f "$work/cg.out"
    if ! valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "${command[@]}" > /dev/null 2> "$work/cg.log"; then
        return 0
    fi
    awk '/^(summary|totals):/ { print $2; exit }' "$work/cg.out"
}
echo "Instructions per input byte (valgrind --tool=callgrind, $(mb "$cg_bytes") MB of the seeds; start-up"
echo "= the same command on an empty file):"
echo
{
    echo "stage|Ir total|Ir start-up|Ir / byte (total)|Ir / byte (less start-up)"
    for stage in "${stages[@]}"; do
        note "  callgrind: $(stage_name "$stage") ..."
        stage_command "$stage" "$work/empty.txt"
        empty_ir=$(callgrind_ir)
        stage_command "$stage" "$work/cg.txt"
        ir=$(callgrind_ir)
        if [[ -z $ir || -z $empty_ir ]]; then
            echo "$(stage_name "$stage")|failed under valgrind: $(grep -v '^==' "$work/cg.log" | head -1)"
            continue
        fi
        awk -v name="$(stage_name "$stage")" -v ir="$ir" -v e="$empty_ir" -v n="$cg_bytes" 'BEGIN {
            printf "%s|%.0f|%.0f|%.1f|%.1f\n", name, ir, e, ir / n, (ir - e) / n }'
    done
} | bench_table "$markdown"
