#!/usr/bin/env bash
# Seconds and peak memory to compile each of the library's translation units (src/*.cpp, which
# together hold every grammar; the X3 `number` rule is instantiated in src/number_rule.cpp alone)
# and each rule set's, with Release flags.
#
#     bench/compile_time.sh            # prints: wall time, CPU time (user + system), peak MB
#     bench/compile_time.sh build      # the same, and each unit compiled as the profile-guided
#                                      # build compiles it (cmake/zhquant_pgo.cmake): instrumented,
#                                      # and with build/pgo/profile (a tree built with ZHQUANT_PGO)
#
# On a shared machine the wall time grows with the load; the CPU time much less, so both are
# printed.
set -euo pipefail
cd "$(dirname "$0")/.."
CXX=${CXX:-g++}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One line per translation unit: its wall time, CPU time (user + system) and peak memory.
# The object is written where the build tree writes it (OBJECT, relative), so that the profile's
# .gcda files, named by that path, are found.
measure() {  # LABEL FILE OBJECT [EXTRA FLAGS...]
    local label=$1 file=$2 object=$out/$3
    shift 3
    mkdir -p "$(dirname "$object")"
    /usr/bin/time -v "$CXX" -std=c++20 -O3 -DNDEBUG -DZHQUANT_SEPARATE_COMPILATION -I include "$@" \
        -c "$file" -o "$object" 2> "$out/time.txt"
    local seconds cpu peak_kb
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
    cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$out/time.txt")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    echo "$label ($file, -O3): wall ${seconds} (m:ss), CPU ${cpu} s, peak $((peak_kb / 1024)) MB"
}

# The library's translation units (src/*.cpp: zhquant_compiled, one part of the grammars each).
for unit in src/*.cpp; do
    measure "grammar translation unit" "$unit" "CMakeFiles/zhquant_compiled.dir/$unit.o"
done

# Each rule set's translation unit (tools/rule_set_<name>.cpp): its X3 rules, compiled on their own.
for unit in tools/rule_set_*.cpp; do
    measure "rule set translation unit" "$unit" "tools/CMakeFiles/zhquant_cli.dir/${unit#tools/}.o" -I rules
done

# The profile-guided build compiles the same units twice: instrumented, then with the profile
# (but for the rule sets, compiled as above).
profile=${1:+$1/pgo/profile}
if [[ -n $profile && -d $profile ]]; then
    profile=$(realpath "$profile")
    # The flags cmake/zhquant_pgo.cmake adds (its warnings left out: they change no code).
    generate=(-fprofile-generate="$out/profile" -fprofile-prefix-path="$out" -fprofile-update=single)
    use=(-fprofile-use="$profile" -fprofile-prefix-path="$out" -fprofile-partial-training -Wno-missing-profile)
    for flags in generate use; do
        declare -n pgo_flags=$flags
        for unit in src/*.cpp; do
            measure "grammar translation unit, profile-guided ($flags)" "$unit" \
                "CMakeFiles/zhquant_compiled.dir/$unit.o" "${pgo_flags[@]}"
        done
        [[ $flags == use ]] && continue  # the rule sets are compiled without the profile (tools/CMakeLists.txt)
        for unit in tools/rule_set_*.cpp; do
            measure "rule set translation unit, profile-guided ($flags)" "$unit" \
                "tools/CMakeFiles/zhquant_cli.dir/${unit#tools/}.o" -I rules "${pgo_flags[@]}"
        done
    done
elif [[ -n $profile ]]; then
    echo "compile_time: no profile in $profile (a tree configured with -DZHQUANT_PGO=ON and built)" >&2
    exit 2
fi
