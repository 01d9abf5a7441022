#!/usr/bin/env bash
# The snapshot cache and `run --watch`, measured on a workspace (release build).
#
#   benchmarks/run-cache-benchmark.sh [WORKSPACE]      (default: benchmarks/out/scale-1)
#
# The workspace is not modified: its yardstick.toml, indicators and model are copied into a
# temporary workspace whose data/ is a link to the original's, and the snapshot goes into the
# copy's .yardstick/cache. Prints, as medians of RUNS runs (default 5), the load time of
# `run --no-cache` (the sources parsed), of the first run (sources parsed and the snapshot
# written) and of runs from the snapshot, with the time spent identifying the sources
# (content hashes) and reading the snapshot; then the time from an edit of one indicator to
# its new figures on standard output under `run --watch`, on this workspace and on
# examples/maven-sales.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
SOURCE="$(cd "${1:-$HERE/out/scale-1}" && pwd)"
RUNS="${RUNS:-5}"
PERIOD="${PERIOD:-2026-10}"
PYTHON="${PYTHON:-python3}"
BIN="$ROOT/.build/release/yardstick"

log() { echo "[cache-benchmark] $*" >&2; }

if [[ ! -x "$BIN" ]]; then
  log "building the release binary"
  (cd "$ROOT" && swift build -c release --product yardstick >&2)
fi

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

# copy_workspace SOURCE TARGET: the settings and scripts copied, the data linked.
copy_workspace() {
  local from="$1" to="$2" entry
  mkdir -p "$to"
  for entry in "$from"/*; do
    case "$(basename "$entry")" in
      data) ln -s "$entry" "$to/data" ;;
      *) cp -R "$entry" "$to/" ;;
    esac
  done
}

WS="$SCRATCH/workspace"
copy_workspace "$SOURCE" "$WS"
log "workspace $SOURCE ($(du -shL "$WS/data" | cut -f1) of data), $RUNS runs each"

# load_seconds ARGS...: runs `yardstick run --timings` and prints "LOAD IDENTIFY READ WRITE".
load_seconds() {
  "$BIN" run --workspace "$WS" --period "$PERIOD" --timings "$@" 2>&1 >/dev/null | "$PYTHON" -c '
import json, re, sys
text = sys.stdin.read()
load = json.loads([l for l in text.splitlines() if l.startswith("{")][-1])["load_seconds"]
cache = [l for l in text.splitlines() if l.startswith("cache: ")]
def field(pattern):
    m = re.search(pattern, cache[0]) if cache else None
    return float(m.group(1)) if m else 0.0
print(load, field(r"identified in ([0-9.]+) s"), field(r"read in ([0-9.]+) s"), field(r"written in ([0-9.]+) s"))
'
}

median() { "$PYTHON" -c 'import statistics, sys; print("%.3f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

csv=(); first=(); firstWrite=(); cached=(); identify=(); readSnapshot=()
for ((i = 0; i < RUNS; i++)); do
  read -r load _ _ _ < <(load_seconds --no-cache); csv+=("$load")
  rm -rf "$WS/.yardstick"
  read -r load _ _ write < <(load_seconds); first+=("$load"); firstWrite+=("$write")
  read -r load ident snap _ < <(load_seconds); cached+=("$load"); identify+=("$ident"); readSnapshot+=("$snap")
done
csvMedian=$(median "${csv[@]}")
cachedMedian=$(median "${cached[@]}")
snapshotBytes=$(stat -c %s "$WS/.yardstick/cache/tables.snapshot")
dataBytes=$(du -sbL "$WS/data" | cut -f1)

echo "workspace: $SOURCE ($dataBytes bytes of data; snapshot $snapshotBytes bytes)"
printf '%-44s %8s s\n' "load from the sources (--no-cache)" "$csvMedian"
printf '%-44s %8s s  (writing the snapshot: %s s)\n' "first run: sources + snapshot written" "$(median "${first[@]}")" "$(median "${firstWrite[@]}")"
printf '%-44s %8s s  (identifying sources: %s s, reading: %s s)\n' "load from the snapshot" "$cachedMedian" "$(median "${identify[@]}")" "$(median "${readSnapshot[@]}")"
printf '%-44s %8s\n' "snapshot / sources" "$("$PYTHON" -c "print('%.3fx' % ($cachedMedian / $csvMedian))")"
printf '%-44s %8s\n' "content hash speed (GB/s)" "$("$PYTHON" -c "print('%.2f' % ($dataBytes / 1e9 / max(1e-9, $(median "${identify[@]}"))))")"

# watch_latency WORKSPACE INDICATOR PERIOD: seconds from an edit of INDICATOR to its new figures.
watch_latency() {
  "$PYTHON" - "$BIN" "$1" "$2" "$3" <<'PY'
import os, subprocess, sys, time, threading, signal, re, statistics
binary, workspace, indicator, period = sys.argv[1:5]
path = os.path.join(workspace, "indicators", indicator + ".lua")
original = open(path).read()
process = subprocess.Popen(
    [binary, "run", "--workspace", workspace, "--period", period, "--format", "csv", "--watch"],
    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
lines, errors = [], []
def pump(stream, into):
    for line in stream:
        into.append((time.monotonic(), line))
threading.Thread(target=pump, args=(process.stdout, lines), daemon=True).start()
threading.Thread(target=pump, args=(process.stderr, errors), daemon=True).start()
def wait(condition, timeout=120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition(): return True
        time.sleep(0.002)
    return False
if not wait(lambda: any("watching" in l for _, l in errors)):
    sys.exit("watch did not start: " + "".join(l for _, l in errors))
latencies, reruns = [], []
for attempt in range(5):
    marker = len(lines)
    before = len([l for _, l in errors if l.startswith("re-ran")])
    # Each edit changes the figures: the indicator's value times a new factor.
    factor = attempt + 2
    edited = re.sub(r"return ([^\n]*:sum\([^\n]*\))\n", lambda m: "return (%s) * %d\n" % (m.group(1), factor), original, count=1)
    if edited == original:
        sys.exit("cannot edit %s: no `return ...:sum(...)` line" % path)
    started = time.monotonic()
    with open(path + ".tmp", "w") as handle: handle.write(edited)
    os.replace(path + ".tmp", path)
    if not wait(lambda: len([l for _, l in errors if l.startswith("re-ran")]) > before):
        sys.exit("no re-run after the edit: " + "".join(l for _, l in errors[-5:]))
    output = [t for t, l in lines[marker:] if indicator in l]
    if output:
        latencies.append(output[-1] - started)
    reruns.append(float(re.search(r"re-ran in ([0-9.]+) s", [l for _, l in errors if l.startswith("re-ran")][-1]).group(1)))
    time.sleep(0.2)
with open(path, "w") as handle: handle.write(original)
process.send_signal(signal.SIGINT)
process.wait(timeout=60)
print("%.3f %.3f %.3f %d" % (statistics.median(latencies), max(latencies), statistics.median(reruns), process.returncode))
PY
}

MAVEN="$SCRATCH/maven"
copy_workspace "$ROOT/examples/maven-sales" "$MAVEN"
read -r mavenMedian mavenMax mavenRerun mavenExit < <(watch_latency "$MAVEN" won_revenue 2017-Q4)
read -r scaleMedian scaleMax scaleRerun scaleExit < <(watch_latency "$WS" revenue "$PERIOD")
echo
echo "run --watch: edit of one indicator -> its new figures on stdout (median / max of 5; re-run alone; exit status after Ctrl-C)"
printf '%-44s %6s s / %6s s  (re-run %s s; exit %s)\n' "examples/maven-sales (won_revenue, 2017-Q4)" "$mavenMedian" "$mavenMax" "$mavenRerun" "$mavenExit"
printf '%-44s %6s s / %6s s  (re-run %s s; exit %s)\n' "$(basename "$SOURCE") (revenue, $PERIOD)" "$scaleMedian" "$scaleMax" "$scaleRerun" "$scaleExit"
