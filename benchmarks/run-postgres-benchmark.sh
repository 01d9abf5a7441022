#!/usr/bin/env bash
# Load speed from PostgreSQL: the benchmark workspace's tables in a local server (started by
# scripts/postgres-test.sh, removed afterwards), loaded by Yardstick's PostgreSQL source
# (release build) next to `COPY … TO STDOUT` of the same tables by psql into /dev/null.
#
#   benchmarks/run-postgres-benchmark.sh [SCALE]     # SCALE defaults to 1 (1M opportunities,
#                                                    # 5M activities, …)
#
# Environment knobs:
#   RUNS=3          runs of each
#   WORKSPACE=DIR   an already generated workspace to use instead of benchmarks/out/scale-SCALE
#   SKIP_BUILD=1    use the existing benchmarks/.build/release/postgres-load-benchmark
#   PYTHON=python3  interpreter for the generator and the schema
set -euo pipefail

SCALE="${1:-1}"
RUNS="${RUNS:-3}"
PYTHON="${PYTHON:-python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$HERE/.build/release/postgres-load-benchmark"
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=workspace.sh
source "$HERE/workspace.sh"

if [[ -z "${INSIDE_POSTGRES:-}" ]]; then
  ws="${WORKSPACE:-$(workspace_dir "$SCALE" short)}"
  [[ -n "${WORKSPACE:-}" ]] || ensure_workspace "$ws" "$SCALE" short || true
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building: swift build -c release --package-path benchmarks --product postgres-load-benchmark"
    swift build -c release --package-path "$HERE" --product postgres-load-benchmark >&2
  fi
  INSIDE_POSTGRES=1 WORKSPACE="$ws" exec "$HERE/../scripts/postgres-test.sh" -- "$0" "$SCALE"
fi

# Inside the server's lifetime: PG* and YARDSTICK_POSTGRES_* are set.
ws="$WORKSPACE"
tables="teams users accounts opportunities activities cases surveys quotas"
log "loading $ws/data into PostgreSQL"
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$PYTHON" "$HERE/postgres_schema.py" "$ws/data" $tables | psql -q -v ON_ERROR_STOP=1 -d crm >/dev/null
log "loaded in $(echo "$(date +%s.%N) - $start" | bc) s"

pgws="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-pg-bench.XXXXXX")"
trap 'rm -rf "$pgws"' EXIT
sed -e 's|^kind = "folder"|kind = "postgres"|' \
  -e "s|^path = \"data\"|url = \"$YARDSTICK_POSTGRES_URL\"\npassword_env = \"YARDSTICK_POSTGRES_PASSWORD\"|" \
  -e '/^encoding = /d' -e 's|^file = "\([a-z_]*\)\.csv"|table = "\1"|' "$ws/yardstick.toml" >"$pgws/yardstick.toml"

echo "== COPY … TO STDOUT (psql > /dev/null), all $tables"
best_copy=""
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  for t in $tables; do psql -q -d crm -c "COPY \"$t\" TO STDOUT" >/dev/null; done
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  printf 'run %d: %.3f s\n' "$run" "$elapsed"
  if [[ -z "$best_copy" ]] || (($(echo "$elapsed < $best_copy" | bc))); then best_copy=$elapsed; fi
done
printf 'copy best %.3f s\n' "$best_copy"

echo "== yardstick load from PostgreSQL (release)"
"$BIN" "$pgws" "$RUNS" | tee "$pgws/out.txt"
best_yardstick=$(sed -n 's/^yardstick-postgres best \([0-9.]*\) s.*/\1/p' "$pgws/out.txt")
printf 'ratio yardstick / COPY: %.2f (target <= 2)\n' "$(echo "$best_yardstick / $best_copy" | bc -l)"
