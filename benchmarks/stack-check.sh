#!/usr/bin/env bash
# The stack check's cost, side by side with the same module linked with stack-check: false: run time in
# Chicory's compiler (JMH StackCheckBenchmark) and in V8 (node, stack-check-v8.mjs), and code size.
# Prints a Markdown section on stdout; run.sh appends it to RESULTS.md. About 3 minutes on 2 cores.
#
#   benchmarks/stack-check.sh           (builds the jars when missing)
#   QUICK=1 benchmarks/stack-check.sh   a smoke test: 1 fork, 2 short iterations, 4 V8 runs (numbers not usable)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
OUT="$HERE/target/results"
JAR="$HERE/target/benchmarks.jar"
CLI_JAR="$ROOT/cli/target/wasm-layout.jar"
SRC="$HERE/src/main/resources/stackheavy"
CHECKED="$HERE/target/gen/stackheavy-checked"
UNCHECKED="$HERE/target/gen/stackheavy-unchecked"
log() { echo "== $*" >&2; }

[[ -f "$JAR" && -f "$CLI_JAR" ]] || { log "building $JAR and $CLI_JAR"; mvn -q -B -Dstyle.color=never -Pbenchmarks -pl benchmarks,cli -am package -DskipTests; }
mkdir -p "$OUT"
rm -rf "$CHECKED" "$UNCHECKED"
java -jar "$CLI_JAR" link "$SRC/wasm-layout.yaml" -o "$CHECKED" > /dev/null
java -jar "$CLI_JAR" link "$SRC/wasm-layout.unchecked.yaml" -o "$UNCHECKED" > /dev/null

JMH_OPTS=()
V8_RUNS=30
[[ -n "${QUICK:-}" ]] && { JMH_OPTS=(-f 1 -wi 1 -w 1 -i 2 -r 1); V8_RUNS=4; }
log "JMH StackCheckBenchmark"
java -jar "$JAR" 'StackCheckBenchmark' -p checkedDir="$CHECKED" -p uncheckedDir="$UNCHECKED" "${JMH_OPTS[@]}" \
  -rf json -rff "$OUT/stack-check.json" > "$OUT/stack-check.log" 2>&1
log "V8"
PAGES=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["memory"]["initialPages"])' "$CHECKED/layout.json")
node --no-warnings "$HERE/stack-check-v8.mjs" "$CHECKED/stackheavy.wasm" "$UNCHECKED/stackheavy.wasm" "$PAGES" 100 \
  "$V8_RUNS" 2>/dev/null > "$OUT/stack-check-v8.json"
# the same with V8's wasm inlining (a flag in node 20's V8 11.3): the setter is small enough to be inlined
node --no-warnings --experimental-wasm-inlining "$HERE/stack-check-v8.mjs" "$CHECKED/stackheavy.wasm" \
  "$UNCHECKED/stackheavy.wasm" "$PAGES" 100 "$V8_RUNS" 2>/dev/null > "$OUT/stack-check-v8-inlining.json"

python3 - "$OUT/stack-check.json" "$OUT/stack-check-v8.json" "$CHECKED/stackheavy.wasm" "$UNCHECKED/stackheavy.wasm" \
  "$OUT/stack-check-v8-inlining.json" ${QUICK:+quick} <<'PY'
import json, sys

def code_size(path):
    """Bytes of the code section (id 10) of a wasm file."""
    b = open(path, 'rb').read()
    i = 8
    def leb(i):
        v = s = 0
        while True:
            x = b[i]; i += 1; v |= (x & 0x7f) << s; s += 7
            if x < 0x80: return v, i
    while i < len(b):
        sid = b[i]; size, j = leb(i + 1)
        if sid == 10: return size
        i = j + size
    return 0

jmh = {r['benchmark'].rsplit('.', 1)[1]: r['primaryMetric'] for r in json.load(open(sys.argv[1]))}
v8 = json.load(open(sys.argv[2]))
c, u = jmh['checked'], jmh['unchecked']
ratio = c['score'] / u['score']
cc, cu = code_size(sys.argv[3]), code_size(sys.argv[4])
fc, fu = len(open(sys.argv[3], 'rb').read()), len(open(sys.argv[4], 'rb').read())
quick = len(sys.argv) > 6
print('## Stack check (StackCheckBenchmark, stack-check-v8.mjs)' + (' (QUICK: numbers not usable)' if quick else ''))
print()
print('stackheavy.c (benchmarks/src/main/resources/stackheavy: a recursive-descent evaluator and a recursive merge sort;'
      ' nearly every call takes a stack frame), linked with the stack check and with `stack-check: false`.'
      ' Goals: at most 3% run time, at most 2% code size.')
print()
print('| measure | checked | unchecked | checked / unchecked |')
print('|---|---|---|---|')
print('| Chicory compiler, ms per run (20 rounds, JMH) | %.2f ± %.2f | %.2f ± %.2f | %.3f |' % (
    c['score'], float(c['scoreError']), u['score'], float(u['scoreError']), ratio))
print('| V8 (node %s, V8 %s), median ms of %d runs (100 rounds) | %.1f | %.1f | %.3f |' % (
    v8['node'], v8['v8'], v8['runs'], v8['checkedMs'], v8['uncheckedMs'], v8['ratio']))
print('| V8, fastest of those runs | %.1f | %.1f | %.3f |' % (v8['checkedMinMs'], v8['uncheckedMinMs'], v8['minRatio']))
inl = json.load(open(sys.argv[5]))
print('| V8 with `--experimental-wasm-inlining`, median ms | %.1f | %.1f | %.3f |' % (
    inl['checkedMs'], inl['uncheckedMs'], inl['ratio']))
print('| V8 with `--experimental-wasm-inlining`, fastest | %.1f | %.1f | %.3f |' % (
    inl['checkedMinMs'], inl['uncheckedMinMs'], inl['minRatio']))
print('| code section, bytes | %d | %d | %.4f |' % (cc, cu, cc / cu))
print('| module file, bytes | %d | %d | %.4f |' % (fc, fu, fc / fu))
print()
print('Load average when it ended: %s (%d cores).' % (open('/proc/loadavg').read().split()[0], __import__('os').cpu_count()))
print()
PY
