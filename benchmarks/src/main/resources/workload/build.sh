#!/usr/bin/env bash
# Rebuilds stores.wasm (committed) from stores.c with clang-19: no libc, memory imported as
# env.memory (1 page, as the validator benchmark plans it), a 16 KiB stack first, data after it.
set -euo pipefail
cd "$(dirname "$0")"
CLANG=${CLANG:-/usr/bin/clang-19}
WASM_LD=${WASM_LD:-/usr/bin/wasm-ld-19}
TOOLBIN=$(mktemp -d "${TMPDIR:-/tmp}/wasm-layout-ld.XXXXXX")
trap 'rm -rf "$TOOLBIN"' EXIT
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld"
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld-19"
# only the linker on PATH: clang must not run wasm-opt (trap 1 in DESIGN.md)
env PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wall -Wextra -std=c11 -nostdlib \
  -Wl,--no-entry -Wl,--import-memory -Wl,--initial-memory=65536 -Wl,--max-memory=65536 \
  -Wl,--stack-first -z stack-size=16384 -Wl,--strip-debug stores.c -o stores.wasm
echo "built stores.wasm ($(wc -c < stores.wasm) bytes)"
