#!/usr/bin/env bash
# Rebuilds stray.wasm with Debian's clang-19 and lld-19 (a reactor, relocations kept, wasm-opt off PATH),
# into this folder or the folder given (FusedRunTest rebuilds it into a temporary one and compares).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
source "$here/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -mbulk-memory -mexec-model=reactor -Wl,--emit-relocs \
  -Wl,--strip-debug -ffile-prefix-map="$here"=. "$here/stray.c" -o "$out/stray.wasm"
