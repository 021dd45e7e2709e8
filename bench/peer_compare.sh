#!/usr/bin/env bash
# zhquant against its peer, Microsoft Recognizers-Text (npm, Chinese), on the same text (issue 7):
# RT's NumberModel alone, and its NumberModel + CurrencyModel + DimensionModel together, against
# `zhquant mentions` (which finds numbers with their units, percents and dates).  Prints both
# throughputs and the ratios, beside the issue's goals (>= 100x RT's number model, >= 5000x its
# three models together).
#
#     bench/peer_compare.sh                      # build/tools/zhquant
#     bench/peer_compare.sh path/to/zhquant      # or ZHQUANT=path/to/zhquant
#     SLICE_KB=200 RUNS=3 RT_VERSION=1.3.1 bench/peer_compare.sh
#
# Installs @microsoft/recognizers-text-number and -number-with-unit (RT_VERSION, default 1.3.1)
# with npm into a temporary folder, removed afterwards; without node or npm, or when the install
# fails (no network), it says so and exits 0.
#
# The text: the five seeds/*.txt concatenated and repeated (whole) to SLICE_KB kB (default 200;
# RT runs at about 0.04-2 MB/s).  RT is timed inside node with process.hrtime around model.parse()
# only: loading the modules and building the models are excluded.  It gets the text line by line
# (non-empty lines; RT is made for short utterances, and whole-text parsing measured the same
# speed), in passes over the whole slice until at least MIN_SECONDS (default 3) have passed, at
# least 2 passes (the first warms up the JIT); its figure is the best pass.  zhquant is timed as a
# whole process (start-up, reading, JSON output included) on the same slice repeated until one
# run takes at least 1 s, best wall time of RUNS runs (default 3).  Both run on one core
# (taskset -c 0).  MB = 10^6 bytes of UTF-8 input.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

bench_start "${1:-}"
runs=${RUNS:-3}
slice_kb=${SLICE_KB:-200}
min_seconds=${MIN_SECONDS:-3}
rt_version=${RT_VERSION:-1.3.1}

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "peer_compare: skipped: node and npm are needed to run Recognizers-Text (Debian packages: nodejs, npm)"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_err=$work/err

echo "bench/peer_compare.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "installing @microsoft/recognizers-text-number@$rt_version and -number-with-unit@$rt_version (npm) ..." >&2
mkdir -p "$work/rt"
if ! (cd "$work/rt" && timeout 600 npm install --no-audit --no-fund --no-save --loglevel=error \
    "@microsoft/recognizers-text-number@$rt_version" \
    "@microsoft/recognizers-text-number-with-unit@$rt_version") > "$work/npm.log" 2>&1; then
    echo "peer_compare: skipped: npm could not install Recognizers-Text (no network or registry?):"
    grep -v 'Unknown user config' "$work/npm.log" | tail -5
    exit 0
fi

# rt.js FILE number|three MIN_SECONDS: prints the passes, the first and the best pass's seconds and
# the results found in one pass.
cat > "$work/rt/rt.js" << 'EOF'
const fs = require('fs');
const N = require('@microsoft/recognizers-text-number');
const U = require('@microsoft/recognizers-text-number-with-unit');
const [file, mode, minSeconds] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text, 'utf8');
// Not timed: building the models (they compile their regular expressions).
const culture = N.Culture.Chinese;
const models = [new N.NumberRecognizer(culture).getNumberModel()];
if (mode === 'three') {
  const units = new U.NumberWithUnitRecognizer(culture);
  models.push(units.getCurrencyModel(), units.getDimensionModel());
}
const lines = text.split('\n').filter((l) => l.length > 0);
const passes = [];
let found = 0, total = 0;
while (passes.length < 2 || (total < Number(minSeconds) && passes.length < 50)) {
  found = 0;
  const t0 = process.hrtime.bigint();
  for (const line of lines) for (const m of models) found += m.parse(line).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  passes.push(s);
  total += s;
}
console.log(`${passes.length} ${passes[0]} ${Math.min(...passes)} ${found}`);
EOF

bench_make_seeds "$work/slice.txt" $((slice_kb * 1000))
slice_bytes=$(stat -c %s "$work/slice.txt")

run_rt() {  # MODE: sets rt_first rt_best rt_passes rt_found (seconds per pass, best)
    local mode=$1 line
    echo "RT ($mode) on $slice_bytes bytes ..." >&2
    if ! line=$(cd "$work/rt" && "${bench_pin[@]}" node rt.js "$work/slice.txt" "$mode" "$min_seconds" 2> "$work/node.err"); then
        echo "peer_compare: Recognizers-Text failed:" >&2
        tail -5 "$work/node.err" >&2
        exit 1
    fi
    read -r rt_passes rt_first rt_best rt_found <<< "$line"
}
run_rt number
num_passes=$rt_passes num_first=$rt_first num_best=$rt_best num_found=$rt_found
run_rt three
three_passes=$rt_passes three_first=$rt_first three_best=$rt_best three_found=$rt_found

# zhquant: the slice repeated until a run takes >= 1 s.
count=$(( (10000000 + slice_bytes - 1) / slice_bytes ))  # start near 10 MB
while :; do
    : > "$work/big.txt"
    for ((i = 0; i < count; i++)); do cat "$work/slice.txt"; done >> "$work/big.txt"
    echo "zhquant mentions on $(stat -c %s "$work/big.txt") bytes ..." >&2
    bench_time 0 "$zhquant" mentions "$work/big.txt"
    if ((run_status != 0)); then
        echo "peer_compare: zhquant mentions failed (exit status $run_status): $(bench_first_error)" >&2
        exit 1
    fi
    if awk -v t="$run_wall" 'BEGIN { exit !(t >= 1) }' || ((count * slice_bytes > 4000000000)); then break; fi
    # Aim at ~1.5 s, growing at most tenfold a step.
    count=$(awk -v c="$count" -v t="$run_wall" 'BEGIN { f = 1.5 / (t > 0.01 ? t : 0.01); if (f > 10) f = 10; printf "%d", c * f + 1 }')
done
big_bytes=$(stat -c %s "$work/big.txt")
bench_best "$runs" 0 "$zhquant" mentions "$work/big.txt"
zh_wall=$best_wall zh_kb=$peak_kb
zh_found=$("$zhquant" mentions "$work/slice.txt" | wc -l)

echo
echo "Recognizers-Text $rt_version (node $(node --version), inside node, parse() only, best pass; per line) against"
echo "zhquant mentions (whole process, best of $runs); ${bench_pin[*]:-not pinned}; MB = 10^6 bytes:"
echo
{
    echo "what|input bytes|time s|MB/s|found in the slice|zhquant MB/s / its MB/s|goal|met?"
    awk -v n="$slice_bytes" -v t="$num_best" -v f="$num_first" -v p="$num_passes" -v c="$num_found" \
        -v zb="$big_bytes" -v zt="$zh_wall" 'BEGIN {
        r = (zb / zt) / (n / t)
        printf "RT NumberModel (first pass %.2f s, %d passes)|%d|%.3f|%.3f|%d numbers|%.0fx|>= 100x|%s\n",
               f, p, n, t, n / 1e6 / t, c, r, (r >= 100 ? "yes" : "NO") }'
    awk -v n="$slice_bytes" -v t="$three_best" -v f="$three_first" -v p="$three_passes" -v c="$three_found" \
        -v zb="$big_bytes" -v zt="$zh_wall" 'BEGIN {
        r = (zb / zt) / (n / t)
        printf "RT Number + Currency + Dimension (first pass %.2f s, %d passes)|%d|%.3f|%.4f|%d results|%.0fx|>= 5000x|%s\n",
               f, p, n, t, n / 1e6 / t, c, r, (r >= 5000 ? "yes" : "NO") }'
    awk -v n="$big_bytes" -v t="$zh_wall" -v c="$zh_found" -v k="$zh_kb" 'BEGIN {
        printf "zhquant mentions (the slice repeated; peak RSS %.0f MiB)|%d|%.3f|%.2f|%d mentions|1x|-|-\n",
               k / 1024, n, t, n / 1e6 / t, c }'
} | bench_table 0
