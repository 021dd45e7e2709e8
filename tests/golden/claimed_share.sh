#!/usr/bin/env bash
# The share of the seeds' gold quantity/percent mentions that a township_report record claims.
#
#     tests/golden/claimed_share.sh build/tools/zhquant seeds tests/data/gold 0.90
set -euo pipefail
zhquant=$(realpath "$1")
seeds=$2
gold=$(realpath "$3")
min=$4
here=$(dirname "$(realpath "$0")")
records=$(mktemp)
trap 'rm -f "$records"' EXIT
(cd "$seeds" && "$zhquant" extract --format jsonl ./*.txt | sed 's|"doc":"\./|"doc":"|') > "$records"
python3 "$here/claimed_share.py" "$gold" "$records" --min "$min"
