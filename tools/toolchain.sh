# Sourced (bash) by every script that builds wasm modules: samples/common.sh, the test modules'
# build.sh files and benchmarks/gen. Checks clang-19 and wasm-ld-19 (CLANG and WASM_LD override
# them) and makes TOOLBIN, a folder holding only the linker, removed on exit. clang runs wasm-opt
# after an optimised link whenever it finds one on PATH, which rewrites the code but keeps
# `linking`/`reloc.*`, so the relocations go stale (trap 1 in DESIGN.md): run clang with
# PATH="$TOOLBIN". Debian's clang-19 asks for "wasm-ld-19", upstream clang for "wasm-ld": both are there.
CLANG=${CLANG:-/usr/bin/clang-19}
WASM_LD=${WASM_LD:-/usr/bin/wasm-ld-19}
for tool in "$CLANG" "$WASM_LD"; do
  [[ -x "$tool" ]] || { echo "error: $tool not found (install clang-19 and lld-19)" >&2; exit 1; }
done
TOOLBIN=$(mktemp -d "${TMPDIR:-/tmp}/wasm-layout-ld.XXXXXX")
trap 'rm -rf "$TOOLBIN"' EXIT
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld"
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld-19"
