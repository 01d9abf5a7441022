#!/usr/bin/env bash
# Key-view benchmark: new customers, retention and repeat-purchase rate
# (benchmarks/indicators-keys/*.lua) for every user x every month 2025-01..2026-12, computed by
# DuckDB SQL (benchmarks/duckdb_keys.py, the reference) and by Yardstick (key views in Lua,
# computed in Swift); then both times and a value-for-value comparison.
#
#   benchmarks/run-keys-benchmark.sh [SCALE]     # SCALE defaults to 1
#
# Environment knobs:
#   RUNS=3              runs per engine, alternating (each run is a fresh process)
#   PYTHON=python3      interpreter for the generator and duckdb_keys.py
#   DUCKDB_THREADS=N    pass --threads N to duckdb_keys.py
#   YARDSTICK_BIN=...   Yardstick CLI (default .build/release/yardstick at the repository root)
#   MAX_MISMATCHES=20   mismatches printed in full by the comparison
# Counts are compared exactly, rates with a relative tolerance of 1e-9 (the comparison of
# run-eval-benchmark.sh --compare).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

SCALE="${1:-1}"
RUNS="${RUNS:-3}"
WS="$HERE/out/scale-$SCALE"
YBIN="${YARDSTICK_BIN:-$ROOT/.build/release/yardstick}"
OUT="$HERE/out"
SUFFIX=""; [[ "$SCALE" == 1 ]] || SUFFIX="-scale-$SCALE"
DUCK_CSV="$OUT/keys-duckdb$SUFFIX.csv"
Y_CSV="$OUT/keys-yardstick$SUFFIX.csv"
RESULTS="$OUT/keys-results-scale-$SCALE-$(date -u +%Y%m%dT%H%M%SZ).jsonl"

if ! "$PYTHON" -c 'import duckdb' 2>/dev/null; then
  log "duckdb Python package missing; installing with pip"
  "$PYTHON" -m pip install --quiet duckdb
fi
ensure_workspace "$WS" "$SCALE" || true
mkdir -p "$OUT"
: > "$RESULTS"
rm -f "$Y_CSV"   # never compare a stale file
[[ -x "$YBIN" ]] || { log "error: $YBIN not found; build it with 'swift build -c release'"; exit 2; }

# Runs a command and appends one JSON line to $RESULTS: the engine's own JSON line (stdout for
# DuckDB, stderr for Yardstick's --timings) and the wall time of the process.
run_one() {  # engine, command...
  local engine="$1"; shift
  "$PYTHON" - "$engine" "$RESULTS" "$@" <<'PY'
import json, subprocess, sys, time
engine, results, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.perf_counter()
p = subprocess.run(cmd, capture_output=True, text=True)
wall = time.perf_counter() - t0
if p.returncode != 0:
    sys.stderr.write(p.stderr + f"\nERROR: {engine} exited with {p.returncode}: {' '.join(cmd)}\n")
    sys.exit(1)
found = None
for line in (p.stderr if engine == "yardstick" else p.stdout).splitlines():
    line = line.strip()
    if line.startswith("{") and line.endswith("}"):
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if engine == "yardstick" and "eval_seconds" in d:
            found = dict(d, engine=engine, seconds=d["eval_seconds"])
        elif d.get("engine") == engine:
            found = d
if found is None:
    sys.stderr.write(f"ERROR: {engine} printed no JSON result line\n{p.stdout[-2000:]}{p.stderr[-2000:]}\n")
    sys.exit(1)
found["wall_seconds"] = round(wall, 4)
line = json.dumps(found)
sys.stderr.write("  " + line + "\n")
with open(results, "a") as f:
    f.write(line + "\n")
PY
}

duck_args=()
[[ -n "${DUCKDB_THREADS:-}" ]] && duck_args=(--threads "$DUCKDB_THREADS")
for ((i = 1; i <= RUNS; i++)); do
  log "run $i/$RUNS"
  out_args=(); [[ $i -eq 1 ]] && out_args=(--out "$DUCK_CSV")
  run_one duckdb "$PYTHON" "$HERE/duckdb_keys.py" "$WS" "${duck_args[@]}" "${out_args[@]}"
  run_one yardstick "$YBIN" run --no-cache --workspace "$WS" --indicators "$HERE/indicators-keys" \
    --period-range 2025-01..2026-12 --per user --format csv --out "$Y_CSV" --timings
done

"$PYTHON" - "$RESULTS" "$SCALE" <<'PY'
import json, statistics, sys
path, scale = sys.argv[1], sys.argv[2]
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault(d["engine"], []).append(d)
print(f"\nKey-view benchmark, scale {scale}: 3 indicators x users x 24 months   (raw: {path})\n")
hdr = f"{'engine':<10} {'runs':>4} {'best s':>8} {'median s':>9} {'figures':>9}"
print(hdr); print("-" * len(hdr))
S = {}
for e in ("duckdb", "yardstick"):
    rs = runs.get(e)
    if not rs:
        continue
    xs = sorted(r["seconds"] for r in rs)
    S[e] = (xs[0], statistics.median(xs))
    print(f"{e:<10} {len(rs):>4} {xs[0]:>8.3f} {statistics.median(xs):>9.3f} {rs[0].get('figures', 0):>9,}")
print("\nseconds: duckdb = the 24-month SQL query + fetch (load excluded); yardstick = eval_seconds of --timings"
      " (load excluded)")
if len(S) == 2:
    (yb, ym), (db, dm) = S["yardstick"], S["duckdb"]
    print(f"yardstick / duckdb   best {yb / db:.2f}x   median {ym / dm:.2f}x   (> 1: Yardstick is slower)")
PY

status=0
if [[ -s "$Y_CSV" ]]; then
  EXACT_DECIMALS="" "$HERE/run-eval-benchmark.sh" --compare "$DUCK_CSV" "$Y_CSV" || status=1
else
  log "no Yardstick CSV to compare ($Y_CSV)"
  status=1
fi
exit $status
