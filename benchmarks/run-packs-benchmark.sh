#!/usr/bin/env bash
# Pack benchmark (issue 11, item 10): all standard packs (plugins/) on the generated workspace
# (its packs/yardstick.toml, which maps every table, the packs' included)
# for one month and all users (the people grains: user, team, department, company), run
#   (a) as packs: the sets PackSelection resolves, one IndicatorSelection, one Evaluator.run;
#   (b) as plain workspace indicators: per pack, the same files with the pack's lib/ as module
#       folder and its parameter defaults, one Evaluator.run(sources:) per pack, summed;
# alternately, in one process (the workspace is loaded once). Prints each run, the medians, the
# ratio a/b (target: at most 1.5x), the time to resolve and load the packs, the figures and
# failures per pack and whether (a) and (b) gave the same values. Exits non-zero when they
# differ.
#
#   benchmarks/run-packs-benchmark.sh [SCALE]        # SCALE defaults to 1
#
# Environment knobs:
#   RUNS=3              alternating runs of (a) and (b)
#   PERIOD=2026-10      the month
#   FAILURES=3          failures printed per pack
#   SKIP_BUILD=1        don't build; use the existing binary
#   PYTHON=python3      interpreter for the generator
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PERIOD="${PERIOD:-2026-10}"
FAILURES="${FAILURES:-3}"
WS="$HERE/out/scale-$SCALE"
BIN="$HERE/.build/release/packs-benchmark"
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

ensure_workspace "$WS" "$SCALE" || true
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building packs-benchmark (release)"
  swift build -c release --package-path "$HERE" --product packs-benchmark >&2
fi
log "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
# stdbuf: each line as it comes when the output goes to a pipe or a file.
line_buffered=(); command -v stdbuf >/dev/null && line_buffered=(stdbuf -oL)
"${line_buffered[@]}" "$BIN" "$WS/packs" --plugins "$ROOT/plugins" --period "$PERIOD" --runs "$RUNS" --failures "$FAILURES"
