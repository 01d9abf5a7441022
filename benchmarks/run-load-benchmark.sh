#!/usr/bin/env bash
# Load benchmark: Yardstick (Swift, benchmarks/ SwiftPM package) vs DuckDB (Python) on the
# same synthetic CRM workspace.
#
#   benchmarks/run-load-benchmark.sh [SCALE]        # SCALE defaults to 1
#
# Every id profile of generate_workspace.py (--ids) has its own workspace: benchmarks/out/scale-S
# for the default short ids, benchmarks/out/scale-S-PROFILE for the others (generated if missing).
#
# Environment knobs:
#   PROFILES="short salesforce guid int-unsorted unpadded"   id profiles to run, in this order
#   RUNS=3            runs per engine and profile (alternating duckdb, yardstick, duckdb, ...)
#   SKIP_BUILD=1      do not run `swift build`; use an existing binary if there is one
#   PYTHON=python3    interpreter for the generator and the DuckDB loader
#   DUCKDB_THREADS=N  pass --threads N to the DuckDB loader (default: DuckDB's default, all cores)
#   YARDSTICK_BIN=... benchmark binary to run (default benchmarks/.build/release/load-benchmark)
set -euo pipefail

SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PYTHON="${PYTHON:-python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROFILES="${PROFILES:-short salesforce guid int-unsorted unpadded}"
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

# --- 2. workspaces (one per id profile) --------------------------------------------------------
for ids in $PROFILES; do
  ensure_workspace "$(workspace_dir "$SCALE" "$ids")" "$SCALE" "$ids" || true
done

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
run_one() {  # profile, engine, command...
  local ids="$1" engine="$2"; shift 2
  local line
  if ! line="$("$@" | tail -n 1)"; then
    log "ERROR: $engine run failed: $*"; exit 1
  fi
  if ! line="$("$PYTHON" -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["engine"]==sys.argv[2]; d["profile"]=sys.argv[3]; print(json.dumps(d))' "$line" "$engine" "$ids" 2>/dev/null)"; then
    log "ERROR: $engine did not print a JSON result line; got: $line"; exit 1
  fi
  log "  $line"
  printf '%s\n' "$line" >> "$RESULTS"
}
for ids in $PROFILES; do
  ws="$(workspace_dir "$SCALE" "$ids")"
  for ((i = 1; i <= RUNS; i++)); do
    log "$ids ids: run $i/$RUNS"
    run_one "$ids" duckdb "$PYTHON" "$HERE/duckdb_load.py" "$ws" "${duck_args[@]}"
    if [[ $have_yardstick -eq 1 ]]; then
      run_one "$ids" yardstick "$BIN" "$ws"
    fi
  done
done

# --- 5. summary ---------------------------------------------------------------------------------
"$PYTHON" - "$RESULTS" "$SCALE" "$have_yardstick" "$PROFILES" <<'PY'
import json, statistics, sys
path, scale, have_y, profiles = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4].split()
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault((d["profile"], d["engine"]), []).append(d)
MiB = 2 ** 20
def summary(rs):
    secs = sorted(r["seconds"] for r in rs)
    best, med = secs[0], statistics.median(secs)
    rows = rs[0]["rows"]
    peak = max(r["peak_rss_bytes"] for r in rs)
    base = statistics.median(r.get("baseline_rss_bytes", 0) for r in rs)
    return dict(n=len(rs), best=best, med=med, rows=rows, rps=rows / med if med else float("inf"),
                peak=peak, base=base, rowsets={r["rows"] for r in rs})
S = {key: summary(rs) for key, rs in runs.items()}
print(f"\nLoad benchmark, scale {scale}   ({sum(len(r) for r in runs.values())} runs; raw: {path})\n")
hdr = (f"{'ids':<13} {'engine':<10} {'runs':>4} {'best s':>8} {'median s':>9} {'rows':>11} {'rows/s (med)':>13}"
       f" {'peak MiB':>9} {'base MiB':>9} {'peak-base':>10}")
print(hdr); print("-" * len(hdr))
for p in profiles:
    for e in ("yardstick", "duckdb"):
        s = S.get((p, e))
        if s:
            print(f"{p:<13} {e:<10} {s['n']:>4} {s['best']:>8.3f} {s['med']:>9.3f} {s['rows']:>11,} {s['rps']:>13,.0f}"
                  f" {s['peak'] / MiB:>9.1f} {s['base'] / MiB:>9.1f} {(s['peak'] - s['base']) / MiB:>10.1f}")
for (p, e), s in S.items():
    if len(s["rowsets"]) > 1:
        print(f"WARNING: {e} ({p} ids) reported different row counts across runs: {sorted(s['rowsets'])}")
if have_y:
    r = lambda a, b: a / b if b else float("nan")
    print(f"\nyardstick / duckdb per id profile (ratios > 1 mean Yardstick is slower / uses more memory)\n")
    hdr = f"{'ids':<13} {'time (best)':>12} {'time (median)':>14} {'peak RSS':>9} {'peak-baseline':>14}"
    print(hdr); print("-" * len(hdr))
    for p in profiles:
        y, d = S.get((p, "yardstick")), S.get((p, "duckdb"))
        if not (y and d):
            continue
        if y["rows"] != d["rows"]:
            print(f"WARNING: {p}: row counts differ: yardstick {y['rows']:,} vs duckdb {d['rows']:,}")
        print(f"{p:<13} {r(y['best'], d['best']):>11.2f}x {r(y['med'], d['med']):>13.2f}x"
              f" {r(y['peak'], d['peak']):>8.2f}x {r(y['peak'] - y['base'], d['peak'] - d['base']):>13.2f}x")
else:
    print("\nYardstick benchmark binary not found (benchmarks/.build/release/load-benchmark);"
          " showing DuckDB only. Build it with:\n"
          "  swift build -c release --package-path benchmarks --product load-benchmark")
PY
