#!/usr/bin/env bash
# Rebuilds the test modules with clang-19 (wasi-libc) into the folder given (default: this one).
# wasm-opt must not run after the link (it would make the relocations stale), so clang sees a PATH
# holding only wasm-ld.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-$src}" && cd "${1:-$src}" && pwd)
source "$src/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
cd "$src"
cc() { PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wl,--emit-relocs -Wl,--strip-debug "$@"; }
cc -z stack-size=16384 -o "$out/alpha.wasm" alpha.c
cc -z stack-size=16384 -o "$out/beta.wasm" beta.c
cc -mexec-model=reactor -z stack-size=4096 -o "$out/mathlib.wasm" mathlib.c
cc -mexec-model=reactor -mbulk-memory -z stack-size=8192 -o "$out/faulty.wasm" faulty.c
