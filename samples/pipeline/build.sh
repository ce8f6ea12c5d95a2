#!/usr/bin/env bash
# Rebuilds samples/pipeline/build/: two WASI reactors sharing `ring` and `ring_ack`.
# shared.syms lists the data symbols that may stay undefined (no other symbol may).
set -euo pipefail
source "$(dirname "$0")/../common.sh"

wasm_module producer reactor "-z stack-size=16384" "-Wl,--allow-undefined-file=shared.syms" producer.c
wasm_module consumer reactor "-z stack-size=16384" "-Wl,--allow-undefined-file=shared.syms" consumer.c
finish
