#!/usr/bin/env bash
# deps.sh: install what facta needs to build and test, from Debian/Ubuntu packages.
# Idempotent: skips packages already installed. Runs apt-get as root or through sudo.
#   scripts/deps.sh          build dependencies
#   scripts/deps.sh --test   also what the tests use (cmocka, pytest, dask, chromium)
set -euo pipefail

pkgs=(cmake make gcc pkg-config libicu-dev libpcre2-dev libstemmer-dev)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(libcmocka-dev python3 python3-pytest python3-dask python3-distributed valgrind clang)
  pkgs+=(chromium)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "deps.sh: missing packages (${missing[*]}) and no apt-get: install them by hand" >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "deps.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# chromium is optional (the HTML screenshot test skips without it)
core=() optional=()
for p in "${missing[@]}"; do
  if [[ "$p" == chromium ]]; then optional+=("$p"); else core+=("$p"); fi
done
[[ ${#core[@]} -gt 0 ]] && $sudo apt-get install -y -qq --no-install-recommends "${core[@]}" >/dev/null
if [[ ${#optional[@]} -gt 0 ]]; then
  $sudo apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null ||
    echo "deps.sh: could not install ${optional[*]} (optional; its tests will skip)" >&2
fi
