# shellcheck shell=bash
# Shared by bench/pipeline.sh, bench/peer_compare.sh and bench/adversarial.sh (sourced, not run):
# which zhquant to measure, the seeds repeated to a size, one timed run, and table printing.
# Expects `set -euo pipefail` and the repository root as the current directory.
#
#     source bench/common.sh
#     bench_start "${1:-}"                 # --help, or sets $zhquant: argument, else $ZHQUANT, else build/tools/zhquant
#     bench_make_seeds "$work/50mb.txt" 50000000
#     bench_time 0 "$zhquant" mentions "$work/50mb.txt"    # sets run_wall run_cpu run_kb run_status
#     printf 'a|b\n1|2\n' | bench_table 0                 # aligned; 1: a Markdown table
export LC_ALL=C  # a decimal point in $EPOCHREALTIME and awk, whatever the user's locale

# bench_usage: the running script's header comment (its lines 2 up to `set -euo`), for --help.
bench_usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# bench_start ARG: --help prints the usage and exits; otherwise ARG (or $ZHQUANT) names the
# zhquant to measure (bench_find_zhquant), and /usr/bin/time must be there.
bench_start() {
    case ${1:-} in
        -h | --help) bench_usage; exit 0 ;;
    esac
    bench_find_zhquant "${1:-}"
    bench_require_time
}

bench_find_zhquant() {
    local given=${1:-${ZHQUANT:-build/tools/zhquant}}
    if [[ ! -x $given ]]; then
        echo "no zhquant at '$given': build it first (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release &&" \
            "cmake --build build -j2 --target zhquant_cli), or pass its path (argument or ZHQUANT=)" >&2
        exit 2
    fi
    zhquant=$(realpath "$given")
}

# Commands run on one core when the machine lets us (taskset -c 0), as the figures are.
bench_pin=()
if command -v taskset > /dev/null && taskset -c 0 true 2> /dev/null; then bench_pin=(taskset -c 0); fi

bench_require_time() {
    [[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }
}

# bench_make_seeds FILE BYTES: the five seeds concatenated (in name order), repeated whole until
# FILE has at least BYTES bytes (so every copy is valid UTF-8 and ends a line).
bench_make_seeds() {
    local file=$1 target=$2 unit copy size=0 step
    unit=$(mktemp)
    copy=$(stat -c %s seeds/*.txt | awk '{ n += $1 } END { print n }')
    cat seeds/*.txt > "$unit"
    # Double a block of whole copies while it stays under ~1 MB and the target, then append that
    # block while it fits, then single copies: few processes, and at most one copy too many.
    step=$copy
    while ((2 * step <= 1000000 && 2 * step <= target)); do
        cat "$unit" "$unit" > "$unit.2"
        mv "$unit.2" "$unit"
        step=$((2 * step))
    done
    : > "$file"
    while ((size + step <= target)); do
        cat "$unit" >> "$file"
        size=$((size + step))
    done
    while ((size < target)); do
        cat seeds/*.txt >> "$file"
        size=$((size + copy))
    done
    rm -f "$unit"
}

# bench_time TIMEOUT COMMAND...: runs COMMAND once, standard output to /dev/null, standard error
# to $bench_err (a file), pinned to one core, under /usr/bin/time.  TIMEOUT seconds (0: none);
# a run stopped by it (TERM, then KILL 5 s later) has run_status 124 (137 if it needed the KILL).  Sets run_wall (s, from $EPOCHREALTIME, microseconds;
# includes starting /usr/bin/time and taskset, ~2 ms), run_cpu (user + system s, 0.01 s
# resolution), run_kb (peak resident set, kB) and run_status.
bench_err=${TMPDIR:-/tmp}/bench_err.$$
bench_time() {
    local limit=$1
    shift
    local timefile=$bench_err.time t0 t1
    local guard=()
    if ((limit > 0)); then guard=(timeout -k 5 "$limit"); fi
    t0=$EPOCHREALTIME
    set +e
    "${guard[@]}" /usr/bin/time -f '%U %S %M %x' -o "$timefile" "${bench_pin[@]}" "$@" > /dev/null 2> "$bench_err"
    run_status=$?
    set -e
    t1=$EPOCHREALTIME
    run_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
    run_cpu=0 run_kb=0
    if ((run_status != 124)) && [[ -s $timefile ]]; then
        # "Command exited with non-zero status N" comes first when it failed; the figures last.
        read -r u s kb _ < <(tail -1 "$timefile")
        run_cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
        run_kb=$kb
    fi
    rm -f "$timefile"
}

# bench_best RUNS TIMEOUT COMMAND...: bench_time RUNS times; sets best_wall and best_cpu (the
# smallest), peak_kb (the largest) and best_status (the first non-zero status, else 0).  Stops
# after a failed run.
bench_best() {
    local runs=$1 limit=$2 i
    shift 2
    best_wall='' best_cpu='' peak_kb=0 best_status=0
    for ((i = 0; i < runs; i++)); do
        bench_time "$limit" "$@"
        if ((run_status != 0)); then
            best_status=$run_status
            if [[ -z $best_wall ]]; then best_wall=$run_wall best_cpu=$run_cpu; fi
            if ((run_kb > peak_kb)); then peak_kb=$run_kb; fi
            return 0
        fi
        if [[ -z $best_wall ]] || awk -v a="$run_wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$run_wall
        fi
        if [[ -z $best_cpu ]] || awk -v a="$run_cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
            best_cpu=$run_cpu
        fi
        if ((run_kb > peak_kb)); then peak_kb=$run_kb; fi
    done
    return 0
}

# The first line of the last run's standard error, for a message.
bench_first_error() { head -c 300 "$bench_err" 2> /dev/null | head -1; }

# bench_table MARKDOWN: rows on standard input, cells separated by '|', the first row the header.
# MARKDOWN=0: columns aligned, numbers (cells starting with a digit, '-' or '+') to the right;
# MARKDOWN=1: a GitHub Markdown table.
bench_table() {
    awk -F'|' -v md="$1" '
        { rows[NR] = $0; n = NF > n ? NF : n
          for (i = 1; i <= NF; i++) if (length($i) > w[i]) w[i] = length($i) }
        END {
            for (r = 1; r <= NR; r++) {
                k = split(rows[r], c, "|")
                line = md ? "|" : ""
                for (i = 1; i <= n; i++) {
                    cell = i <= k ? c[i] : ""
                    if (md) line = line " " cell " |"
                    else {
                        numeric = r > 1 && cell ~ /^[-+0-9.]/
                        line = line (i > 1 ? "  " : "") sprintf(numeric ? "%" w[i] "s" : "%-" w[i] "s", cell)
                    }
                }
                sub(/ +$/, "", line)
                print line
                if (r == 1) {
                    line = md ? "|" : ""
                    for (i = 1; i <= n; i++) {
                        if (md) line = line "---|"
                        else { dash = sprintf("%" w[i] "s", ""); gsub(/ /, "-", dash); line = line (i > 1 ? "  " : "") dash }
                    }
                    print line
                }
            }
        }'
}
