#!/usr/bin/env bash
# Rebuilds samples/shared-lib/build/:
#   mathlib.wasm, mathlib.pic.wasm  libc-free library (relocate and position-independent)
#   trace.wasm                      optional WASI reactor
#   app1.wasm, app2.wasm            WASI commands importing mathlib.* and trace.trace
set -euo pipefail
source "$(dirname "$0")/../common.sh"

wasm_module mathlib bare    "-z stack-size=4096"  "" mathlib.c
pic_variant mathlib "" mathlib.c
wasm_module trace   reactor "-z stack-size=8192"  "" trace.c
wasm_module app1    command ""                    "" app1.c
wasm_module app2    command "-z stack-size=16384" "" app2.c
finish
