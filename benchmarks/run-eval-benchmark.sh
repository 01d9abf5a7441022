#!/usr/bin/env bash
# Evaluation benchmark: the 13 indicators of benchmarks/indicators/*.lua for every user x every
# month 2025-01..2026-12, computed by DuckDB SQL (reference), by Yardstick (Lua definitions) and,
# if built, by a direct-Swift runner; then a timing table and a value-for-value comparison.
#
#   benchmarks/run-eval-benchmark.sh [SCALE]                 # SCALE defaults to 1
#   benchmarks/run-eval-benchmark.sh --compare REF.csv GOT.csv   # only compare two long CSVs
#
# Environment knobs:
#   RUNS=3              runs per engine, alternating (each run is a fresh process)
#   PYTHON=python3      interpreter for the generator and duckdb_eval.py
#   DUCKDB_THREADS=N    pass --threads N to duckdb_eval.py
#   YARDSTICK_BIN=...   Yardstick CLI (default .build/release/yardstick at the repository root)
#   DIRECT_BIN=...      direct-Swift runner (default benchmarks/.build/release/eval-benchmark)
#   MAX_MISMATCHES=20   mismatches printed in full by the comparison
#   PROFILES="short salesforce guid int-unsorted unpadded"   id profiles of the end-to-end line
#   E2E_ONLY=1          only the end-to-end line (skip the 24-month evaluation comparison)
#   E2E=0               skip the end-to-end line
#   EXACT_DECIMALS="revenue won_revenue"   non-count indicators whose values are exact decimals
#                       (compared exactly); counts (unit count) are always compared exactly and
#                       every other value with a relative tolerance of 1e-9, or, when the candidate
#                       is written with at most six decimals (Yardstick's CSV rounds floats to six
#                       places, docs/run-output.md), within half a millionth of the reference.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

# --- the comparison (also usable on its own with --compare) ---------------------------------
compare_csv() {  # reference.csv candidate.csv
  "$PYTHON" - "$1" "$2" <<'PY'
import csv, math, os, sys
from collections import Counter
from decimal import Decimal, InvalidOperation
ref_path, got_path = sys.argv[1], sys.argv[2]
limit = int(os.environ.get("MAX_MISMATCHES", "20"))
exact_decimals = set(os.environ.get("EXACT_DECIMALS", "revenue won_revenue").split())
def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = {}
        for r in csv.DictReader(f):
            key = (r["period"], r["grain"], r["subject_id"], r["indicator"])
            if key in rows:
                print(f"duplicate row in {path}: {key}")
            rows[key] = r
        return rows
ref, got = load(ref_path), load(got_path)
def same(a, b):
    """(equal?, why) for two rows with the same key."""
    if a["status"] != b["status"]:
        return False, f"status {a['status']} vs {b['status']}"
    if a["status"] == "missing":
        return True, ""
    va, vb = a["value"], b["value"]
    if a["unit"] == "count" or a["indicator"] in exact_decimals:
        try:
            ok = Decimal(va) == Decimal(vb)
        except InvalidOperation:
            ok = va == vb
        return ok, "" if ok else "exact value differs"
    try:
        fa, fb = float(va), float(vb)
    except ValueError:
        return va == vb, "not a number"
    if math.isnan(fa) or math.isnan(fb):
        return False, "nan"
    ok = math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-12)
    places = len(vb.split(".")[1]) if "." in vb and "e" not in vb.lower() else 0
    if not ok and places <= 6:
        # The candidate rounded to six decimals: half a unit of its last place at most.
        ok = abs(fa - fb) <= 5e-7 + 1e-12
    return ok, "" if ok else f"relative difference {abs(fa - fb) / max(abs(fa), abs(fb)):.3g}"
only_ref = sorted(set(ref) - set(got))
only_got = sorted(set(got) - set(ref))
bad, units, names = [], 0, 0
per_indicator = Counter()
for key in sorted(set(ref) & set(got)):
    a, b = ref[key], got[key]
    ok, why = same(a, b)
    if not ok:
        bad.append((key, a, b, why))
        per_indicator[key[3]] += 1
    if a["unit"] != b["unit"]:
        units += 1
    if a["subject_name"] != b["subject_name"]:
        names += 1
common = len(set(ref) & set(got))
print(f"\nValue comparison: reference {ref_path} ({len(ref):,} rows) vs {got_path} ({len(got):,} rows)")
print(f"  compared {common:,}   value/status mismatches {len(bad):,}   only in reference {len(only_ref):,}"
      f"   only in candidate {len(only_got):,}   unit differences {units:,}   name differences {names:,}")
for key in only_ref[:limit]:
    print(f"  only in reference: {key}")
for key in only_got[:limit]:
    print(f"  only in candidate: {key}")
for key, a, b, why in bad[:limit]:
    print(f"  MISMATCH {'/'.join(key)}: reference {a['value'] or '-'} ({a['status']})"
          f" vs {b['value'] or '-'} ({b['status']}): {why}")
if per_indicator:
    print("  mismatches per indicator: " + ", ".join(f"{k} {v:,}" for k, v in sorted(per_indicator.items())))
clean = not bad and not only_ref and not only_got and not units
print("  RESULT: " + ("identical within tolerance" if clean else "DIFFERENCES FOUND"))
sys.exit(0 if clean else 1)
PY
}

if [[ "${1:-}" == "--compare" ]]; then
  [[ $# -eq 3 ]] || { log "usage: $0 --compare REFERENCE.csv CANDIDATE.csv"; exit 2; }
  compare_csv "$2" "$3"
  exit $?
fi

SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PROFILES="${PROFILES:-short salesforce guid int-unsorted unpadded}"
WS="$HERE/out/scale-$SCALE"
YBIN="${YARDSTICK_BIN:-$ROOT/.build/release/yardstick}"
DBIN="${DIRECT_BIN:-$HERE/.build/release/eval-benchmark}"
OUT="$HERE/out"
SUFFIX=""; [[ "$SCALE" == 1 ]] || SUFFIX="-scale-$SCALE"
DUCK_CSV="$OUT/eval-duckdb$SUFFIX.csv"
Y_CSV="$OUT/eval-yardstick$SUFFIX.csv"
RESULTS="$OUT/eval-results-scale-$SCALE-$(date -u +%Y%m%dT%H%M%SZ).jsonl"

# --- 1. DuckDB and the workspace ----------------------------------------------------------------
if ! "$PYTHON" -c 'import duckdb' 2>/dev/null; then
  log "duckdb Python package missing; installing with pip"
  "$PYTHON" -m pip install --quiet duckdb
fi
ensure_workspace "$WS" "$SCALE" || true
mkdir -p "$OUT"
: > "$RESULTS"
rm -f "$Y_CSV"   # never compare a stale file

have_y=0; [[ -x "$YBIN" ]] && have_y=1
have_d=0; [[ -x "$DBIN" ]] && have_d=1
[[ $have_y -eq 1 ]] || log "note: $YBIN not found; build it with 'swift build -c release' (Yardstick side skipped)"
[[ $have_d -eq 1 ]] || log "note: $DBIN not found (direct-Swift side skipped)"

# Runs a command, keeps its stdout/stderr, and appends one JSON result line to $RESULTS:
# the engine's own JSON line (stdout, or stderr for Yardstick's --timings) plus the child's
# peak RSS (getrusage(RUSAGE_CHILDREN)).
run_one() {  # engine, command...
  local engine="$1"; shift
  "$PYTHON" - "$engine" "$RESULTS" "$@" <<'PY'
import json, os, resource, subprocess, sys, time
engine, results, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.perf_counter()
p = subprocess.run(cmd, capture_output=True, text=True)
wall = time.perf_counter() - t0
sys.stderr.write(p.stderr if not engine.startswith("yardstick") else "")
if p.returncode != 0:
    sys.stderr.write(p.stderr + f"\nERROR: {engine} exited with {p.returncode}: {' '.join(cmd)}\n")
    sys.exit(1)
def json_lines(text):
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                yield json.loads(line)
            except ValueError:
                pass
found = None
if engine.startswith("yardstick"):
    for d in json_lines(p.stderr):
        if "eval_seconds" in d:
            found = d
    if found is None:
        sys.stderr.write(p.stderr + "\nERROR: yardstick --timings printed no JSON line with eval_seconds\n")
        sys.exit(1)
    found = dict(found, engine=engine, seconds=found["eval_seconds"])
else:
    for d in json_lines(p.stdout):
        if d.get("engine") == engine:
            found = d
    if found is None:
        sys.stderr.write(f"ERROR: {engine} printed no JSON result line; stdout was:\n{p.stdout[-2000:]}\n")
        sys.exit(1)
found["wall_seconds"] = round(wall, 4)
if engine.endswith("-e2e"):
    # The whole process, from outside: start, load, evaluation, output, exit.
    found["seconds"] = found["wall_seconds"]
    found["profile"] = os.environ.get("E2E_PROFILE", "short")
found["child_peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
line = json.dumps(found)
sys.stderr.write("  " + line + "\n")
with open(results, "a") as f:
    f.write(line + "\n")
PY
}

duck_args=()
[[ -n "${DUCKDB_THREADS:-}" ]] && duck_args=(--threads "$DUCKDB_THREADS")
status=0
if [[ "${E2E_ONLY:-0}" != 1 ]]; then
for ((i = 1; i <= RUNS; i++)); do
  log "run $i/$RUNS"
  out_args=(); [[ $i -eq 1 ]] && out_args=(--out "$DUCK_CSV")
  run_one duckdb "$PYTHON" "$HERE/duckdb_eval.py" "$WS" "${duck_args[@]}" "${out_args[@]}"
  if [[ $have_y -eq 1 ]]; then
    run_one yardstick "$YBIN" run --no-cache --workspace "$WS" --indicators "$HERE/indicators" \
      --period-range 2025-01..2026-12 --per user --format csv --out "$Y_CSV" --timings
    # One month (the same month the other engines time), as its own run.
    run_one yardstick-month "$YBIN" run --no-cache --workspace "$WS" --indicators "$HERE/indicators" \
      --period 2026-10 --per user --format csv --out "$OUT/eval-yardstick-month.csv" --timings
  fi
  if [[ $have_d -eq 1 ]]; then
    run_one swift-direct "$DBIN" "$WS"
  fi
done

# --- summary --------------------------------------------------------------------------------------
"$PYTHON" - "$RESULTS" "$SCALE" <<'PY'
import json, statistics, sys
path, scale = sys.argv[1], sys.argv[2]
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault(d["engine"], []).append(d)
MiB = 2 ** 20
def stat(rs, key):
    xs = sorted(r[key] for r in rs if r.get(key) is not None)
    return (xs[0], statistics.median(xs)) if xs else (None, None)
def f(x, spec=".3f"):
    return format(x, spec) if x is not None else "-"
print(f"\nEvaluation benchmark, scale {scale}: 13 indicators x users x 24 months   (raw: {path})\n")
hdr = (f"{'engine':<13} {'runs':>4} {'best s':>8} {'median s':>9} {'1 month s':>10} {'load s':>8}"
       f" {'figures':>9} {'peak RSS MiB':>13}")
print(hdr); print("-" * len(hdr))
S = {}
for e in ("duckdb", "yardstick", "swift-direct"):
    rs = runs.get(e)
    if not rs:
        continue
    best, med = stat(rs, "seconds")
    one = stat(rs, "seconds_one_month")[1]
    if e == "yardstick" and runs.get("yardstick-month"):
        one = stat(runs["yardstick-month"], "seconds")[1]
    load = stat(rs, "load_seconds")[1]
    figures = rs[0].get("figures")
    peak = max(r.get("peak_rss_bytes") or r.get("child_peak_rss_bytes") or 0 for r in rs)
    S[e] = dict(best=best, med=med)
    print(f"{e:<13} {len(rs):>4} {f(best):>8} {f(med):>9} {f(one):>10} {f(load):>8}"
          f" {f(figures, ',') if figures else '-':>9} {peak / MiB:>13.1f}")
print("\nseconds: duckdb = the 24-month SQL query + fetch (load excluded); yardstick = eval_seconds"
      " of --timings (load excluded; 1 month: a separate run for 2026-10); swift-direct = its own 'seconds'")
r = lambda a, b: a / b if a is not None and b else float("nan")
if "yardstick" in S and "duckdb" in S:
    y, d = S["yardstick"], S["duckdb"]
    print(f"yardstick eval / duckdb query      best {r(y['best'], d['best']):.2f}x   median {r(y['med'], d['med']):.2f}x")
    ym, dm = runs.get("yardstick-month"), runs.get("duckdb")
    if ym and dm:
        a, b = stat(ym, "seconds")[1], stat(dm, "seconds_one_month")[1]
        print(f"  one month (2026-10)              median {r(a, b):.2f}x   ({a:.3f} s vs {b:.3f} s)")
if "yardstick" in S and "swift-direct" in S:
    y, s = S["yardstick"], S["swift-direct"]
    print(f"lua-declared / swift-direct        best {r(y['best'], s['best']):.2f}x   median {r(y['med'], s['med']):.2f}x")
if len(S) > 1:
    print("(ratios > 1 mean the first engine is slower)")
PY

# --- value-for-value comparison -------------------------------------------------------------------
if [[ $have_y -eq 1 && -s "$Y_CSV" ]]; then
  compare_csv "$DUCK_CSV" "$Y_CSV" || status=1
else
  log "no Yardstick CSV to compare ($Y_CSV); DuckDB figures are in $DUCK_CSV"
fi
fi  # E2E_ONLY

# --- end to end: one month, the whole process, per id profile -------------------------------------
# `yardstick run --period 2026-10` (start, load, evaluation, CSV output, exit) against
# duckdb_eval.py --end-to-end (start, import, load, the month's query, CSV output, exit), both
# timed from outside, alternately, on the workspace of every id profile.
if [[ $have_y -eq 1 && "${E2E:-1}" != 0 ]]; then
  E2E_RESULTS="$OUT/e2e-results-scale-$SCALE-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
  : > "$E2E_RESULTS"
  for ids in $PROFILES; do
    ws="$(workspace_dir "$SCALE" "$ids")"
    ensure_workspace "$ws" "$SCALE" "$ids" || true
    for ((i = 1; i <= RUNS; i++)); do
      log "end to end, $ids ids: run $i/$RUNS"
      E2E_PROFILE="$ids" RESULTS="$E2E_RESULTS" run_one duckdb-e2e "$PYTHON" "$HERE/duckdb_eval.py" "$ws" \
        "${duck_args[@]}" --end-to-end --out "$OUT/e2e-duckdb-$ids$SUFFIX.csv"
      E2E_PROFILE="$ids" RESULTS="$E2E_RESULTS" run_one yardstick-e2e "$YBIN" run --no-cache --workspace "$ws" \
        --indicators "$HERE/indicators" --period 2026-10 --per user --format csv \
        --out "$OUT/e2e-yardstick-$ids$SUFFIX.csv" --timings
    done
  done
  "$PYTHON" - "$E2E_RESULTS" "$SCALE" "$PROFILES" <<'PY'
import json, statistics, sys
path, scale, profiles = sys.argv[1], sys.argv[2], sys.argv[3].split()
runs = {}
for line in open(path):
    if line.strip():
        d = json.loads(line)
        runs.setdefault((d["profile"], d["engine"]), []).append(d)
MiB = 2 ** 20
med = lambda rs, k: statistics.median(r[k] for r in rs if r.get(k) is not None)
print(f"\nEnd to end, scale {scale}: the whole process of one month (2026-10), 13 indicators x users"
      f"   (raw: {path})\n")
hdr = (f"{'ids':<13} {'runs':>4} {'yardstick s':>12} {'(load s)':>9} {'duckdb s':>9} {'(load s)':>9}"
       f" {'ratio':>7} {'yardstick MiB':>14} {'duckdb MiB':>11}")
print(hdr); print("-" * len(hdr))
for p in profiles:
    y, d = runs.get((p, "yardstick-e2e")), runs.get((p, "duckdb-e2e"))
    if not (y and d):
        continue
    ys, ds = med(y, "seconds"), med(d, "seconds")
    yp = max(r.get("child_peak_rss_bytes") or 0 for r in y)
    dp = max(r.get("peak_rss_bytes") or 0 for r in d)
    print(f"{p:<13} {len(y):>4} {ys:>12.3f} {med(y, 'load_seconds'):>9.3f} {ds:>9.3f} {med(d, 'load_seconds'):>9.3f}"
          f" {ys / ds:>6.2f}x {yp / MiB:>14.1f} {dp / MiB:>11.1f}")
print("\nseconds: wall time of the whole process, measured by the caller (medians); ratio = yardstick / duckdb"
      " (> 1: Yardstick slower). yardstick MiB is the largest child peak RSS seen so far (getrusage).")
PY
  for ids in $PROFILES; do
    compare_csv "$OUT/e2e-duckdb-$ids$SUFFIX.csv" "$OUT/e2e-yardstick-$ids$SUFFIX.csv" || status=1
  done
fi
exit $status
