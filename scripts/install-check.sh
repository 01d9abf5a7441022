#!/usr/bin/env bash
# Checks scripts/install.sh the way a new user meets it: installs into a temporary prefix (a
# debug build, the one the suite has just built), then, from another folder and with only that
# prefix added to the PATH, runs the README's commands as written: `yardstick run …`, and
# `yardstick plugins list`, which must find the shipped packs through the link.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-install.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
YARDSTICK_PREFIX="$prefix" scripts/install.sh --debug >/dev/null
cd "$prefix"
export PATH="$prefix/bin:$PATH"
unset YARDSTICK_PLUGINS
[ "$(command -v yardstick)" = "$prefix/bin/yardstick" ] || { echo "error: yardstick is not the installed link" >&2; exit 1; }
yardstick run --workspace "$repo/examples/maven-sales" --period 2017-Q4 --format csv --no-cache >/dev/null
yardstick plugins list | grep -q "sales-core" || { echo "error: the installed yardstick does not find plugins/" >&2; exit 1; }
echo "install check: yardstick on the PATH runs the README's commands and finds the shipped packs"
