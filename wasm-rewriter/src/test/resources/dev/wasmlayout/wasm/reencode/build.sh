#!/usr/bin/env bash
# Rebuilds the Reencode test module from its .wat with wabt's wat2wasm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wat2wasm "$here/spaces.wat" -o "$here/spaces.wasm"
