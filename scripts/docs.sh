#!/usr/bin/env bash
# Builds the DocC documentation of the library modules (YardstickData, YardstickQuery,
# YardstickEngine, YardstickScoring, YardstickScorecard, LuaRuntime, YardstickXLSX, YardstickPacks,
# YardstickSQLite) with the toolchain's own `docc`, without the
# swift-docc-plugin: symbol graphs from `swift package dump-symbol-graph` (public symbols of the
# debug build), then `docc convert` of each module's catalog (Sources/<Module>/<Module>.docc).
#
#   scripts/docs.sh            build the archives into .build/docs/<Module>.doccarchive, print
#                              each module's DocC warnings and its public symbols without a doc
#                              comment, and a summary; exit 1 only when docc fails
#   scripts/docs.sh --strict   exit 1 also on any warning or undocumented public symbol
#
# Preview an archive with `docc preview Sources/<Module>/<Module>.docc
# --additional-symbol-graph-dir .build/docs/symbol-graphs/<Module>`.
set -euo pipefail
cd "$(dirname "$0")/.."
strict=0
[ "${1:-}" = "--strict" ] && strict=1
modules=(YardstickData YardstickQuery YardstickEngine YardstickScoring YardstickScorecard LuaRuntime YardstickXLSX YardstickPacks YardstickSQLite YardstickPostgres)
docc="$(command -v docc || true)"
[ -z "$docc" ] && [ -x /opt/swift/usr/bin/docc ] && docc=/opt/swift/usr/bin/docc
if [ -z "$docc" ]; then
  echo "error: docc is missing (it ships with the Swift toolchain, next to swift)" >&2
  exit 1
fi
out=.build/docs
rm -rf "$out"
mkdir -p "$out/symbol-graphs"
echo "Extracting symbol graphs (swift package dump-symbol-graph)…"
swift package dump-symbol-graph --minimum-access-level public --skip-synthesized-members \
  >"$out/dump-symbol-graph.log" 2>&1 || { tail -n 20 "$out/dump-symbol-graph.log" >&2; exit 1; }
graphs="$(sed -n 's/^Files written to //p' "$out/dump-symbol-graph.log" | tail -n 1)"
[ -d "$graphs" ] || graphs="$(find .build -type d -name symbolgraph | head -n 1)"
total_warnings=0
total_undocumented=0
for module in "${modules[@]}"; do
  dir="$out/symbol-graphs/$module"
  mkdir -p "$dir"
  cp "$graphs/$module.symbols.json" "$dir/"
  # Extensions of other modules' types (LuaValue+…, QueryValue+…) are in Module@Other files.
  find "$graphs" -maxdepth 1 -name "$module@*.symbols.json" -exec cp {} "$dir/" \;
  log="$out/$module.docc.log"
  if ! "$docc" convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$dir" \
    --output-path "$out/$module.doccarchive" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.yardstick.$module" \
    --diagnostic-level warning >"$log" 2>&1; then
    cat "$log" >&2
    echo "error: docc convert failed for $module" >&2
    exit 1
  fi
  warnings="$(grep -c "warning:" "$log" || true)"
  # Each warning with the line that locates it (`--> file:line`).
  grep -A1 "^warning:" "$log" | grep -v "^--$" || true
  # Public symbols without a doc comment of their own. Members that implement a protocol
  # requirement (description, ==, hash(into:)…) inherit its documentation and are not listed.
  undocumented="$(python3 - "$dir/$module.symbols.json" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1]))
requirements = {r["source"] for r in graph.get("relationships", []) if r["kind"] in ("defaultImplementationOf", "requirementOf")}
for symbol in graph["symbols"]:
    if symbol.get("docComment") or symbol["identifier"]["precise"] in requirements:
        continue
    location = symbol.get("location", {})
    path = location.get("uri", "").split("/Sources/", 1)[-1]
    line = location.get("position", {}).get("line", 0) + 1
    print(f"Sources/{path}:{line}: {symbol['kind']['displayName'].lower()} {'.'.join(symbol['pathComponents'])}")
PY
)"
  count=0
  [ -n "$undocumented" ] && count="$(printf '%s\n' "$undocumented" | wc -l)"
  [ -n "$undocumented" ] && printf '%s\n' "$undocumented" | sed 's/$/ (no doc comment)/'
  echo "$module: $warnings DocC warnings, $count public symbols without a doc comment -> $out/$module.doccarchive"
  total_warnings=$((total_warnings + warnings))
  total_undocumented=$((total_undocumented + count))
done
echo "total: $total_warnings DocC warnings, $total_undocumented public symbols without a doc comment"
if [ "$strict" = 1 ] && [ $((total_warnings + total_undocumented)) -gt 0 ]; then
  exit 1
fi
