#!/usr/bin/env bash
# Installs what Yardstick needs from Debian's packages when it is missing:
# Lua 5.4 headers and library (liblua5.4-dev) and pkg-config, which SwiftPM uses to find them,
# luacheck (lua-check), which scripts/test.sh runs over the Lua files, zlib (zlib1g-dev), which
# ZIPFoundation compresses the xlsx workbooks with, and SQLite 3 headers and library
# (libsqlite3-dev) for GRDB, through which YardstickSQLite reads databases.
set -euo pipefail
missing=()
for package in liblua5.4-dev pkg-config lua-check zlib1g-dev libsqlite3-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
