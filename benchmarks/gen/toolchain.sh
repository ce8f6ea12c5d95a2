# Sourced by build.sh and build-set.sh: checks clang-19/wasm-ld-19 (CLANG and WASM_LD override them)
# and makes TOOLBIN, a folder holding only the linker. clang runs wasm-opt after an optimised link
# when it finds it on PATH, which makes the relocations stale (trap 1 in DESIGN.md), so clang gets
# PATH="$TOOLBIN".
CLANG=${CLANG:-/usr/bin/clang-19}
WASM_LD=${WASM_LD:-/usr/bin/wasm-ld-19}
for tool in "$CLANG" "$WASM_LD"; do
  [[ -x "$tool" ]] || { echo "error: $tool not found (install clang-19 and lld-19)" >&2; exit 1; }
done
TOOLBIN=$(mktemp -d "${TMPDIR:-/tmp}/wasm-layout-ld.XXXXXX")
trap 'rm -rf "$TOOLBIN"' EXIT
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld"
ln -s "$WASM_LD" "$TOOLBIN/wasm-ld-19"
