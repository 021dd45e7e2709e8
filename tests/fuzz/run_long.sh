#!/usr/bin/env bash
# Long fuzz runs: each target of a libFuzzer build (the `fuzz` preset) one after another, for a
# number of executions, then a table of what each ran (Markdown, for the README's "Runs").
#
#     tests/fuzz/run_long.sh build-fuzz                      # 10,000,000 executions per target
#     tests/fuzz/run_long.sh build-fuzz 1000000 600          # at most 600 s per target
#     tests/fuzz/run_long.sh build-fuzz 10000000 0 mentions extract
#
# Arguments: the build folder, the executions per target (default 10,000,000), a time cap per
# target in seconds (default 0: none), the targets (default all).  Each target fuzzes a work copy
# of its corpus, BUILD/tests/fuzz/long/<target> (kept, so a second run goes on from the first),
# under `nice -n 15`; its log is BUILD/tests/fuzz/long/<target>.log and an input that broke
# something BUILD/tests/fuzz/long/<target>-crash-… (or -timeout-, -oom-, -leak-).
# The exit status is 1 if any target found something.
#
# One input may take 120 s before it counts as a hang (CI's runs: 20 s): niced on a busy machine a
# fuzzer can wait that long for the processor, and a 20 s limit then reported inputs that take
# milliseconds.
set -euo pipefail

if (($# < 1)); then
    echo "usage: $0 BUILD_DIR [EXECUTIONS [MAX_SECONDS [TARGET...]]]" >&2
    exit 2
fi
build=$1
runs=${2:-10000000}
max_seconds=${3:-0}
shift $(($# < 3 ? $# : 3))
targets=("$@")
((${#targets[@]})) || targets=(normalize mentions extract unit_file lexicon decimal)

source_dir=$(cd "$(dirname "$0")" && pwd)
out="$build/tests/fuzz/long"
mkdir -p "$out"

# One value of libFuzzer's -print_final_stats=1 block ("stat::NAME: VALUE") from a log.
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -n 1; }

rows=()
failed=0
for target in "${targets[@]}"; do
    exe="$build/tests/fuzz/${target}_fuzz"
    if [[ ! -x "$exe" ]]; then
        echo "run_long: no $exe (build with: cmake --workflow --preset fuzz)" >&2
        exit 2
    fi
    work="$out/$target"
    log="$out/$target.log"
    mkdir -p "$work"
    cp -n "$source_dir/corpus/$target/"* "$work/" 2>/dev/null || true
    cap=""; ((max_seconds > 0)) && cap=", at most $max_seconds s"
    echo "run_long: $target: $runs executions$cap ($log)" >&2
    start=$SECONDS
    status=0
    nice -n 15 "$exe" -runs="$runs" -max_total_time="$max_seconds" -max_len=4096 -timeout=120 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$out/$target-" "$work" \
        >"$log" 2>&1 || status=$?
    seconds=$((SECONDS - start))
    executions=$(stat number_of_executed_units "$log")
    per_second=$(stat average_exec_per_sec "$log")
    if ((status == 0)); then
        result="no finding"
    else
        failed=1
        what=$(grep -m 1 -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|runtime error|invariant broken' "$log" || true)
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        result="FOUND (exit $status): ${what:-see log}${artifact:+, $artifact}"
    fi
    rows+=("| \`$target\` | ${executions:-?} | $seconds | ${per_second:-?} | $result |")
    echo "run_long: $target: ${executions:-?} executions in $seconds s: $result" >&2
done

echo "| target | executions | seconds | exec/s | result |"
echo "|---|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
exit "$failed"
