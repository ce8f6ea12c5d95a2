#!/usr/bin/env bash
# Rebuilds samples/apps/build/: three ordinary C programs a user would put in one memory, each
# a WASI command with its own argv:
#   lzpack    LZ77 + Huffman compressor; wasm-ld's default layout (data, 64 KiB stack, heap)
#   minilisp  Lisp interpreter; 128 KiB stack (eval may nest 2000 deep) and the
#             __heap_base/__data_end exports WAMR's documentation asks for
#   stations  queries over a 1.2 MB weather-station database it embeds (#embed, C23), made at
#             build time by gen_stations.c compiled for this machine; 16 KiB stack
set -euo pipefail
source "$(dirname "$0")/../common.sh"
OBJDUMP_DATA_BYTES=omit   # stations.wasm holds 1.2 MB of data: keep its objdump.txt readable

GEN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wasm-layout-apps.XXXXXX")
trap 'rm -rf "$TOOLBIN" "$GEN_DIR"' EXIT
# The generator runs here, so it is built for this machine (plain clang, the system linker).
"$CLANG" -O2 -Wall -Wextra -std=c11 "$SAMPLE_DIR/gen_stations.c" -o "$GEN_DIR/gen_stations"
"$GEN_DIR/gen_stations" "$GEN_DIR/stations.db" 20000

wasm_module lzpack   command ""                                                                 "" lzpack.c
wasm_module minilisp command "-z stack-size=131072 -Wl,--export=__heap_base -Wl,--export=__data_end" "" minilisp.c
wasm_module stations command "-z stack-size=16384" "-std=c23 --embed-dir=$GEN_DIR" stations.c
finish
