# Sourced by the run-*-benchmark.sh scripts: the generated benchmark workspace they share.
#
# ensure_workspace WS SCALE [IDS]
#   Generates the workspace of scale SCALE (and id profile IDS, default short) into WS
#   (benchmarks/generate_workspace.py) unless every data file and yardstick.toml is already
#   there. Needs $PYTHON, $HERE and log().
#   Returns 0 when the workspace was already complete, 1 when it was generated now.
ensure_workspace() {
  local ws="$1" scale="$2" ids="${3:-short}" complete=1 t
  for t in teams users accounts opportunities activities cases surveys quotas contacts products campaigns leads \
    campaign_members orders order_lines payments calls subscriptions incidents; do
    [[ -s "$ws/data/$t.csv" ]] || complete=0
  done
  [[ -s "$ws/yardstick.toml" && -s "$ws/packs/yardstick.toml" ]] || complete=0
  if [[ $complete -eq 0 ]]; then
    log "generating workspace (scale $scale, $ids ids) into $ws"
    # Called as a condition, so `set -e` does not apply here: a failed generation exits.
    "$PYTHON" "$HERE/generate_workspace.py" --scale "$scale" --ids "$ids" --out "$ws" || {
      log "error: generating the workspace failed"
      exit 2
    }
    return 1
  fi
  log "using existing workspace $ws"
  return 0
}

# workspace_dir SCALE IDS
#   The folder of a generated workspace: benchmarks/out/scale-SCALE for the default short ids
#   (the workspace every benchmark shares), benchmarks/out/scale-SCALE-IDS for another profile.
workspace_dir() {
  if [[ "$2" == short ]]; then
    printf '%s\n' "$HERE/out/scale-$1"
  else
    printf '%s\n' "$HERE/out/scale-$1-$2"
  fi
}
