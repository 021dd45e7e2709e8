#!/usr/bin/env bash
# `zhquant explain SENTENCE`: the exact text for people (mentions; at each place a record may
# start, the rule chosen and why each other rule stopped, with a caret under the character); its
# JSON Lines; its messages; and, for every seed, that its records are extract's.
#
#     tests/cli/explain_cli_test.sh build/tools/zhquant seeds
#
# The blocks checked are those of rules whose shape is settled (figure, scoped_figure); the
# others' blocks follow the rule set as it changes.
set -uo pipefail
zhquant=$(realpath "$1")
seeds=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$here/check.sh"

# same NAME EXPECTED ACTUAL: compares two texts.
same() {
    if [[ $2 == "$3" ]]; then
        pass
    else
        fail "$1"
        diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20
    fi
}
# The block of RULE (its line and the two under it) in explain's output for the first site
# that names it after line FROM.
block() { awk -v rule="  $1 (" -v from="${3:-0}" 'NR > from && index($0, rule) == 1 { print; getline; print; getline; print; exit }' <<< "$2"; }

sentence='完成税收598万元，同比增长8.3%'
out=$("$zhquant" explain "$sentence")
status=$?
same "explain: exit status" 0 "$status"

same "explain: the sentence, the rule set and the mentions" \
"sentence: 完成税收598万元，同比增长8.3%
rule set: township_report ($("$zhquant" explain -f jsonl "$sentence" | grep -c '"at":0,') rules)

mentions (2):
  598万元  quantity  5980000 元 (exact)  bytes 12-21
  8.3%     percent   8.3 % (exact)       bytes 36-40

at byte 0: \"完成税收598万元，同比…\"" "$(head -8 <<< "$out")"

same "explain: the chosen rule, its match underlined" \
"  figure (priority 2)         chosen: bytes 0-40, 1 record
      完成税收598万元，同比增长8.3%
      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~" "$(block figure "$out")"

same "explain: a rule that stopped: where, what it expected, what it found, a caret" \
"  scoped_figure (priority 2)  stopped at byte 0: expected a quantity or percent (scope); found \"完成税收59…\"
      完成税收598万元，同比增长8.3%
      ^" "$(block scoped_figure "$out")"

same "explain: the records and the unclaimed mentions" \
"records (1):
  figure | indicator=税收 | value=598万元 | change=同比 up 8.3%
unclaimed: none" "$(tail -3 <<< "$out")"

# The caret stands under the right character: 汉字 are two columns, a space one.
out=$("$zhquant" explain "全镇共有2024 年度先进集体")
same "explain: an unclaimed mention" \
"  2024 年度  date  2024 (exact)  bytes 12-23  unclaimed" "$(sed -n 5p <<< "$out")"
same "explain: the caret after 汉字 and a space, under a date where a value was expected" \
"  item_list (priority 3)      stopped at byte 12: expected a quantity or percent (value); found the date \"2024 年度\"
      全镇共有2024 年度先进集体
              ^" "$(block item_list "$out")"

# Whatever the rules do: under every rule's line, the caret (or ^~~) stands at the display column
# of the byte the line names, for sentences of every seed (full-width punctuation, spaces, digits).
carets_ok=1
while IFS= read -r line; do
    [[ -z $line ]] && continue
    "$zhquant" explain "$line" > explained.txt 2> /dev/null
    if ! python3 "$here/explain_carets.py" "$line" explained.txt; then
        carets_ok=0
        break
    fi
done < <(cat "$seeds"/*.txt | tr -d '\r' | awk 'length($0) > 12' | head -40)
if ((carets_ok)); then pass; else fail "explain: a caret is not under its byte's character"; fi

# Later places: where the last record ended (34, before the comma), then after the comma (37).
out=$("$zhquant" explain "实现固定资产投资2046万元，完成税收598万元")
same "explain: the places tried" $'at byte 0: "实现固定资产投资2046…"\nat byte 34: "，完成税收598万元"\nat byte 37: "完成税收598万元"' \
    "$(grep '^at byte' <<< "$out")"
same "explain: the second clause's chosen match, under the right characters" \
"  figure (priority 2)         chosen: bytes 37-58, 1 record
      实现固定资产投资2046万元，完成税收598万元
                                ^~~~~~~~~~~~~~~" "$(block figure "$out" "$(grep -n '^at byte 37' <<< "$out" | cut -d: -f1)")"

same "explain -f jsonl: an attempt that stopped" \
    '{"type":"attempt","at":0,"rule":"scoped_figure","priority":2,"outcome":"stopped","end":0,"expected":["a quantity or percent (scope)"]}' \
    "$("$zhquant" explain -f jsonl "税收598万元" | grep '"rule":"scoped_figure"')"
same "explain -f jsonl: a mention, claimed" \
    '{"type":"mention","start":6,"end":15,"text":"598万元","kind":"quantity","value":"5980000","unit":"元","qualifier":"exact","dimension":"money","claimed":true}' \
    "$("$zhquant" explain -f jsonl "税收598万元" | grep '"type":"mention"')"

# Messages.
check "explain: an unknown rule set lists the known ones" 2 '' \
    $'zhquant: unknown rule set \'nope\' (known: township_report, statistical_bulletin)\n' '' explain --rules nope "税收598万元"
check "explain: no sentence" 106 '' $'sentence is required\nRun with --help for more information.\n' '' explain
check "explain: an empty sentence" 2 '' $'zhquant: nothing to explain: the sentence is empty\n' '' explain ''
printf '[verbs]\n收 购\n' > bad.lex
check "explain: a malformed lexicon, with the line and a caret" 2 '' \
    $'bad.lex:2:2: error: unexpected space in a word (one word a line)\n    2 | 收 购\n      |   ^\n' '' \
    explain --lexicon bad.lex "税收598万元"
"$zhquant" explain - < <(printf 'ab\xff，税收598万元') > /dev/null 2> err
same "explain: invalid UTF-8 on standard input, with its byte offset" \
    "-:2: error: invalid UTF-8 byte 0xFF" "$(cat err)"

# explain follows extract's driver: for every seed, the same records.
for seed in "$seeds"/*.txt; do
    name=$(basename "$seed")
    "$zhquant" extract -f jsonl - < "$seed" > extract.jsonl 2> /dev/null
    "$zhquant" explain -f jsonl - < "$seed" 2> /dev/null | grep '^{"type":"record"' |
        sed 's/^{"type":"record",/{/' > explain.jsonl
    if [[ -s extract.jsonl ]] && cmp -s extract.jsonl explain.jsonl; then
        pass
    else
        fail "$name: explain's records differ from extract's"
        diff extract.jsonl explain.jsonl | head -5
    fi
done

echo "explain CLI: $passed passed, $failed failed"
((failed == 0))
