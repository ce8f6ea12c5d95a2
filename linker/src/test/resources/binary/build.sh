#!/usr/bin/env bash
# Rebuilds where.wasm with Debian's clang-19 and lld-19, keeping the relocations (strategy relocate) and
# keeping wasm-opt off PATH (tools/toolchain.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wl,--emit-relocs -Wl,--strip-debug \
  -ffile-prefix-map="$here"=. "$here/where.c" -o "$here/where.wasm"
