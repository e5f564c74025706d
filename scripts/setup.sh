#!/usr/bin/env bash
# setup.sh: install what is missing, build facta, and run the main job: facta-extract with the
# built-in rules over the bundled sample articles, printing JSON Lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFACTA_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
build/bin/facta-extract examples/samples
