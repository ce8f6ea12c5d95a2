#!/usr/bin/env bash
# Rebuilds samples/footprint/build/: four independent WASI commands.
# Each one deliberately uses a different layout so the planner sees the usual variety:
#   checksum   wasm-ld defaults (global base 1024, data, then a 64 KiB stack, then the heap)
#   tokenizer  16 KiB stack, exports the __heap_base and __data_end globals
#   sieve      --stack-first with a 32 KiB stack (stack at 0..32768, data after it)
#   encoder    --global-base=4096 and a declared maximum of 16 pages
set -euo pipefail
source "$(dirname "$0")/../common.sh"

wasm_module checksum  command ""                                                  "" checksum.c
wasm_module tokenizer command "-z stack-size=16384 -Wl,--export=__heap_base -Wl,--export=__data_end" "" tokenizer.c
wasm_module sieve     command "-Wl,--stack-first -z stack-size=32768"             "" sieve.c
wasm_module encoder   command "-Wl,--global-base=4096 -Wl,--max-memory=1048576"   "" encoder.c
stale_variant checksum
finish
