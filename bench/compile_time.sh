#!/usr/bin/env bash
# Seconds and peak memory to compile the grammar's translation unit (src/zhquant_compiled.cpp,
# which holds every X3 grammar of the library) and each rule set's, with Release flags.
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
/usr/bin/time -v "$CXX" -std=c++20 -O3 -DNDEBUG -DZHQUANT_SEPARATE_COMPILATION -I include \
    -c src/zhquant_compiled.cpp -o "$out/grammar.o" 2> "$out/time.txt"
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$out/time.txt")
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
echo "grammar translation unit (src/zhquant_compiled.cpp, -O3): wall ${seconds} (m:ss), CPU ${cpu} s, peak $((peak_kb / 1024)) MB"

# Each rule set's translation unit (tools/rule_set_<name>.cpp): its X3 rules, compiled on their own.
for unit in tools/rule_set_*.cpp; do
    /usr/bin/time -v "$CXX" -std=c++20 -O3 -DNDEBUG -DZHQUANT_SEPARATE_COMPILATION -I include -I rules \
        -c "$unit" -o "$out/rule_set.o" 2> "$out/time.txt"
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
    cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$out/time.txt")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    echo "rule set translation unit ($unit, -O3): wall ${seconds} (m:ss), CPU ${cpu} s, peak $((peak_kb / 1024)) MB"
done
