#!/usr/bin/env bash
# Adversarial inputs keep linear time (issue 7): `zhquant mentions` and `zhquant extract` (each
# rule set) on 10 MB each of 一一一…, 1,1,1,…, 万万万…, digits with no separators, numerals and
# units alternating (三吨五万元…), and one 10 MB line (the seeds without their line breaks), each
# against the same command on the seeds repeated to the same size.  Prints the time ratio and
# PASS (ratio <= 3 and exit status 0; the CPU-time ratio, steadier on a shared machine, where the
# seeds take at least 0.2 s of CPU) or FAIL per input and command; a run over TIMEOUT seconds
# (default 120) is stopped and FAILs.  Exits 1 if anything FAILed.
#
#     bench/adversarial.sh                       # build/tools/zhquant
#     bench/adversarial.sh path/to/zhquant       # or ZHQUANT=path/to/zhquant
#     MB=10 RUNS=3 TIMEOUT=120 LINE_BYTES=1000000 RULES="township_report" bench/adversarial.sh
#
# The inputs are made by tests/adversarial/inputs.sh (which the CTest robustness test, label
# `adversarial`, runs on 200 KB of each).  All but one_line come in lines of LINE_BYTES bytes
# (default 1,000,000), under the library's limit on a line (normalize_options::max_line_bytes,
# 1 MiB), and read as a user would, at that limit: where the PDF repair joins the lines (一一一…,
# 万万万…, 三吨五万元…: a wrap between Chinese characters), the streams cut the joined line at a wrap
# past the limit.  one_line is one line of the whole size, read with the limit lifted
# (--max-line-bytes 0): the line is held whole, and time must stay linear in it.  Whole process,
# one core (taskset -c 0), standard output to /dev/null, best wall time of RUNS runs (default 3;
# a failed or stopped run is not repeated), peak RSS from /usr/bin/time.
# The `mentions` column counts the mentions of the whole input (one more, untimed, run, at the same limit).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
source tests/adversarial/inputs.sh

bench_start "${1:-}"
runs=${RUNS:-3}
mb=${MB:-10}
limit=${TIMEOUT:-120}
line_bytes=${LINE_BYTES:-1000000}
goal=3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_err=$work/err

if [[ -n ${RULES:-} ]]; then
    read -r -a rule_sets <<< "$RULES"
else
    # zhquant: unknown rule set '?' (known: township_report, statistical_bulletin)
    known=$("$zhquant" extract --rules '?' < /dev/null 2>&1 | sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ',' || true)
    read -r -a rule_sets <<< "${known:-township_report}"
fi
commands=(mentions)
for r in "${rule_sets[@]}"; do commands+=("extract:$r"); done

command_line() {  # COMMAND FILE: sets $command; $line_limit is the input's --max-line-bytes
    case $1 in
        mentions) command=("$zhquant" mentions "${line_limit[@]}" "$2") ;;
        extract:*) command=("$zhquant" extract --rules "${1#extract:}" --format jsonl "${line_limit[@]}" "$2") ;;
    esac
}
command_name() {
    case $1 in
        mentions) echo "mentions" ;;
        extract:*) echo "extract --rules ${1#extract:}" ;;
    esac
}

bytes=$((mb * 1000000))
bench_make_seeds "$work/seeds.txt" "$bytes"
for name in "${adversarial_inputs[@]}"; do
    make_adversarial "$name" "$work/$name.txt" "$bytes" "$line_bytes" seeds
done

echo "bench/adversarial.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "zhquant: $zhquant; ${bench_pin[*]:-not pinned}; best wall time of $runs runs; timeout ${limit} s a run;" \
    "inputs of ~$mb MB (MB = 10^6 bytes), lines of $line_bytes bytes except one_line"
echo

declare -A seed_wall seed_cpu
failures=0
rows=("input|bytes|longest line|mentions|command|wall s|seeds wall s|ratio|CPU s|seeds CPU s|CPU ratio|peak RSS MiB|verdict")
for input in seeds "${adversarial_inputs[@]}"; do
    file=$work/$input.txt
    line_limit=()
    [[ $input == one_line ]] && line_limit=(--max-line-bytes 0)
    size=$(stat -c %s "$file")
    longest=$(LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$file")
    # How many mentions (output lines) the input gives: the output's size weighs in the time.
    found=$("$zhquant" mentions "${line_limit[@]}" "$file" 2> /dev/null | wc -l || true)
    for c in "${commands[@]}"; do
        command_line "$c" "$file"
        echo "  $(command_name "$c") on $input ($size bytes) ..." >&2
        bench_best "$runs" "$limit" "${command[@]}"
        rss=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')
        if [[ $input == seeds ]]; then
            seed_wall[$c]=$best_wall seed_cpu[$c]=$best_cpu
            verdict="(reference)"
            if ((best_status != 0)); then verdict="reference FAILED: exit status $best_status"; fi
            rows+=("seeds|$size|$longest|$found|$(command_name "$c")|$(printf '%.2f' "$best_wall")|-|1.00|$best_cpu|-|1.00|$rss|$verdict")
            continue
        fi
        ratio=$(awk -v a="$best_wall" -v b="${seed_wall[$c]}" 'BEGIN { printf "%.2f", a / b }')
        cpu_ratio=$(awk -v a="$best_cpu" -v b="${seed_cpu[$c]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
        # Judged by CPU time when the seeds' run is long enough for its 0.01 s resolution: on a
        # shared machine it varies less than wall time.
        judged=$ratio
        if awk -v b="${seed_cpu[$c]}" 'BEGIN { exit !(b >= 0.2) }'; then judged=$cpu_ratio; fi
        if ((best_status == 124 || best_status == 137)); then
            verdict="FAIL (timed out after $limit s)"
            ratio=">$(awk -v a="$limit" -v b="${seed_wall[$c]}" 'BEGIN { printf "%.1f", a / b }')"
            cpu_ratio=-
        elif ((best_status != 0)); then
            verdict="FAIL (exit status $best_status: $(bench_first_error | sed "s|$work/||" | tr '|' '/'))"
        elif awk -v r="$judged" -v g="$goal" 'BEGIN { exit !(r <= g) }'; then
            verdict="PASS"
        else
            verdict="FAIL (ratio > $goal)"
        fi
        [[ $verdict == PASS ]] || failures=$((failures + 1))
        rows+=("$input|$size|$longest|$found|$(command_name "$c")|$(printf '%.2f' "$best_wall")|$(printf '%.2f' "${seed_wall[$c]}")|$ratio|$best_cpu|${seed_cpu[$c]}|$cpu_ratio|$rss|$verdict")
    done
done
printf '%s\n' "${rows[@]}" | bench_table 0
echo
echo "ratio: time on the input / time of the same command on the seeds of the same size, by wall time"
echo "and by CPU time (user + system); goal <= $goal, judged by the CPU ratio where the seeds' CPU time is"
echo "at least 0.2 s, else by the wall ratio; PASS also needs exit status 0."
echo "$failures of $(((${#rows[@]} - 1 - ${#commands[@]}))) runs FAILed."
((failures == 0))
