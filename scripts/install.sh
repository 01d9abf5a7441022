#!/usr/bin/env bash
# Builds yardstick and puts it on the PATH: a symbolic link PREFIX/bin/yardstick to the built
# binary in this checkout, so that a rebuild updates it and the shipped packs (plugins/) are
# still found (the binary resolves the link and finds plugins/ next to Package.swift; see
# docs/packs.md). PREFIX is $YARDSTICK_PREFIX when set, else the first of ~/.local and
# /usr/local whose bin/ is writable and on the PATH, else ~/.local (and the line to add it to
# the PATH is printed). Usage: scripts/install.sh [--debug] (a debug build; release by default).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release
if [ "${1:-}" = "--debug" ]; then configuration=debug; fi
swift build -c "$configuration" --product yardstick
binary="$(swift build -c "$configuration" --show-bin-path)/yardstick"
on_path() { case ":$PATH:" in *":$1:"*) return 0 ;; *) return 1 ;; esac; }
prefix="${YARDSTICK_PREFIX:-}"
if [ -z "$prefix" ]; then
  for candidate in "$HOME/.local" /usr/local; do
    if on_path "$candidate/bin" && { [ -w "$candidate/bin" ] || { [ ! -e "$candidate/bin" ] && [ -w "$candidate" ]; }; }; then
      prefix="$candidate"
      break
    fi
  done
  prefix="${prefix:-$HOME/.local}"
fi
mkdir -p "$prefix/bin"
ln -sfn "$binary" "$prefix/bin/yardstick"
echo "installed: $prefix/bin/yardstick -> $binary"
if on_path "$prefix/bin"; then
  echo "yardstick is on the PATH: try 'yardstick --help'"
else
  echo "note: $prefix/bin is not on the PATH; add it (e.g. in ~/.profile):"
  echo "  export PATH=\"$prefix/bin:\$PATH\""
  echo "or run the binary as $prefix/bin/yardstick"
fi
