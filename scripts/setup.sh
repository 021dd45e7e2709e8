#!/usr/bin/env bash
# Installs the Debian 12 packages zhquant builds with, when any is missing (needs root then).
#
# Chromium and a CJK font are for the HTML view's browser test (tests/browser; its screenshot
# needs the font to show 汉字).  Without them that test is skipped, so a developer who is not root
# gets a note instead of a failure; as root (as in CI) they are installed like the rest.
#
# Clang and its runtime libraries (libFuzzer, the sanitizers) are for the fuzz targets (the `fuzz`
# preset, tests/fuzz), which .ci/run fuzzes; without them scripts/test.sh still replays the corpora.
set -euo pipefail

packages=(g++ cmake make libboost1.81-dev libicu-dev libgtest-dev libbenchmark-dev
          libcli11-dev libfmt-dev python3)
browser_packages=(chromium fonts-wqy-microhei)
fuzz_packages=(clang libclang-rt-14-dev)

is_missing() {
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)
    [[ "$status" != installed ]]
}

missing=()
for package in "${packages[@]}"; do
    if is_missing "$package"; then missing+=("$package"); fi
done
missing_browser=()
for package in "${browser_packages[@]}" "${fuzz_packages[@]}"; do
    if is_missing "$package"; then missing_browser+=("$package"); fi
done

if ((${#missing[@]} + ${#missing_browser[@]} == 0)); then
    echo "setup: all packages present"
    exit 0
fi

if ((EUID != 0)); then
    if ((${#missing[@]} > 0)); then
        echo "setup: missing: ${missing[*]} ${missing_browser[*]}"
        echo "setup: run as root to install them: apt-get install ${missing[*]} ${missing_browser[*]}" >&2
        exit 1
    fi
    echo "setup: the browser test or fuzzing will be skipped; for them, as root: apt-get install ${missing_browser[*]}"
    exit 0
fi

echo "setup: missing: ${missing[*]} ${missing_browser[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}" "${browser_packages[@]}" "${fuzz_packages[@]}"
