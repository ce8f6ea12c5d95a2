#!/usr/bin/env bash
# Rebuilds echo.wasm with Debian's clang-19 and lld-19, keeping the relocations and keeping
# wasm-opt off PATH (clang would run it after the link and the relocations would go stale).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ld="$(mktemp -d)"
trap 'rm -rf "$ld"' EXIT
ln -s /usr/bin/wasm-ld-19 "$ld/wasm-ld"
ln -s /usr/bin/wasm-ld-19 "$ld/wasm-ld-19"
PATH="$ld" /usr/bin/clang-19 --target=wasm32-wasi -O2 -Wl,--emit-relocs -Wl,--strip-debug \
  -ffile-prefix-map="$here"=. "$here/echo.c" -o "$here/echo.wasm"
