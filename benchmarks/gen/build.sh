#!/usr/bin/env bash
# Builds benchmarks/target/gen/large.wasm: a large WASI command linked with -Wl,--emit-relocs,
# from the C sources benchmarks/gen/generate.py writes. Not committed; rebuilt on demand.
#
#   benchmarks/gen/build.sh [--files N] [--functions N]   (arguments go to generate.py)
#
# CLANG and WASM_LD override the tools (default clang-19 and wasm-ld-19).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/../target/gen"
source "$HERE/../../tools/toolchain.sh"

mkdir -p "$OUT/src" "$OUT/obj"
rm -f "$OUT"/src/*.c "$OUT"/obj/*.o
python3 "$HERE/generate.py" "$OUT/src" "$@"

CFLAGS=(--target=wasm32-wasi -O1 -w)
export CLANG TOOLBIN OUT
# one compile per file, as many at once as there are cores
ls "$OUT/src" | grep '\.c$' | xargs -P "$(nproc)" -I{} \
  env PATH="$TOOLBIN" "$CLANG" "${CFLAGS[@]}" -c "$OUT/src/{}" -o "$OUT/obj/{}.o"
env PATH="$TOOLBIN" "$CLANG" "${CFLAGS[@]}" -Wl,--emit-relocs -Wl,--strip-debug "$OUT"/obj/*.o \
  -o "$OUT/large.wasm.tmp"
mv "$OUT/large.wasm.tmp" "$OUT/large.wasm"
echo "built $OUT/large.wasm ($(wc -c < "$OUT/large.wasm") bytes)"
