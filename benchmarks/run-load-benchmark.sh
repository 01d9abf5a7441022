#!/usr/bin/env bash
# Load benchmark: Yardstick (Swift, benchmarks/ SwiftPM package) vs DuckDB (Python) on the
# same synthetic CRM workspace.
#
#   benchmarks/run-load-benchmark.sh [SCALE]        # SCALE defaults to 1
#
# Environment knobs:
#   RUNS=3            runs per engine (alternating duckdb, yardstick, duckdb, ...)
#   SKIP_BUILD=1      do not run `swift build`; use an existing binary if there is one
#   PYTHON=python3    interpreter for the generator and the DuckDB loader
#   DUCKDB_THREADS=N  pass --threads N to the DuckDB loader (default: DuckDB's default, all cores)
#   YARDSTICK_BIN=... benchmark binary to run (default benchmarks/.build/release/load-benchmark)
set -euo pipefail

SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PYTHON="${PYTHON:-python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WS="$HERE/out/scale-$SCALE"
BIN="${YARDSTICK_BIN:-$HERE/.build/release/load-benchmark}"
RESULTS="$HERE/out/results-scale-$SCALE-$(date -u +%Y%m%dT%H%M%SZ).jsonl"

log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

# --- 1. DuckDB (Python package) -------------------------------------------------------------
if ! "$PYTHON" -c 'import duckdb' 2>/dev/null; then
  log "duckdb Python package missing; installing with pip"
  "$PYTHON" -m pip install --quiet duckdb
fi

# --- 2. workspace -----------------------------------------------------------------------------
ensure_workspace "$WS" "$SCALE" || true

# --- 3. Yardstick benchmark binary ------------------------------------------------------------
have_yardstick=0
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  if [[ -f "$HERE/Package.swift" ]] && command -v swift >/dev/null 2>&1; then
    log "building: swift build -c release --package-path benchmarks --product load-benchmark"
    if ! swift build -c release --package-path "$HERE" --product load-benchmark >&2; then
      log "WARNING: swift build failed; continuing with DuckDB only"
    fi
  else
    log "note: no benchmarks/Package.swift (or no swift toolchain); skipping the Yardstick build"
  fi
fi
[[ -x "$BIN" ]] && have_yardstick=1

# --- 4. runs (alternating, each in its own process) -------------------------------------------
duck_args=()
[[ -n "${DUCKDB_THREADS:-}" ]] && duck_args=(--threads "$DUCKDB_THREADS")
mkdir -p "$(dirname "$RESULTS")"
: > "$RESULTS"
run_one() {  # engine, command...
  local engine="$1"; shift
  local line
  if ! line="$("$@" | tail -n 1)"; then
    log "ERROR: $engine run failed: $*"; exit 1
  fi
  if ! "$PYTHON" -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["engine"]==sys.argv[2]' "$line" "$engine" 2>/dev/null; then
    log "ERROR: $engine did not print a JSON result line; got: $line"; exit 1
  fi
  log "  $line"
  printf '%s\n' "$line" >> "$RESULTS"
}
for ((i = 1; i <= RUNS; i++)); do
  log "run $i/$RUNS"
  run_one duckdb "$PYTHON" "$HERE/duckdb_load.py" "$WS" "${duck_args[@]}"
  if [[ $have_yardstick -eq 1 ]]; then
    run_one yardstick "$BIN" "$WS"
  fi
done

# --- 5. summary ---------------------------------------------------------------------------------
"$PYTHON" - "$RESULTS" "$SCALE" "$have_yardstick" <<'PY'
import json, statistics, sys
path, scale, have_y = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault(d["engine"], []).append(d)
MiB = 2 ** 20
def summary(rs):
    secs = sorted(r["seconds"] for r in rs)
    best, med = secs[0], statistics.median(secs)
    rows = rs[0]["rows"]
    peak = max(r["peak_rss_bytes"] for r in rs)
    base = statistics.median(r.get("baseline_rss_bytes", 0) for r in rs)
    return dict(n=len(rs), best=best, med=med, rows=rows, rps=rows / med if med else float("inf"),
                peak=peak, base=base, rowsets={r["rows"] for r in rs})
S = {e: summary(rs) for e, rs in runs.items()}
print(f"\nLoad benchmark, scale {scale}   ({sum(len(r) for r in runs.values())} runs; raw: {path})\n")
hdr = f"{'engine':<10} {'runs':>4} {'best s':>9} {'median s':>9} {'rows':>12} {'rows/s (med)':>14} {'peak RSS MiB':>13} {'base MiB':>9} {'peak-base MiB':>14}"
print(hdr); print("-" * len(hdr))
for e in ("yardstick", "duckdb"):
    if e in S:
        s = S[e]
        print(f"{e:<10} {s['n']:>4} {s['best']:>9.3f} {s['med']:>9.3f} {s['rows']:>12,} {s['rps']:>14,.0f} "
              f"{s['peak'] / MiB:>13.1f} {s['base'] / MiB:>9.1f} {(s['peak'] - s['base']) / MiB:>14.1f}")
for e, s in S.items():
    if len(s["rowsets"]) > 1:
        print(f"WARNING: {e} reported different row counts across runs: {sorted(s['rowsets'])}")
if "yardstick" in S and "duckdb" in S:
    y, d = S["yardstick"], S["duckdb"]
    if y["rows"] != d["rows"]:
        print(f"WARNING: row counts differ: yardstick {y['rows']:,} vs duckdb {d['rows']:,}")
    r = lambda a, b: a / b if b else float("nan")
    print(f"\nyardstick / duckdb   time (best) {r(y['best'], d['best']):.2f}x   time (median) {r(y['med'], d['med']):.2f}x"
          f"   peak RSS {r(y['peak'], d['peak']):.2f}x   peak-baseline RSS {r(y['peak'] - y['base'], d['peak'] - d['base']):.2f}x")
    print("(ratios > 1 mean Yardstick is slower / uses more memory)")
elif not have_y:
    print("\nYardstick benchmark binary not found (benchmarks/.build/release/load-benchmark);"
          " showing DuckDB only. Build it with:\n"
          "  swift build -c release --package-path benchmarks --product load-benchmark")
PY
