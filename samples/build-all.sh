#!/usr/bin/env bash
# Rebuilds every sample's prebuilt modules (samples/*/build/). See README.md.
set -euo pipefail
cd "$(dirname "$0")"
for script in */build.sh; do
  echo "== ${script%/build.sh}"
  bash "$script"
done
