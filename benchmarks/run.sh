#!/usr/bin/env bash
# Builds the benchmarks and runs all of them, then writes benchmarks/RESULTS.md.
# About 15 minutes on 2 cores (JMH settings are on each benchmark class; see README.md).
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
RELOCATE_TARGET_MBS=200
VALIDATOR_TARGET_RATIO=1.3

QUICK_OPTS=()
[[ -n "${QUICK:-}" ]] && QUICK_OPTS=(-f 1 -wi 1 -w 1 -i 2 -r 1)

log() { echo "== $*" >&2; }

[[ -f "$LARGE" ]] || { log "generating and building $LARGE"; "$HERE/gen/build.sh"; }
log "building $JAR"
mvn -q -B -Dstyle.color=never -Pbenchmarks -pl benchmarks -am package -DskipTests
rm -rf "$OUT"
mkdir -p "$OUT/jfr"
START=$(date +%s)

jmh() { # jmh NAME REGEX [JMH options...]
  local name=$1 regex=$2; shift 2
  log "JMH $name"
  java -jar "$JAR" "$regex" "$@" "${QUICK_OPTS[@]}" -rf json -rff "$OUT/$name.json" | tee "$OUT/$name.log" | { grep -E '^(# Run progress|Benchmark |[A-Z][A-Za-z]+Benchmark\.)' >&2 || true; }
}

jmh relocate 'RelocateBenchmark' -p wasm="$LARGE"
jmh validator 'ValidatorBenchmark'
# the fixed part of one op (parse, compile, instantiate): the same run with one round of work
FIXED_OPTS=(-f 1 -wi 3 -w 2 -i 5 -r 2)
[[ -n "${QUICK:-}" ]] && FIXED_OPTS=()
jmh validator-fixed 'ValidatorBenchmark' -p rounds=1 "${FIXED_OPTS[@]}"
jmh planner 'PlannerBenchmark' -prof gc

# Profiles for what misses its target: a short JFR run (1 fork) of each such benchmark.
profile() { # profile NAME REGEX [JMH options...]
  local name=$1 regex=$2; shift 2
  log "JFR $name"
  java -jar "$JAR" "$regex" "$@" -f 1 -wi 3 -i 5 -prof "jfr:dir=$OUT/jfr/$name" > "$OUT/jfr/$name.log"
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
  ${QUICK:+--quick} > "$HERE/RESULTS.md.tmp"
mv "$HERE/RESULTS.md.tmp" "$HERE/RESULTS.md"
log "done in ${ELAPSED}s"
