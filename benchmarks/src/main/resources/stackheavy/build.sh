#!/usr/bin/env bash
# Rebuilds stackheavy.wasm (committed) from stackheavy.c with clang-19 and wasi-libc, keeping the
# relocations (strategy relocate) and wasm-opt off PATH (trap 1 in DESIGN.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wl,--emit-relocs -Wl,--strip-debug -z stack-size=65536 \
  -ffile-prefix-map="$here"=. "$here/stackheavy.c" -o "$here/stackheavy.wasm"
echo "built stackheavy.wasm ($(wc -c < "$here/stackheavy.wasm") bytes)"
