#!/usr/bin/env bash
# Rebuilds samples/host-exchange/build/: one libc-free reactor in three variants
#   transform.wasm        relocate (--emit-relocs), 8 KiB stack
#   transform.pic.wasm    position-independent side module (dylink.0)
#   transform.stale.wasm  transform.wasm after `wasm-opt -O2` (stale relocations)
set -euo pipefail
source "$(dirname "$0")/../common.sh"

wasm_module transform bare "-z stack-size=8192" "" transform.c
pic_variant transform "" transform.c
stale_variant transform
finish
