#!/usr/bin/env bash
# `zhquant extract --format html` in a real browser: renders the seeds' page in headless Chromium,
# checks its DOM against the JSON output (check_dom.py), lets the page's own script sort, click
# and copy (report.html#selftest), and saves a screenshot.  Exits 77 (CTest: skipped) when no
# Chromium is installed: `apt-get install chromium` (scripts/setup.sh does).
#
#     tests/browser/html_view_test.sh build/tools/zhquant seeds build/tests/browser
#     tests/browser/html_view_test.sh build/tools/zhquant seeds build/tests/browser docs/html_view.png
#
# The screenshot is OUT/html_view.png; a fourth argument is where to copy it too (the README's
# picture), refused above 300 KB.  $CHROMIUM names the browser when it is not on the PATH;
# ZHQUANT_REQUIRE_BROWSER=1 (set by .ci/run) makes a missing browser a failure, not a skip.
set -euo pipefail
zhquant=$(realpath "$1")
seeds=$(realpath "$2")
out=$3
copy_to=${4:-}
here=$(dirname "$(realpath "$0")")

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" > /dev/null; then
            browser=$name
            break
        fi
    done
fi
if [[ -z $browser ]]; then
    if [[ ${ZHQUANT_REQUIRE_BROWSER:-} == 1 ]]; then  # CI (.ci/run): the test must run
        echo "FAIL: no Chromium, and ZHQUANT_REQUIRE_BROWSER=1: install it with 'apt-get install chromium'"
        exit 1
    fi
    echo "SKIPPED: no Chromium (install it with 'apt-get install chromium', or set CHROMIUM); the HTML view was not checked in a browser"
    exit 77
fi

mkdir -p "$out"
out=$(realpath "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Flags for a headless run as root in a container, with no network.
run_browser() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --mute-audio --hide-scrollbars \
        --user-data-dir="$profile" "$@" 2> "$out/browser.log"
}

echo "browser: $("$browser" --version 2> /dev/null)"
(cd "$seeds/.." && "$zhquant" extract --format html -o "$out/report.html" "$(basename "$seeds")")
(cd "$seeds/.." && "$zhquant" extract --format jsonl --unclaimed -q "$(basename "$seeds")") > "$out/records.jsonl"
(cd "$seeds/.." && "$zhquant" mentions "$(basename "$seeds")") > "$out/mentions.jsonl"

run_browser --dump-dom "file://$out/report.html#selftest" > "$out/dom.html"
python3 "$here/check_dom.py" "$out/report.html" "$out/dom.html" "$out/records.jsonl" "$out/mentions.jsonl"

# The first record's details shown, the page's top in view.
run_browser --window-size=1280,1100 --screenshot="$out/html_view.png" "file://$out/report.html#doc-1-record-1" > /dev/null
[[ -s $out/html_view.png ]] || { echo "FAIL: no screenshot (see $out/browser.log)"; exit 1; }
size=$(stat -c %s "$out/html_view.png")
echo "screenshot: $out/html_view.png ($size bytes)"
if [[ -n $copy_to ]]; then
    if ((size > 300 * 1024)); then
        echo "FAIL: the screenshot is $size bytes, more than 300 KB: not copied to $copy_to"
        exit 1
    fi
    cp "$out/html_view.png" "$copy_to"
    echo "copied to $copy_to"
fi
