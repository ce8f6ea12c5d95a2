#!/usr/bin/env bash
# Rebuilds probe.wasm (into the folder given, default this one) with Debian's clang-19 and lld-19;
# tools/toolchain.sh keeps wasm-opt off PATH. probe-*.expected are node:wasi's output of it:
#   node run-node.mjs probe.wasm < input.txt 2> >(cat >/dev/null) | sed -E 's/flags 0x[0-9a-f]+/flags 0x0/'
# (and < /dev/null), flags set to the WASI flags (see StandardStreams).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
source "$here/../../../../../tools/toolchain.sh"   # CLANG, TOOLBIN: a PATH with only the linker
PATH="$TOOLBIN" "$CLANG" --target=wasm32-wasi -O2 -Wl,--strip-debug \
  -ffile-prefix-map="$here"=. "$here/probe.c" -o "$out/probe.wasm"
