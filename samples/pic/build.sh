#!/usr/bin/env bash
# Rebuilds samples/pic/build/:
#   counter.pic.wasm  libc-free position-independent side module (dylink.0, GOT.mem.* imports)
#   counter.wasm      the same source as a relocatable executable (--emit-relocs)
#   reporter.wasm     WASI command reading the shared `events` log
# shared.syms: `events` is the only symbol allowed to stay undefined.
set -euo pipefail
source "$(dirname "$0")/../common.sh"

pic_variant counter "-Wl,--allow-undefined-file=shared.syms" counter.c
wasm_module counter  bare    "-z stack-size=4096" "-Wl,--allow-undefined-file=shared.syms" counter.c
wasm_module reporter command "-z stack-size=16384" "-Wl,--allow-undefined-file=shared.syms" reporter.c
finish
