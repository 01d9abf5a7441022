#!/usr/bin/env bash
# CDNOW benchmark (issue 10 item 9): the nine customer indicators of examples/cdnow for all
# 23,570 customers over the calibration window, as `--timings` reports their evaluation. With
# BASE_BIN, the two binaries run alternately (the box's speed varies from hour to hour, so
# compare runs made in the same minutes) and their CSVs must be identical.
#
#   benchmarks/run-cdnow-benchmark.sh
#
# Environment knobs:
#   RUNS=7              runs per binary (each run is a fresh process)
#   YARDSTICK_BIN=...   Yardstick CLI (default .build/release/yardstick at the repository root)
#   BASE_BIN=...        another build to compare with (say, of the previous commit)
#   SKIP_BUILD=1        do not build the release CLI first
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS="${RUNS:-7}"
YBIN="${YARDSTICK_BIN:-$ROOT/.build/release/yardstick}"
BASE="${BASE_BIN:-}"
INDICATORS="frequency,recency,T,monetary_value,weeks_since_last,r_score,f_score,m_score,rfm_score"

if [[ -z "${SKIP_BUILD:-}" && -z "${YARDSTICK_BIN:-}" ]]; then
  (cd "$ROOT" && swift build -c release --product yardstick >&2)
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# One copy of the workspace per binary: each keeps its own table snapshot.
names=(new)
bins=("$YBIN")
if [[ -n "$BASE" ]]; then names+=(base); bins+=("$BASE"); fi
for name in "${names[@]}"; do cp -r "$ROOT/examples/cdnow" "$WORK/$name"; done

run() { # binary workspace csv -> evaluation seconds
  "$1" run --workspace "$2" --period 1997-01-01..1997-09-30 --per account --timings \
    --indicators "$INDICATORS" --format csv --out "$3" 2>&1 |
    sed -n 's/^timings: .*evaluation \([0-9.]*\) s.*/\1/p'
}

# A first run each writes the snapshot, so that every timed run reads it.
for i in "${!names[@]}"; do run "${bins[$i]}" "$WORK/${names[$i]}" "$WORK/${names[$i]}.csv" >/dev/null; done
declare -A times
for ((r = 1; r <= RUNS; r++)); do
  for i in "${!names[@]}"; do
    times[${names[$i]}]+="$(run "${bins[$i]}" "$WORK/${names[$i]}" "$WORK/${names[$i]}.csv") "
  done
done

printf '%-6s %5s %8s %8s %8s   %s\n' binary runs min median max "evaluation seconds"
for name in "${names[@]}"; do
  # shellcheck disable=SC2086
  sorted=$(printf '%s\n' ${times[$name]} | sort -n)
  count=$(wc -l <<<"$sorted")
  printf '%-6s %5d %8s %8s %8s   %s\n' "$name" "$count" "$(head -1 <<<"$sorted")" \
    "$(sed -n "$(((count + 1) / 2))p" <<<"$sorted")" "$(tail -1 <<<"$sorted")" "${times[$name]}"
done
if [[ -n "$BASE" ]]; then
  if cmp -s "$WORK/new.csv" "$WORK/base.csv"; then echo "CSVs identical"; else echo "CSVs DIFFER"; exit 1; fi
fi
