#!/usr/bin/env bash
# Install facta into a temporary prefix and build examples/hello.c against it twice: with
# pkg-config and with CMake's find_package. Usage: tests/test_install.sh BUILD_DIR
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
# only facta_ symbols are exported
bad=$(nm -D --defined-only "$tmp/prefix/lib/libfacta.so" | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^facta_' || true)
[[ -z "$bad" ]] || { echo "exported non-facta symbols: $bad" >&2; exit 1; }
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
cc "$src/examples/hello.c" $(pkg-config --cflags --libs facta) -Wl,-rpath,"$tmp/prefix/lib" -o "$tmp/hello-pc"
"$tmp/hello-pc" | grep -q 'FIGURE'
cmake -S "$src/examples/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/consumer/hello" | grep -q 'PERSON'
echo "install ok: pkg-config and find_package"
