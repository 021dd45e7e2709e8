#!/usr/bin/env bash
# Scores `zhquant mentions` on the seed reports against their gold; fails below MIN_F1.
#
#     tests/golden/score_seeds.sh build/tools/zhquant seeds tests/data/gold 0.97
set -euo pipefail
zhquant=$(realpath "$1")
seeds=$2
gold=$(realpath "$3")
min_f1=$4
here=$(dirname "$(realpath "$0")")
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
# `doc` is the path as given: run inside the seeds folder so it is the file name, as in the gold.
(cd "$seeds" && "$zhquant" mentions ./*.txt | sed 's|"doc":"\./|"doc":"|') > "$pred"
python3 "$here/score.py" "$gold" --pred "$pred" --show 20
python3 "$here/score.py" "$gold" --pred "$pred" --json | python3 -c "
import json, sys
f1 = json.load(sys.stdin)['strict']['f1']
print(f'seeds strict F1 {f1:.4f} (bar {sys.argv[1]})')
sys.exit(0 if f1 >= float(sys.argv[1]) else 1)" "$min_f1"
