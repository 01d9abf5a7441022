#!/usr/bin/env bash
# Score benchmark (issue 9, item 12): what scoring adds to `run`. Times `yardstick run` for the 13
# indicators of benchmarks/indicators over every user x every month 2025-01..2026-12, and
# `yardstick score` of the 13-indicator model (model.lua of the generated workspace, written by
# generate_workspace.py) over the same users and months (24 periods via --period-range), then
# prints the medians and their ratio. Target: score <= 1.2 x run.
#
# Like for like, `score --no-comparisons` (the same windows as run) is the one held to the
# target; plain `score` also evaluates each period's previous period and the same period last
# year (环比/同比 columns), so it is timed too and its ratio printed for information
# (COMPARISONS=0 skips it).
#
#   benchmarks/run-score-benchmark.sh [SCALE]        # SCALE defaults to 1 (1,000 users)
#
# Both commands are timed as whole processes (wall clock: load, evaluation, scoring, writing the
# CSV), alternately, RUNS times each; each run is a fresh process.
#
# Environment knobs:
#   RUNS=3              runs per command, alternating
#   SKIP_BUILD=1        don't build; use the existing binary
#   YARDSTICK_BIN=...   Yardstick CLI (default .build/release/yardstick at the repository root)
#   PERIODS=2025-01..2026-12   the --period-range of both commands
#   AS_OF=2027-01-15    score's --as-of: after the range, so every period is whole, as `run`
#                       evaluates them (an as-of inside the range scores that month to date)
#   TARGET_RATIO=1.2    the ratio the summary checks against
#   COMPARISONS=1       also time plain `score` (with the 环比/同比 comparisons); 0 skips it
#   PYTHON=python3      interpreter for the generator and the timing helper
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PERIODS="${PERIODS:-2025-01..2026-12}"
AS_OF="${AS_OF:-2027-01-15}"
TARGET_RATIO="${TARGET_RATIO:-1.2}"
WS="$HERE/out/scale-$SCALE"
YBIN="${YARDSTICK_BIN:-$ROOT/.build/release/yardstick}"
OUT="$HERE/out"
RESULTS="$OUT/score-results-scale-$SCALE-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

# --- 1. The workspace and its model ----------------------------------------------------------------
if ensure_workspace "$WS" "$SCALE"; then
  # A workspace generated before the score benchmark existed has no model: add it (and the
  # indicators) without regenerating the data. Team quotas come only with a fresh generation;
  # the model does not need them (it scores users).
  "$PYTHON" "$HERE/generate_workspace.py" --scale "$SCALE" --out "$WS" --model-only
fi
mkdir -p "$OUT"
: > "$RESULTS"

# --- 2. The binary ------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${YARDSTICK_BIN:-}" ]]; then
  log "building yardstick (release)"
  swift build -c release --package-path "$ROOT" --product yardstick >&2
fi
if [[ ! -x "$YBIN" ]]; then
  log "error: $YBIN not found; build it with 'swift build -c release --product yardstick' or set YARDSTICK_BIN"
  exit 2
fi

# --- 3. Alternate runs ---------------------------------------------------------------------------------
# Runs a command, keeps its CSV, and appends one JSON line to $RESULTS: the command's wall time,
# its exit status, the child's peak RSS and what the CSV holds (rows; for score, subject totals).
run_one() {  # label csv command...
  local label="$1" csv="$2"; shift 2
  "$PYTHON" - "$label" "$RESULTS" "$csv" "$@" <<'PY'
import csv, json, resource, subprocess, sys, time
label, results, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
t0 = time.perf_counter()
p = subprocess.run(cmd, capture_output=True, text=True)
wall = time.perf_counter() - t0
record = {"command": label, "seconds": round(wall, 4), "status": p.returncode,
          "child_peak_rss_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}
# Exit status 1 is "findings" (as for run): the figures were written. 2 and above are errors.
if p.returncode >= 2:
    sys.stderr.write(p.stderr[-4000:] + f"\nERROR: {label} exited with {p.returncode}: {' '.join(cmd)}\n")
else:
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    record["rows"] = len(rows)
    if label.startswith("score"):
        record["subject_totals"] = sum(1 for r in rows if not r.get("indicator") and not r.get("dimension"))
    record["periods"] = len({r["period"] for r in rows})
line = json.dumps(record)
sys.stderr.write("  " + line + "\n")
with open(results, "a") as f:
    f.write(line + "\n")
sys.exit(0 if p.returncode < 2 else 1)
PY
}

status=0
for ((i = 1; i <= RUNS; i++)); do
  log "run $i/$RUNS"
  run_one run "$OUT/score-bench-run.csv" "$YBIN" run --no-cache --workspace "$WS" --period-range "$PERIODS" --per user \
    --format csv --out "$OUT/score-bench-run.csv" || status=1
  run_one score "$OUT/score-bench-score.csv" "$YBIN" score --no-cache --workspace "$WS" --model benchmark \
    --period-range "$PERIODS" --as-of "$AS_OF" --per user --no-comparisons --format csv --out "$OUT/score-bench-score.csv" \
    || status=1
  if [[ "${COMPARISONS:-1}" == 1 ]]; then
    run_one score-comparisons "$OUT/score-bench-score-comparisons.csv" "$YBIN" score --no-cache --workspace "$WS" \
      --model benchmark --period-range "$PERIODS" --as-of "$AS_OF" --per user --format csv \
      --out "$OUT/score-bench-score-comparisons.csv" || status=1
  fi
done

# --- 4. Summary -----------------------------------------------------------------------------------------
"$PYTHON" - "$RESULTS" "$SCALE" "$TARGET_RATIO" <<'PY' || status=1
import json, statistics, sys
path, scale, target = sys.argv[1], sys.argv[2], float(sys.argv[3])
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault(d["command"], []).append(d)
MiB = 2 ** 20
print(f"\nScore benchmark, scale {scale}: 13 indicators x users x 24 months   (raw: {path})\n")
hdr = f"{'command':<18} {'runs':>4} {'ok':>3} {'best s':>8} {'median s':>9} {'CSV rows':>10} {'totals':>8} {'peak RSS MiB':>13}"
print(hdr)
print("-" * len(hdr))
medians = {}
for command in ("run", "score", "score-comparisons"):
    if command not in runs:
        continue
    rs = runs[command]
    ok = [r for r in rs if r["status"] < 2]
    if not ok:
        print(f"{command:<18} {len(rs):>4} {0:>3}  (failed: see the errors above)")
        continue
    xs = sorted(r["seconds"] for r in ok)
    medians[command] = statistics.median(xs)
    totals = ok[0].get("subject_totals")
    peak = max(r["child_peak_rss_bytes"] for r in ok)
    print(f"{command:<18} {len(rs):>4} {len(ok):>3} {xs[0]:>8.3f} {medians[command]:>9.3f} {ok[0]['rows']:>10,}"
          f" {format(totals, ',') if totals is not None else '-':>8} {peak / MiB:>13.1f}")
print("\nseconds: wall time of the whole process (load, evaluation, scoring, CSV written); "
      "'totals' = the score CSV's subject total rows (users x periods); "
      "score = --no-comparisons (the windows run evaluates), score-comparisons = with 环比/同比")
if "run" in medians and "score-comparisons" in medians:
    print(f"score with comparisons / run (median): {medians['score-comparisons'] / medians['run']:.2f}x"
          "   (information: three windows per period instead of one)")
if "run" in medians and "score" in medians:
    ratio = medians["score"] / medians["run"]
    verdict = "within" if ratio <= target else "ABOVE"
    print(f"score / run (median): {ratio:.2f}x   ({verdict} the {target:g}x target)")
    sys.exit(0 if ratio <= target else 1)
print("no ratio: run or score never succeeded")
sys.exit(1)
PY
exit $status
