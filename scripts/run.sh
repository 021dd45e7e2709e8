#!/usr/bin/env bash
# Builds the command-line tool and runs the main job: the records of the seed reports, as a table.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target zhquant_cli
build/tools/zhquant extract seeds/*.txt
