#!/usr/bin/env bash
# Rebuilds samples/setjmp/build/: a calculator that recovers from errors with setjmp/longjmp
# (exception handling: `-mllvm -wasm-enable-sjlj`, with the runtime of sjlj_rt.c since Debian's
# wasi-libc has none) and a plain module sharing the memory with it.
#   calc   clang 19 emits the legacy instructions (try, catch, delegate, rethrow, throw) and a
#          tag section with __c_longjmp; 16 KiB stack
#   table  no exception handling; 8 KiB stack
set -euo pipefail
source "$(dirname "$0")/../common.sh"
WABT_FEATURES=(--enable-exceptions)

wasm_module calc  command "-z stack-size=16384" "-mllvm -wasm-enable-sjlj" calc.c sjlj_rt.c
wasm_module table command "-z stack-size=8192"  "" table.c
finish
