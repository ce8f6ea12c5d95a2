#!/usr/bin/env bash
# Builds the benchmarks and runs all of them, then writes benchmarks/RESULTS.md.
# About 22 minutes on 2 cores (JMH settings are on each benchmark class; see README.md), plus about
# 5 minutes the first time to generate and build the inputs (gen/build.sh, gen/build-set.sh).
#
#   benchmarks/run.sh           everything
#   QUICK=1 benchmarks/run.sh   a smoke test of this script: 1 fork, 2 short iterations (numbers not usable)
#
# Raw JMH JSON goes to benchmarks/target/results/, JFR recordings to benchmarks/target/results/jfr/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
OUT="$HERE/target/results"
JAR="$HERE/target/benchmarks.jar"
LARGE="$HERE/target/gen/large.wasm"
SET="$HERE/target/gen/set/wasm-layout.yaml"
PIC="$HERE/target/gen/pic.wasm"
APPS="$HERE/target/gen/apps/wasm-layout.yaml"
LINKED_FP="$HERE/target/gen/footprint-linked"
CLI_JAR="$ROOT/cli/target/wasm-layout.jar"
RELOCATE_TARGET_MBS=200
VALIDATOR_TARGET_RATIO=1.3

QUICK_OPTS=()
[[ -n "${QUICK:-}" ]] && QUICK_OPTS=(-f 1 -wi 1 -w 1 -i 2 -r 1)

log() { echo "== $*" >&2; }

[[ -f "$LARGE" ]] || { log "generating and building $LARGE"; "$HERE/gen/build.sh"; }
[[ -f "$SET" && -f "$PIC" && -f "$APPS" ]] || { log "generating and building the set, the PIC module and the apps"; "$HERE/gen/build-set.sh"; }
log "building $JAR and $CLI_JAR"
mvn -q -B -Dstyle.color=never -Pbenchmarks -pl benchmarks,cli -am package -DskipTests
# the linked footprint sample RuntimeCostBenchmark runs
rm -rf "$LINKED_FP"
java -jar "$CLI_JAR" link "$ROOT/samples/footprint/wasm-layout.yaml" -o "$LINKED_FP" > /dev/null
rm -rf "$OUT"
mkdir -p "$OUT/jfr"
START=$(date +%s)

jmh() { # jmh NAME REGEX [JMH options...]
  local name=$1 regex=$2; shift 2
  log "JMH $name"
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock: wait for it (up to 30 minutes)
  # rather than measure two runs sharing the cores
  for _ in $(seq 180); do
    : > "$OUT/$name.log"
    java -jar "$JAR" "$regex" "$@" "${QUICK_OPTS[@]}" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1 &
    local pid=$!
    { tail -n +1 -f --pid=$pid "$OUT/$name.log" || true; } |
      { grep -E '^(# Run progress|Benchmark |[A-Z][A-Za-z]+Benchmark\.)' >&2 || true; }
    wait $pid || true
    grep -q 'Unable to acquire the JMH lock' "$OUT/$name.log" || return 0
    log "another JMH run holds the lock; waiting"
    sleep 10
  done
}

jmh relocate 'RelocateBenchmark' -p wasm="$LARGE"
jmh pic 'PicBenchmark' -p wasm="$PIC"
jmh runtime 'RuntimeCostBenchmark' -p linked="$LINKED_FP"
jmh validator 'ValidatorBenchmark'
# the fixed part of one op (parse, compile, instantiate): the same run with one round of work
FIXED_OPTS=(-f 1 -wi 3 -w 2 -i 5 -r 2)
[[ -n "${QUICK:-}" ]] && FIXED_OPTS=()
jmh validator-fixed 'ValidatorBenchmark' -p rounds=1 "${FIXED_OPTS[@]}"
jmh planner 'PlannerBenchmark' -prof gc
jmh fuse 'FuseBenchmark' -p manifest="$SET"

# wall clock, side by side: our CLI link vs relinking with wasm-ld vs a wasm-opt round trip; footprint
log "side-by-side comparisons and footprint"
RUNS=7
[[ -n "${QUICK:-}" ]] && RUNS=2
# BASELINE=path/to/an/older/wasm-layout.jar also times that jar (`java -jar`) in the same rounds
python3 "$HERE/compare.py" "$OUT/compare.json" --runs "$RUNS" ${BASELINE:+--baseline "$BASELINE"}
# the in-process stages in thread CPU time, one thread: readable when the machine is shared
log "StageCpu"
java -XX:ActiveProcessorCount=1 -Xms2g -Xmx2g -cp "$JAR" dev.wasmlayout.bench.StageCpu "$LARGE" 40 > "$OUT/stages.txt"

# Profiles for what misses its target: a short JFR run (1 fork) of each such benchmark.
profile() { # profile NAME REGEX [JMH options...]
  local name=$1 regex=$2; shift 2
  log "JFR $name"
  for _ in $(seq 180); do
    java -jar "$JAR" "$regex" "$@" -f 1 -wi 3 -i 5 -prof "jfr:dir=$OUT/jfr/$name" > "$OUT/jfr/$name.log" 2>&1 || true
    grep -q 'Unable to acquire the JMH lock' "$OUT/jfr/$name.log" || break
    sleep 10
  done
  find "$OUT/jfr/$name" -name profile.jfr | sort | while read -r f; do
    echo "#### $(basename "$(dirname "$f")" | sed 's/-.*//; s/^dev\.wasmlayout\.bench\.//')"
    echo
    java -cp "$JAR" dev.wasmlayout.bench.JfrTop "$f" 15 ""
    echo
  done > "$OUT/jfr/$name.md"
}
SLOW=$(python3 "$HERE/report.py" slow-relocate "$OUT" "$LARGE" "$RELOCATE_TARGET_MBS")
[[ -n "$SLOW" ]] && profile relocate "RelocateBenchmark.($SLOW)\$" -p wasm="$LARGE"
if python3 "$HERE/report.py" validator-missed "$OUT" "$VALIDATOR_TARGET_RATIO"; then
  profile validator 'ValidatorBenchmark' -p engine=COMPILER
fi

ELAPSED=$(( $(date +%s) - START ))
log "writing $HERE/RESULTS.md"
python3 "$HERE/report.py" write "$OUT" "$LARGE" "$RELOCATE_TARGET_MBS" "$VALIDATOR_TARGET_RATIO" "$ELAPSED" \
  --pic="$PIC" ${QUICK:+--quick} > "$HERE/RESULTS.md.tmp"
mv "$HERE/RESULTS.md.tmp" "$HERE/RESULTS.md"
# the stack check's cost, side by side with the unchecked link (its own script: it can also run alone)
"$HERE/stack-check.sh" >> "$HERE/RESULTS.md"
log "done in ${ELAPSED}s"
