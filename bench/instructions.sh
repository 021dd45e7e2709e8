#!/usr/bin/env bash
# Instructions (callgrind's Ir, millions) of whole `zhquant` runs, for one tool or several side by
# side (issue 7): the figure a step of work is judged by where wall time is noisy, stable to a few
# thousand instructions run to run.
#
#     bench/instructions.sh                          # build/tools/zhquant
#     bench/instructions.sh old/zhquant new/zhquant  # one row per tool, in this order
#
# Rows: `extract -f jsonl` with each rule set on the seeds repeated 40 times (seeds/*.txt, 2.0 MB)
# and on ../shared/corpus's *.txt (sorted, concatenated) repeated 4 times (0.96 MB; the column is
# "-" where the corpus is absent), `mentions -f jsonl` on the seeds, and `extract` on an empty
# file (start-up: ICU data, unit tables, rule sets).  Needs valgrind; a few minutes a tool.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 1; }
tools=("$@")
[[ ${#tools[@]} -gt 0 ]] || tools=(build/tools/zhquant)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq 40); do cat seeds/*.txt; done > "$work/seeds.txt"
corpus=../shared/corpus
if [[ -d $corpus ]]; then
    mapfile -t files < <(find "$corpus" -name '*.txt' | LC_ALL=C sort)
    for _ in 1 2 3 4; do cat "${files[@]}"; done > "$work/corpus.txt"
fi
: > "$work/empty.txt"
ir() {  # TOOL ARGS...: the run's instructions in millions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
        sed -n 's/.*refs: *//p' | tr -d , | awk '{printf "%.1f", $1 / 1e6}'
}
echo "seeds: $(wc -c < "$work/seeds.txt") bytes; corpus: $([[ -f $work/corpus.txt ]] && wc -c < "$work/corpus.txt" || echo absent)"
printf '%-34s %12s %12s %12s %12s %10s %8s\n' tool "township" "township" "bulletin" "bulletin" mentions empty
printf '%-34s %12s %12s %12s %12s %10s %8s\n' "" seeds corpus seeds corpus seeds ""
for z in "${tools[@]}"; do
    row=()
    for r in township_report statistical_bulletin; do
        row+=("$(ir "$z" extract -f jsonl -r "$r" "$work/seeds.txt")")
        if [[ -f $work/corpus.txt ]]; then row+=("$(ir "$z" extract -f jsonl -r "$r" "$work/corpus.txt")"); else row+=(-); fi
    done
    row+=("$(ir "$z" mentions -f jsonl "$work/seeds.txt")" "$(ir "$z" extract -f jsonl -r township_report "$work/empty.txt")")
    printf '%-34s %12s %12s %12s %12s %10s %8s\n' "$z" "${row[@]}"
done
