#!/usr/bin/env bash
# Installs the Debian 12 packages zhquant builds with, when any is missing (needs root then).
set -euo pipefail

packages=(g++ cmake make libboost1.81-dev libicu-dev libgtest-dev libbenchmark-dev
          libcli11-dev libfmt-dev python3)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ "$status" == installed ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    echo "setup: all packages present"
    exit 0
fi

echo "setup: missing: ${missing[*]}"
if ((EUID != 0)); then
    echo "setup: run as root to install them: apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}"
