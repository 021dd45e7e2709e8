#!/usr/bin/env bash
# Seconds and peak memory to compile each of the library's translation units (src/*.cpp, which
# together hold every grammar; the X3 `number` rule is instantiated in src/number_rule.cpp alone)
# and each rule set's, with Release flags.
#
#     bench/compile_time.sh            # prints: wall time, CPU time (user + system), peak MB
#
# On a shared machine the wall time grows with the load; the CPU time much less, so both are
# printed.
set -euo pipefail
cd "$(dirname "$0")/.."
CXX=${CXX:-g++}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One line per translation unit: its wall time, CPU time (user + system) and peak memory.
measure() {  # LABEL FILE [EXTRA FLAGS...]
    local label=$1 file=$2
    shift 2
    /usr/bin/time -v "$CXX" -std=c++20 -O3 -DNDEBUG -DZHQUANT_SEPARATE_COMPILATION -I include "$@" \
        -c "$file" -o "$out/unit.o" 2> "$out/time.txt"
    local seconds cpu peak_kb
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
    cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$out/time.txt")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    echo "$label ($file, -O3): wall ${seconds} (m:ss), CPU ${cpu} s, peak $((peak_kb / 1024)) MB"
}

# The library's translation units (src/*.cpp: zhquant_compiled, one part of the grammars each).
for unit in src/*.cpp; do
    measure "grammar translation unit" "$unit"
done

# Each rule set's translation unit (tools/rule_set_<name>.cpp): its X3 rules, compiled on their own.
for unit in tools/rule_set_*.cpp; do
    measure "rule set translation unit" "$unit" -I rules
done
