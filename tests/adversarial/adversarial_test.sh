#!/usr/bin/env bash
# Robustness, not speed: `zhquant mentions` and `zhquant extract` on ~200 KB of each adversarial
# input of issue 7 (tests/adversarial/inputs.sh: 一一一…, 1,1,1,…, 万万万…, digits, 三吨五万元…, one
# long line) end within a time limit with sane output: exit status 0 and nothing on standard
# error, or exit status 1 and only `FILE:OFFSET: error: MESSAGE` lines there; every line of
# standard output a JSON object (mentions: with offsets inside the file).  A line longer than the
# library's limit (normalize_options::max_line_bytes, 1 MiB) must give that limit's error; lines
# under it that the PDF repair joins past it must not.
# Speed is measured by bench/adversarial.sh, never asserted here.
#
#     tests/adversarial/adversarial_test.sh build/tools/zhquant seeds
set -uo pipefail
zhquant=$(realpath "$1")
seeds=$(realpath "$2")
bytes=${ADVERSARIAL_BYTES:-200000}
limit=${ADVERSARIAL_TIMEOUT:-60}  # seconds a run; under the CTest TIMEOUT, so a hang names its input
here=$(dirname "$(realpath "$0")")
source "$here/inputs.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}

# check_output NAME FILE KIND: standard output ($work/out) is JSON Lines; for mentions, each
# object's start < end lies inside FILE and has the fields of a mention.
check_output() {
    python3 - "$work/out" "$2" "$3" << 'EOF'
import json, os, sys
out, path, kind = sys.argv[1], sys.argv[2], sys.argv[3]
size = os.path.getsize(path)
with open(out, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        try:
            row = json.loads(line)
        except ValueError as e:
            sys.exit(f"line {number} of standard output is not JSON ({e}): {line[:80]!r}")
        if not isinstance(row, dict):
            sys.exit(f"line {number} of standard output is not a JSON object")
        if kind == "mentions":
            missing = {"doc", "start", "end", "text", "kind", "value"} - row.keys()
            if missing:
                sys.exit(f"line {number}: no {sorted(missing)}: {line[:80]!r}")
            if not (0 <= row["start"] < row["end"] <= size):
                sys.exit(f"line {number}: offsets {row['start']}-{row['end']} outside the file ({size} bytes)")
EOF
}

# run NAME FILE KIND ARGS...: zhquant ARGS FILE; checks status, standard error and output.
run() {
    local name=$1 file=$2 kind=$3
    shift 3
    timeout -k 5 "$limit" "$zhquant" "$@" "$file" > "$work/out" 2> "$work/err"
    local status=$?
    if ((status == 124 || status == 137)); then
        fail "$name: zhquant $* did not finish within $limit s"
        return
    fi
    if ((status != 0 && status != 1)); then
        fail "$name: zhquant $* ended with status $status (a crash?): $(head -c 300 "$work/err")"
        return
    fi
    if ((status == 0)) && [[ -s $work/err ]]; then
        fail "$name: exit status 0 but standard error says: $(head -c 300 "$work/err")"
        return
    fi
    if ((status == 1)); then
        if [[ ! -s $work/err ]]; then
            fail "$name: exit status 1 without a message"
            return
        fi
        if grep -qvE "^$(printf '%s' "$file" | sed 's/[][\.*^$/]/\\&/g'):[0-9]+: error: .+" "$work/err"; then
            fail "$name: a message not of the form FILE:OFFSET: error: MESSAGE: $(head -c 300 "$work/err")"
            return
        fi
    fi
    local why
    if ! why=$(check_output "$name" "$file" "$kind" 2>&1); then
        fail "$name: $why"
        return
    fi
    passed=$((passed + 1))
}

for name in "${adversarial_inputs[@]}"; do
    make_adversarial "$name" "$work/$name.txt" "$bytes" 1000000 "$seeds"
    run "$name (mentions)" "$work/$name.txt" mentions mentions
    run "$name (extract)" "$work/$name.txt" records extract --format jsonl
done

# A line over the limit (1.1 MB): a clear error at the limit (exit status 1); with the limit
# lifted (--max-line-bytes 0), the line is read whole: sane output, exit status 0.
make_adversarial one_line "$work/too_long.txt" 1100000 0 "$seeds"
before=$failed
run "a line over 1 MiB (mentions)" "$work/too_long.txt" mentions mentions
if ((failed == before)) && ! grep -qF ": error: line longer than the maximum of 1048576 bytes" "$work/err"; then
    passed=$((passed - 1))
    fail "a line over 1 MiB: expected 'line longer than the maximum of 1048576 bytes', got: $(head -c 300 "$work/err")"
fi
for command in mentions extract; do
    kind=mentions
    [[ $command == extract ]] && kind=records
    before=$failed
    format=()
    [[ $command == extract ]] && format=(--format jsonl)
    run "a line over 1 MiB, no limit ($command)" "$work/too_long.txt" "$kind" "$command" "${format[@]}" --max-line-bytes 0
    if ((failed == before)) && { [[ -s $work/err ]] || [[ ! -s $work/out ]]; }; then
        passed=$((passed - 1))
        fail "a line over 1 MiB, no limit ($command): no output or a message: $(head -c 300 "$work/err")"
    fi
done

# Input lines under the limit that the PDF repair joins past it (1,000,000-byte lines of 三吨五万元…,
# each wrap between two Chinese characters): read on at the default limit, exit status 0, nothing
# on standard error, and the mentions those of the same file with no limit.
make_adversarial alternating "$work/joined.txt" 2200000 1000000 "$seeds"
for command in mentions extract; do
    kind=mentions
    format=()
    [[ $command == extract ]] && kind=records && format=(--format jsonl)
    before=$failed
    run "lines joined past 1 MiB ($command)" "$work/joined.txt" "$kind" "$command" "${format[@]}"
    if ((failed == before)) && [[ -s $work/err ]]; then
        passed=$((passed - 1))
        fail "lines joined past 1 MiB ($command): a message: $(head -c 300 "$work/err")"
    fi
    [[ $command == mentions ]] && cp "$work/out" "$work/joined_default"
done
"$zhquant" mentions --max-line-bytes 0 "$work/joined.txt" > "$work/joined_unlimited" 2>&1
if [[ -s $work/joined_default ]] && cmp -s "$work/joined_default" "$work/joined_unlimited"; then
    passed=$((passed + 1))
else
    fail "lines joined past 1 MiB: the mentions differ from those with no limit ($(wc -l < "$work/joined_default") and $(wc -l < "$work/joined_unlimited") lines)"
fi

echo "adversarial inputs ($bytes bytes each): $passed passed, $failed failed"
((failed == 0))
