# Shared build helpers for the wasm-layout samples. Sourced by every samples/<name>/build.sh.
#
#   source "$(dirname "$0")/../common.sh"
#   wasm_module NAME KIND "LAYOUT_FLAGS" "LINK_FLAGS" SOURCES...
#   pic_variant NAME "LINK_FLAGS" SOURCES...
#   stale_variant NAME
#   finish
#
# KIND is one of
#   command  wasi-libc program with main() -> exports _start          (crt1-command.o)
#   reactor  wasi-libc library, -mexec-model=reactor -> exports _initialize (crt1-reactor.o)
#   bare     no libc at all (-nostdlib, --no-entry); exports come from export_name attributes
# LAYOUT_FLAGS only change where things sit in memory (--global-base, --stack-first, stack size,
# memory limits); the test harness's "placed" builds drop them and put its own layout instead.
#
# Environment overrides: CLANG, WASM_LD, WASM_OPT, WASM_OBJDUMP, WASM_VALIDATE, LLVM_READOBJ,
# WASI_SYSROOT, OBJDUMP_DATA_BYTES (omit: no hex dump of the data segments in *.objdump.txt)
# (leave WASI_SYSROOT empty on Debian: clang-19 finds /usr/include/wasm32-wasi and
# /usr/lib/wasm32-wasi by itself). PLACED_DIR switches to harness mode (see README.md, "Expected output").

set -euo pipefail

SAMPLES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SAMPLE_DIR=$(cd "$(dirname "$0")" && pwd)
SAMPLE_NAME=$(basename "$SAMPLE_DIR")

WASM_OPT=${WASM_OPT:-$(command -v wasm-opt || true)}
WASM_OBJDUMP=${WASM_OBJDUMP:-$(command -v wasm-objdump || true)}
WASM_VALIDATE=${WASM_VALIDATE:-$(command -v wasm-validate || true)}
LLVM_READOBJ=${LLVM_READOBJ:-$(command -v llvm-readobj-19 || true)}
WASI_SYSROOT=${WASI_SYSROOT:-}
PLACED_DIR=${PLACED_DIR:-}

source "$SAMPLES_DIR/../tools/toolchain.sh"   # CLANG, WASM_LD, TOOLBIN: a PATH with only the linker
if [[ -z "$PLACED_DIR" ]]; then
  for tool in WASM_OPT WASM_OBJDUMP WASM_VALIDATE LLVM_READOBJ; do
    [[ -n "${!tool}" ]] || { echo "error: $tool not found (install binaryen, wabt and llvm-19)" >&2; exit 1; }
  done
fi

SYSROOT_FLAGS=()
[[ -n "$WASI_SYSROOT" ]] && SYSROOT_FLAGS=(--sysroot="$WASI_SYSROOT")

# No -g: nothing of ours carries debug info. wasi-libc's libc.a does, so the link strips it
# (--strip-debug keeps the `name` section). -ffile-prefix-map keeps absolute paths out.
CFLAGS=(--target=wasm32-wasi "${SYSROOT_FLAGS[@]}" -O2 -Wall -Wextra -std=c11
        -ffile-prefix-map="$SAMPLES_DIR"=samples)
RELOC_LDFLAGS=(-Wl,--emit-relocs -Wl,--strip-debug)

BUILT=()
# Extra feature flags for wasm-validate (setjmp: --enable-exceptions; wasm-objdump reads every feature).
WABT_FEATURES=()

cc() {
  # Only the linker on PATH: clang must not find (and run) wasm-opt.
  env PATH="$TOOLBIN" "$CLANG" "$@"
}

kind_flags() {
  case "$1" in
    command) ;;
    reactor) echo "-mexec-model=reactor" ;;
    bare)    echo "-nostdlib -Wl,--no-entry" ;;
    *) echo "unknown module kind $1" >&2; return 1 ;;
  esac
}

# wasm_module NAME KIND "LAYOUT_FLAGS" "LINK_FLAGS" SOURCES...
wasm_module() {
  local name=$1 kind=$2 layout=$3 link=$4; shift 4
  local kflags; kflags=$(kind_flags "$kind")
  cd "$SAMPLE_DIR"
  if [[ -n "$PLACED_DIR" ]]; then
    # Harness mode: same code and link flags, but the layout comes from the harness
    # (PLACED_FLAGS_<name>: --import-memory, --global-base, -z stack-size, -D...). libc
    # modules get harness/confined_sbrk.c so malloc stays inside the module's heap slot.
    local var="PLACED_FLAGS_${name//-/_}"
    [[ -n "${!var:-}" ]] || return 0   # the harness runs this module some other way (pic)
    local extra=()
    [[ "$kind" != bare ]] && extra=(-Wl,--wrap=sbrk "$SAMPLES_DIR/harness/confined_sbrk.c")
    # shellcheck disable=SC2086
    cc "${CFLAGS[@]}" $kflags $link ${!var:-} "$@" "${extra[@]}" -Wl,--strip-debug \
       -o "$PLACED_DIR/$name.wasm"
    return
  fi
  mkdir -p build
  # shellcheck disable=SC2086
  cc "${CFLAGS[@]}" $kflags $layout $link "${RELOC_LDFLAGS[@]}" "$@" -o "build/$name.wasm"
  BUILT+=("$name.wasm")
}

# pic_variant NAME "LINK_FLAGS" SOURCES... : a position-independent side module (dylink.0).
# Only possible without libc: Debian's wasi-libc is not compiled with -fPIC.
pic_variant() {
  local name=$1 link=$2; shift 2
  [[ -n "$PLACED_DIR" ]] && return 0
  cd "$SAMPLE_DIR"
  mkdir -p build
  # --experimental-pic only silences "creating shared libraries ... is not yet stable".
  # shellcheck disable=SC2086
  cc "${CFLAGS[@]}" -fPIC -nostdlib -Wl,--shared -Wl,--experimental-pic -Wl,--strip-debug \
     $link "$@" -o "build/$name.pic.wasm"
  BUILT+=("$name.pic.wasm")
}

# stale_variant NAME : what clang does by itself when wasm-opt is on PATH
# (`wasm-opt <out> -O2 -o <out>`): Binaryen rewrites the code, keeps `linking` and `reloc.*`
# as they were (now stale) and drops the `name` section.
stale_variant() {
  local name=$1
  [[ -n "$PLACED_DIR" ]] && return 0
  cd "$SAMPLE_DIR"
  "$WASM_OPT" "build/$name.wasm" -O2 -o "build/$name.stale.wasm" 2> "build/.wasm-opt.log" || {
    cat "build/.wasm-opt.log" >&2; exit 1; }
  # Binaryen warns "linking section is present, so this is not a standard wasm file": expected.
  grep -v -e 'linking section is present' "build/.wasm-opt.log" >&2 || true
  rm -f "build/.wasm-opt.log"
  BUILT+=("$name.stale.wasm")
}

has_section() { grep -q -E "^ +Custom start=.*\"$2\"\$" <<<"$1"; }

# Validate everything, write build/<file>.objdump.txt, check the expected sections.
finish() {
  [[ -n "$PLACED_DIR" ]] && return 0
  cd "$SAMPLE_DIR"
  local f base headers
  for f in "${BUILT[@]}"; do
    base=${f%.wasm}
    if [[ "$f" == *.stale.wasm ]]; then
      # The stale `linking` section names functions wasm-opt removed: plain wasm-validate
      # rejects the file ("invalid function index"), the module itself is valid.
      "$WASM_VALIDATE" "${WABT_FEATURES[@]}" --ignore-custom-section-errors "build/$f" 2>/dev/null ||
        { echo "error: build/$f does not validate" >&2; exit 1; }
    else
      "$WASM_VALIDATE" "${WABT_FEATURES[@]}" "build/$f"
    fi
    # stdout only: wabt 1.0.32 prints "Unknown symbols flags: 204" on stderr for the
    # linker-synthesized absolute symbols (__heap_base, __data_end, ...), flag 0x200.
    # OBJDUMP_DATA_BYTES=omit (a build.sh with megabytes of data) leaves out the hex lines of the
    # data segments; every header line (segment index, size, address) stays.
    if [[ "${OBJDUMP_DATA_BYTES:-}" == omit ]]; then
      "$WASM_OBJDUMP" -x "build/$f" 2>/dev/null | grep -v -E '^  - [0-9a-f]{7}: ' > "build/$base.objdump.txt" || true
    else
      "$WASM_OBJDUMP" -x "build/$f" > "build/$base.objdump.txt" 2>/dev/null
    fi
    # wabt 1.0.32 stops printing the `linking` symbol table at the first symbol with that
    # flag (the line reads "... size=0Custom:"). llvm-readobj lists every symbol with raw
    # flags, segment and offset; it cannot read the stale variants (invalid symbol indices).
    case "$f" in
      *.pic.wasm|*.stale.wasm) ;;
      *) "$LLVM_READOBJ" --symbols "build/$f" > "build/$base.symbols.txt" ;;
    esac
    headers=$("$WASM_OBJDUMP" -h "build/$f" 2>/dev/null)
    case "$f" in
      *.pic.wasm)
        has_section "$headers" dylink.0 || { echo "error: $f has no dylink.0" >&2; exit 1; } ;;
      *.stale.wasm)
        has_section "$headers" linking && has_section "$headers" reloc.CODE ||
          { echo "error: wasm-opt dropped linking/reloc.CODE from $f" >&2; exit 1; } ;;
      *)
        has_section "$headers" linking && has_section "$headers" reloc.CODE ||
          { echo "error: $f has no linking/reloc.CODE section" >&2; exit 1; } ;;
    esac
    echo "built $SAMPLE_NAME/build/$f ($(wc -c < "build/$f") bytes)"
  done
}
