#!/usr/bin/env bash
# `zhquant normalize`: exact standard output, standard error and exit status for small inputs fed
# on standard input, then every seed, then an input of several 1 MiB blocks.
#
#     tests/cli/normalize_cli_test.sh build/tools/zhquant seeds
set -uo pipefail
zhquant=$(realpath "$1")
seeds=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # so that nope.txt is missing

source "$here/check.sh"

check "spaces between CJK characters" 0 '实现税收598万元' '' \
    '实 现 税 收 598 万 元' normalize

check "traditional, CRLF, full-width" 0 '实现税收598万元同比增长8.3%' '' \
    '实 现 税 收 598 萬 元\r\n同比增长 ８．３％' normalize

check "--map" 0 '{"doc":"-","start":0,"end":1,"orig_start":0,"orig_end":1,"copied":true,"text":"5"}
{"doc":"-","start":1,"end":1,"orig_start":1,"orig_end":2,"copied":false,"text":""}
{"doc":"-","start":1,"end":4,"orig_start":2,"orig_end":5,"copied":false,"text":"万"}
{"doc":"-","start":4,"end":4,"orig_start":5,"orig_end":7,"copied":false,"text":""}
{"doc":"-","start":4,"end":7,"orig_start":7,"orig_end":10,"copied":true,"text":"元"}
{"doc":"-","start":7,"end":7,"orig_start":10,"orig_end":11,"copied":false,"text":""}
{"doc":"-","start":7,"end":8,"orig_start":11,"orig_end":14,"copied":false,"text":"8"}
{"doc":"-","start":8,"end":9,"orig_start":14,"orig_end":17,"copied":false,"text":"%"}
' '' '5 萬\r\n元 ８％' normalize --map

check "empty input" 0 '' '' '' normalize
check "empty input, --map" 0 '' '' '' normalize --map

check "invalid byte replaced" 1 $'a\xEF\xBF\xBDb' $'-:1: error: invalid UTF-8 byte 0xFF\n' \
    'a\xffb' normalize

check "two problems, both reported" 1 $'a\xEF\xBF\xBDb\xEF\xBF\xBD' \
    $'-:1: error: invalid UTF-8 byte 0xFF\n-:3: error: truncated UTF-8 sequence 0xE4 0xB8\n' \
    'a\xffb\xe4\xb8' normalize

check "invalid byte, --on-invalid fail" 1 '' $'-:1: error: invalid UTF-8 byte 0xFF\n' \
    'a\xffb' normalize --on-invalid fail

check "invalid byte, --map" 1 '{"doc":"-","start":0,"end":1,"orig_start":0,"orig_end":1,"copied":true,"text":"a"}
{"doc":"-","start":1,"end":4,"orig_start":1,"orig_end":2,"copied":false,"text":"�"}
{"doc":"-","start":4,"end":5,"orig_start":2,"orig_end":3,"copied":true,"text":"b"}
' $'-:1: error: invalid UTF-8 byte 0xFF\n' 'a\xffb' normalize --map

check "missing file, the other still read" 1 '同比' \
    $'zhquant: cannot open \'nope.txt\': No such file or directory\n' '同 比' normalize nope.txt -

check "a directory" 1 '' $'zhquant: cannot open \'.\': Is a directory\n' '' normalize .

check "--on-invalid checks its value" 105 '' \
    $'--on-invalid: bogus not in {fail,replace}\nRun with --help for more information.\n' \
    '' normalize --on-invalid bogus

# Every seed: normalized text that is not empty and has no carriage return.
for seed in "$seeds"/*.txt; do
    name=$(basename "$seed")
    if ! "$zhquant" normalize "$seed" > out 2> err; then
        fail "$name: exit status $?: $(head -3 err)"
    elif [[ ! -s out ]]; then
        fail "$name: empty normalized text"
    elif grep -q $'\r' out; then
        fail "$name: a carriage return is left"
    else
        pass
    fi
done

# Several 1 MiB blocks: the map tiles both texts, its texts are the normalized text, and every
# copied segment is the original bytes.
for _ in $(seq 60); do cat "$seeds"/*.txt; done > big.txt
if "$zhquant" normalize < big.txt > big.out && "$zhquant" normalize --map big.txt > big.map; then
    if python3 - big.txt big.out big.map <<'EOF'; then pass; else fail "3 MB input: the map does not fit"; fi
import json, sys
original = open(sys.argv[1], "rb").read()
normalized = open(sys.argv[2], "rb").read()
start = orig = 0
previous_copied = False
for line in open(sys.argv[3], encoding="utf-8"):
    s = json.loads(line)
    text = s["text"].encode()
    assert s["doc"] == "big.txt", s
    assert (s["start"], s["orig_start"]) == (start, orig), (s, start, orig)
    assert s["end"] - s["start"] == len(text) and normalized[s["start"]:s["end"]] == text, s
    assert not (s["copied"] and previous_copied), ("two copied segments in a row", s)
    if s["copied"]:
        assert original[s["orig_start"]:s["orig_end"]] == text, s
    start, orig, previous_copied = s["end"], s["orig_end"], s["copied"]
assert (start, orig) == (len(normalized), len(original)), (start, orig)
EOF
else
    fail "3 MB input: exit status $?"
fi

echo "normalize CLI: $passed passed, $failed failed"
((failed == 0))
