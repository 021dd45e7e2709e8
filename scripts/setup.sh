#!/usr/bin/env bash
# Installs the Debian 12 packages zhquant builds with, when any is missing (needs root then).
#
# Chromium and a CJK font are for the HTML view's browser test (tests/browser; its screenshot
# needs the font to show 汉字).  Without them that test is skipped, so a developer who is not root
# gets a note instead of a failure; as root (as in CI) they are installed like the rest.
#
# Clang and its runtime libraries (libFuzzer, the sanitizers) are for the fuzz targets (the `fuzz`
# preset, tests/fuzz), which .ci/run fuzzes; without them scripts/test.sh still replays the corpora.
#
# Valgrind is for the benchmarks' instruction counts (bench/pipeline.sh, bench/instructions.sh, issue 7),
# which they skip without it.
#
# pybind11, Python's headers, pytest, Dask and pandas are for the Python module (python/) and its
# tests, which run on Debian's /usr/bin/python3; without them the module is not built (CMake's
# ZHQUANT_BUILD_PYTHON=AUTO).  pip, setuptools, wheel and venv are for `pip install .` offline.
set -euo pipefail

packages=(g++ cmake make libboost1.81-dev libicu-dev libgtest-dev libbenchmark-dev
          libcli11-dev libfmt-dev python3)
browser_packages=(chromium fonts-wqy-microhei)
fuzz_packages=(clang libclang-rt-14-dev)
python_packages=(pybind11-dev python3-pybind11 python3-dev python3-pytest python3-dask python3-distributed
                 python3-pandas python3-pip python3-setuptools python3-wheel python3-venv)
bench_packages=(valgrind)

is_missing() {
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)
    [[ "$status" != installed ]]
}

missing=()
for package in "${packages[@]}"; do
    if is_missing "$package"; then missing+=("$package"); fi
done
missing_optional=()
for package in "${browser_packages[@]}" "${fuzz_packages[@]}" "${python_packages[@]}" "${bench_packages[@]}"; do
    if is_missing "$package"; then missing_optional+=("$package"); fi
done

if ((${#missing[@]} + ${#missing_optional[@]} == 0)); then
    echo "setup: all packages present"
    exit 0
fi

if ((EUID != 0)); then
    if ((${#missing[@]} > 0)); then
        echo "setup: missing: ${missing[*]} ${missing_optional[*]}"
        echo "setup: run as root to install them: apt-get install ${missing[*]} ${missing_optional[*]}" >&2
        exit 1
    fi
    echo "setup: the browser test, fuzzing, the Python module or the benchmarks' instruction counts will be skipped; for them, as root: apt-get install ${missing_optional[*]}"
    exit 0
fi

echo "setup: missing: ${missing[*]} ${missing_optional[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}" "${browser_packages[@]}" "${fuzz_packages[@]}" \
    "${python_packages[@]}" "${bench_packages[@]}"
