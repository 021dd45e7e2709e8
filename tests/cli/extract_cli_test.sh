#!/usr/bin/env bash
# `zhquant extract` on many files: directories, patterns, -j, the summary line, the progress bar,
# CSV and HTML output, -o, and the exact messages for what can go wrong.  Also: every
# subcommand's --help shows examples.
#
#     tests/cli/extract_cli_test.sh build/tools/zhquant seeds
set -uo pipefail
zhquant=$(realpath "$1")
seeds=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$here/check.sh"

# A small tree: reports/ has two reports, one in a subdirectory, and a file that is no report.
mkdir -p reports/sub empty/inner
printf '完成税收598万元，同比增长8.3%%' > reports/b.txt
printf '出栏肉猪3820头、山羊108只' > reports/sub/a.txt
printf '598万元' > reports/notes.md
printf 'not a report' > empty/inner/readme.md

csv_b=$'reports/b.txt,figure,税收,598万元,,同比 up 8.3%,,,完成税收598万元，同比增长8.3%\r\n'
csv_a=$'reports/sub/a.txt,item_list,肉猪,3820头,,,,,出栏肉猪3820头、山羊108只\r\nreports/sub/a.txt,item_list,山羊,108只,,,,,出栏肉猪3820头、山羊108只\r\n'
header=$'doc,rule,indicator,value,period,change,share,values,text\r\n'

check "a directory: its .txt files, subdirectories too, in name order; a summary line" 0 \
    "$header$csv_b$csv_a" $'2 documents, 4 mentions, 3 records, 0 unclaimed\n' '' extract -f csv reports

check "a quoted pattern is expanded" 0 "$header$csv_a" '' '' extract -f csv 'reports/*/*.txt'

check "a directory without reports" 1 '' \
    $'zhquant: no .txt files in directory \'empty\' or its subdirectories\n' '' extract -f csv empty

check "a pattern that matches nothing, the other files still read" 1 "$header$csv_b" \
    $'zhquant: no files match \'nope/*.txt\'\n2 documents, 2 mentions, 1 record, 0 unclaimed\n' \
    '' extract -f csv 'nope/*.txt' reports/b.txt -

check "a missing file, counted in the summary" 1 "$header$csv_b" \
    $'zhquant: cannot open \'nope.txt\': No such file or directory\n1 document, 2 mentions, 1 record, 0 unclaimed, 1 not read\n' \
    '' extract -f csv nope.txt reports/b.txt

printf 'abc\xff，完成税收598万元' > bad.txt
check "invalid UTF-8: the file and the byte offset" 1 \
    $'doc,rule,indicator,value,period,change,share,values,text\r\nbad.txt,figure,税收,598万元,,,,,完成税收598万元\r\n' \
    $'bad.txt:3: error: invalid UTF-8 byte 0xFF\n' '' extract -f csv bad.txt

check "--summary for one document, -q for none" 0 '' $'1 document, 2 mentions, 1 record, 0 unclaimed\n' '' \
    extract -f csv --summary -o /dev/null reports/b.txt
check "-q: no summary line" 0 '' '' '' extract -f csv -q -o /dev/null reports reports/b.txt

check "-j 0 is refused" 105 '' $'--jobs: Value 0 not in range 1 to 256\nRun with --help for more information.\n' \
    '' extract -j 0 reports
check "an unknown format lists the known ones" 105 '' \
    $'--format: xml not in {csv,html,jsonl,table}\nRun with --help for more information.\n' '' extract -f xml
check "-o where nothing can be written" 2 '' \
    $'zhquant: cannot write \'nodir/report.html\': No such file or directory\n' '' \
    extract -f html -o nodir/report.html reports

# -j: many documents at once, the output in input order, byte for byte as with one at a time.
mkdir many
for i in $(seq -w 1 40); do cp "$seeds/00$((10#$i % 5))"_*.txt "many/$i.txt"; done
"$zhquant" extract -f jsonl --unclaimed many > one.jsonl 2> one.err
"$zhquant" extract -f jsonl --unclaimed -j 4 many > four.jsonl 2> four.err
if cmp -s one.jsonl four.jsonl && cmp -s one.err four.err && [[ -s one.jsonl ]]; then
    pass
else
    fail "-j 4: output differs from -j 1"
fi
"$zhquant" extract -f table -j 3 many > four.table 2> /dev/null
if "$zhquant" extract -f table many 2> /dev/null | cmp -s - four.table; then pass; else fail "-j 3, table: differs"; fi

# The progress bar: on a terminal (script(1) gives one) with 20 files or more; never on a pipe.
if command -v script > /dev/null; then
    script -qec "$zhquant extract -f jsonl -o /dev/null many" /dev/null > tty.out 2>&1
    if grep -q $'\r\x1b\\[K\\[==============================\\] 40/40  many/40.txt' tty.out &&
        grep -q '40 documents, ' tty.out; then
        pass
    else
        fail "no progress bar on a terminal: $(head -c 300 tty.out | od -c | head -5)"
    fi
    script -qec "$zhquant extract -f jsonl -o /dev/null reports" /dev/null > tty2.out 2>&1
    if grep -q '\[=' tty2.out; then fail "a progress bar for 2 files"; else pass; fi
else
    echo "skipped: the progress bar (no script(1))"
fi
if grep -q '\[=' one.err; then fail "a progress bar on a pipe"; else pass; fi

# HTML: one self-contained page whose counts are the JSON's (tests/browser checks it in Chromium).
"$zhquant" extract -f html -o page.html reports 2> html.err
if [[ $(cat html.err) == "2 documents, 4 mentions, 3 records, 0 unclaimed" ]] &&
    grep -q '<p id="summary" data-documents="2" data-mentions="4" data-records="3" data-unclaimed="0">' page.html &&
    [[ $(grep -o '<mark class="m ' page.html | wc -l) == 4 ]] &&
    [[ $(grep -o '<tr class="record"' page.html | wc -l) == 3 ]] &&
    [[ $(grep -o '<span class="match"' page.html | wc -l) == 2 ]] &&
    grep -q 'data-records="0 1"' page.html &&
    ! grep -qiE '<link|<img|src=|https?://|@import|url\(' page.html; then
    pass
else
    fail "html: counts or self-containment ($(cat html.err))"
fi
printf 'a<b>&"\xff 5个' > escape.txt
"$zhquant" extract -f html escape.txt > escape.html 2> /dev/null
if grep -q 'a&lt;b&gt;&amp;&quot;� <mark class="m quantity unclaimed" data-kind="quantity" data-start="8" data-end="12" data-value="5" data-unit="个"' escape.html; then
    pass
else
    fail "html: text not escaped: $(grep -o '<div class="text">.\{0,200\}' escape.html)"
fi

# CSV with --unclaimed is two tables, the records' and then the unclaimed mentions': however long
# the first, no row of the second comes before its end (each table buffers its output).
mkdir many
for i in $(seq -w 24); do cat "$seeds"/*.txt > many/r$i.txt; done
"$zhquant" extract -f csv --unclaimed -q many > two_tables.csv
records_end=$(grep -n '^doc,unclaimed,' two_tables.csv | cut -d: -f1)
last_record=$(grep -n '^many/r[0-9]*.txt,[a-z_]*,' two_tables.csv | tail -1 | cut -d: -f1)
if [[ -n $records_end && -n $last_record ]] && ((last_record < records_end)) && (($(stat -c %s two_tables.csv) > 65536)); then
    pass
else
    fail "csv --unclaimed: the unclaimed table starts at line ${records_end:-?}, a record is at line ${last_record:-?}"
fi

# Every subcommand's help shows examples.
for command in numbers mentions extract explain normalize; do
    if "$zhquant" "$command" --help > help.out && grep -q "^Examples\?:" help.out && grep -q "^  zhquant $command\|^  .*| zhquant $command\|^  \$ .*zhquant $command" help.out; then
        pass
    else
        fail "$command --help shows no examples"
    fi
done

echo "extract CLI: $passed passed, $failed failed"
((failed == 0))
