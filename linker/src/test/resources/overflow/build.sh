#!/usr/bin/env bash
# Rebuilds deep.wasm with Debian's clang-19 and lld-19, keeping the relocations and keeping
# wasm-opt off PATH (clang would run it after the link and the relocations would go stale).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wl,--emit-relocs -Wl,--strip-debug \
  -ffile-prefix-map="$here"=. "$here/deep.c" -o "$here/deep.wasm"
