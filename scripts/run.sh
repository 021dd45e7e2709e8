#!/usr/bin/env bash
# Builds the command-line tool and runs the main job: every number in the seed reports, as a table.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target zhquant_cli
build/tools/zhquant mentions --format table seeds/*.txt
