#!/usr/bin/env bash
# `zhquant mentions` and `zhquant extract`: exact output and messages for small inputs, bad input
# and bad options.
#
#     tests/cli/mentions_cli_test.sh build/tools/zhquant
set -uo pipefail
zhquant=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # so that nope.txt is missing
source "$here/check.sh"

check "a quantity with a qualifier" 0 \
    '{"doc":"-","start":0,"end":12,"text":"超200万元","kind":"quantity","value":"2000000","unit":"元","qualifier":"over","dimension":"money","si_value":"2000000","si_unit":"CNY"}
' '' '超200万元' mentions

check "a percent and a date, PDF spaces kept in the span" 0 \
    '{"doc":"-","start":0,"end":8,"text":"2024 年","kind":"date","value":"2024","qualifier":"exact","dimension":"time"}
{"doc":"-","start":15,"end":20,"text":"8.3 %","kind":"percent","value":"8.3","qualifier":"exact","dimension":"ratio"}
' '' '2024 年增长 8.3 %%' mentions

check "invalid UTF-8: file and position, the rest still read" 1 \
    '{"doc":"-","start":4,"end":13,"text":"598万元","kind":"quantity","value":"5980000","unit":"元","qualifier":"exact","dimension":"money","si_value":"5980000","si_unit":"CNY"}
' $'-:1: error: invalid UTF-8 byte 0xFF\n' 'a\xff, 598万元' mentions

check "a missing file, the other still read" 1 \
    '{"doc":"-","start":0,"end":4,"text":"5个","kind":"quantity","value":"5","unit":"个","qualifier":"exact","dimension":"count","si_value":"5","si_unit":"1"}
' $'zhquant: cannot open \'nope.txt\': No such file or directory\n' '5个' mentions nope.txt -

check "an unknown option" 109 '' $'The following argument was not expected: --nope\nRun with --help for more information.\n' '' mentions --nope

check "an unknown rule set lists the known ones" 2 '' \
    $'zhquant: unknown rule set \'nope\' (known: township_report, statistical_bulletin)\n' '' extract --rules nope

printf '[units]\n垧\tarea\t10000\tm2\n[fillers]\n两 个\n' > bad.lex
check "a malformed lexicon: file, line and column, the line and a caret" 2 '' \
    $'bad.lex:4:2: error: unexpected space in a word (one word a line)\n    4 | 两 个\n      |   ^\n' '' \
    extract --lexicon bad.lex

printf '# name\tdimension\tfactor\tbase\n垧\tarea\t10000\tm2\n亩亩\tarea\t-3\tm2\n' > bad.units
check "a malformed unit file: file, line and column, the line and a caret" 2 '' \
    $'bad.units:3:9: error: expected a factor greater than zero here\n    3 | 亩亩    area    -3      m2\n      |                 ^\n' \
    '' mentions --units bad.units

printf '垧\tarea\t10000\tm2\n' > good.units
check "units from a file" 0 \
    '{"doc":"-","start":0,"end":5,"text":"30垧","kind":"quantity","value":"30","unit":"垧","qualifier":"exact","dimension":"area","si_value":"300000","si_unit":"m2"}
' '' '30垧' mentions --units good.units

check "extract, CSV" 0 $'doc,rule,indicator,value,period,change,share,values,text\r\n-,figure,税收,598万元,,,,,完成税收598万元\r\n' '' \
    '完成税收598万元' extract -f csv

check "--audit counts every numeric token" 0 \
    $'-: 4 numeric tokens: 2 in mentions, 2 rejected, 0 unrecognized\n' '' \
    '第八批项目3个，增长8.3%%，编号12345' mentions --audit

# A line longer than the limit is an error, reported where the limit is passed; --max-line-bytes
# raises the limit, and 0 lifts it: the mentions of one long line, its last one at its end.
line=$(printf '%.0s增长8.3%%，' $(seq 1 200))
printf '%s收入5万元' "$line" > long_line.txt  # 2613 bytes, no line break
"$zhquant" mentions --max-line-bytes 1000 long_line.txt > out 2> err
if [[ $? == 1 && $(cat err) == "long_line.txt:1000: error: line longer than the maximum of 1000 bytes (normalize_options::max_line_bytes)" ]]; then
    pass
else
    fail "--max-line-bytes 1000: $(head -c 300 err)"
fi
"$zhquant" mentions --max-line-bytes 0 long_line.txt > out 2> err
if [[ $? == 0 && ! -s err && $(wc -l < out) == 201 ]] && tail -1 out | grep -q '"start":2606,"end":2613,"text":"5万元"'; then
    pass
else
    fail "--max-line-bytes 0: $(wc -l < out) mentions, $(head -c 300 err)"
fi

echo "mentions CLI: $passed passed, $failed failed"
((failed == 0))
