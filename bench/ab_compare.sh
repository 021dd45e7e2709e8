#!/usr/bin/env bash
# Two zhquant builds on the same command and input, run by turns (A, B, A, B, …) so that a
# machine whose speed drifts slows both alike: best wall and CPU time of each, and B's change.
# Session 9's way of comparing the plain and the profile-guided tool (bench/RESULTS.md), as a script.
#
#     cmake -S . -B build-plain -DCMAKE_BUILD_TYPE=Release -DZHQUANT_PGO=OFF -DZHQUANT_BUILD_TESTS=OFF \
#         -DZHQUANT_BUILD_BENCH=OFF -DZHQUANT_BUILD_PYTHON=OFF && cmake --build build-plain -j2 --target zhquant_cli
#     bench/ab_compare.sh build-plain/tools/zhquant build/tools/zhquant mentions -f jsonl FILE
#     ROUNDS=5 bench/ab_compare.sh A B extract -r statistical_bulletin FILE
#
# ROUNDS (default 9) runs of each, pinned to one core like the other scripts; standard output
# discarded.  Seconds from $EPOCHREALTIME (wall) and /usr/bin/time (CPU, 0.01 s resolution).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

case ${1:-} in -h | --help | "") bench_usage; exit 0 ;; esac
(($# >= 3)) || { echo "usage: bench/ab_compare.sh A B SUBCOMMAND [ARGS...] (--help)" >&2; exit 2; }
bench_require_time
bench_find_zhquant "$1"; a=$zhquant
bench_find_zhquant "$2"; b=$zhquant
shift 2
rounds=${ROUNDS:-9}

declare -A wall cpu
for ((r = 0; r < rounds; r++)); do
    for side in a b; do
        bench_time 0 "${!side}" "$@"
        if ((run_status != 0)); then
            echo "ab_compare: ${!side} $* failed (exit status $run_status): $(bench_first_error)" >&2
            exit 1
        fi
        if [[ -z ${wall[$side]:-} ]] || awk -v x="$run_wall" -v y="${wall[$side]}" 'BEGIN { exit !(x < y) }'; then
            wall[$side]=$run_wall
        fi
        if [[ -z ${cpu[$side]:-} ]] || awk -v x="$run_cpu" -v y="${cpu[$side]}" 'BEGIN { exit !(x < y) }'; then
            cpu[$side]=$run_cpu
        fi
    done
done

echo "bench/ab_compare.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds, ${bench_pin[*]:-not pinned}: zhquant $*"
{
    echo "build|best wall s|best CPU s"
    echo "A $a|${wall[a]}|${cpu[a]}"
    echo "B $b|${wall[b]}|${cpu[b]}"
    awk -v wa="${wall[a]}" -v wb="${wall[b]}" -v ca="${cpu[a]}" -v cb="${cpu[b]}" 'BEGIN {
        printf "B against A|%+.1f %%|%s\n", 100 * (wb / wa - 1), (ca > 0 ? sprintf("%+.1f %%", 100 * (cb / ca - 1)) : "-") }'
} | bench_table 0
