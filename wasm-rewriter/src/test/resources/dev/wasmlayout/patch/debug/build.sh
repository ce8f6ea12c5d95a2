#!/usr/bin/env bash
# Rebuilds the debug-info test modules with clang-19 (wasi-libc) into the folder given (default: this
# one). -g keeps DWARF (wasi-libc's own included); wasm-opt must not run after the link (the
# relocations would go stale), so clang sees a PATH holding only wasm-ld.
#   globals.wasm         wasi-libc command, relocate (DWARF 4, clang-19's default for wasm)
#   globals.placed.wasm  the same, linked at its place (the placed strategy)
#   grow.wasm            libc-free, relocate, memory.grow in one of 133 functions
#   grow.dwarf5.wasm     the same with DWARF 5 (.debug_addr)
#   grow.pic.wasm        the same, position-independent (the pic strategy)
#   grow.placed.wasm     the same, linked at its place (the placed strategy)
#   grow.placed.relocs.wasm  the same, also with -Wl,--emit-relocs
#   stack.wasm           libc-free, relocate, functions that move the stack pointer
#   stack.pic.wasm       the same, position-independent (env.__stack_pointer imported)
set -eu
src=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-$src}" && cd "${1:-$src}" && pwd)
source "$src/../../../../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
cd "$src"
cc() { PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -g -O1 -ffile-prefix-map="$src"=. "$@"; }
bare="-nostdlib -Wl,--no-entry -Wl,--allow-undefined"
placed="-Wl,--import-memory -Wl,--global-base=65536 -Wl,--initial-memory=262144 -Wl,--max-memory=262144 -z stack-size=4096"
cc -Wl,--emit-relocs -Wl,--export=counter -o "$out/globals.wasm" globals.c
# shellcheck disable=SC2086
cc $placed -Wl,--export=counter -o "$out/globals.placed.wasm" globals.c
# shellcheck disable=SC2086
cc $bare -Wl,--emit-relocs -o "$out/grow.wasm" grow.c
# shellcheck disable=SC2086
cc $bare -gdwarf-5 -Wl,--emit-relocs -o "$out/grow.dwarf5.wasm" grow.c
# shellcheck disable=SC2086
cc $bare -fPIC -Wl,--shared -Wl,--experimental-pic -o "$out/grow.pic.wasm" grow.c
# shellcheck disable=SC2086
cc $bare $placed -o "$out/grow.placed.wasm" grow.c
# shellcheck disable=SC2086
cc $bare $placed -Wl,--emit-relocs -o "$out/grow.placed.relocs.wasm" grow.c
# shellcheck disable=SC2086
cc $bare -Wl,--emit-relocs -o "$out/stack.wasm" stack.c
# shellcheck disable=SC2086
cc $bare -fPIC -Wl,--shared -Wl,--experimental-pic -o "$out/stack.pic.wasm" stack.c
