#!/usr/bin/env bash
# Rebuilds the Fuser test modules from their .wat with wabt's wat2wasm (names kept for the name section).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for f in "$here"/*.wat; do wat2wasm --enable-exceptions --debug-names "$f" -o "${f%.wat}.wasm"; done
