#!/usr/bin/env bash
# The workbooks of `--format xlsx` read back by programs that are not ours: the run's and the
# score's workbooks of examples/maven-sales against their CSVs, with openpyxl (installed with pip
# when missing) and with LibreOffice headless (Debian's libreoffice-calc-nogui, installed when
# missing: about 3 minutes and 190 MB once; YARDSTICK_SKIP_LIBREOFFICE=1 skips it). Called by
# scripts/test.sh after the suite, with the debug build of `yardstick`.
set -euo pipefail
cd "$(dirname "$0")/.."
yardstick="${YARDSTICK_BIN:-.build/debug/yardstick}"
if ! command -v python3 >/dev/null 2>&1; then
  echo "note: python3 is missing; skipping the xlsx read-back" >&2
  exit 0
fi
if ! python3 -c "import openpyxl" 2>/dev/null; then
  python3 -m pip install --user --quiet openpyxl 2>/dev/null \
    || python3 -m pip install --user --quiet --break-system-packages openpyxl 2>/dev/null || true
fi
if ! python3 -c "import openpyxl" 2>/dev/null; then
  echo "error: openpyxl cannot be installed (pip install --user openpyxl); the xlsx read-back needs it" >&2
  exit 1
fi
libreoffice=""
if [ "${YARDSTICK_SKIP_LIBREOFFICE:-0}" != 1 ]; then
  if ! command -v soffice >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "Installing libreoffice-calc-nogui for the xlsx read-back…"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
      libreoffice-calc-nogui >/dev/null 2>&1 || true
  fi
  if command -v soffice >/dev/null 2>&1; then
    libreoffice="--libreoffice"
  else
    echo "note: LibreOffice could not be installed; the workbooks are read back with openpyxl only" >&2
  fi
fi
out="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-xlsx.XXXXXX")"
trap 'rm -rf "$out"' EXIT
workspace=examples/maven-sales
"$yardstick" run --workspace "$workspace" --period 2017-Q4 --per user,team,company --format xlsx --out "$out/run.xlsx"
"$yardstick" run --workspace "$workspace" --period 2017-Q4 --per user,team,company --format csv --out "$out/run.csv"
"$yardstick" score --workspace "$workspace" --period 2017-Q4 --as-of 2018-01-15 --format xlsx --out "$out/score.xlsx"
"$yardstick" score --workspace "$workspace" --period 2017-Q4 --as-of 2018-01-15 --format csv --out "$out/score.csv"
"$yardstick" alerts --workspace "$workspace" --period 2017-10 --as-of 2017-10-20 --format xlsx --out "$out/alerts.xlsx"
"$yardstick" alerts --workspace "$workspace" --period 2017-10 --as-of 2017-10-20 --format csv --out "$out/alerts.csv"
python3 scripts/xlsx-check.py "$out/run.xlsx" "$out/run.csv" $libreoffice
python3 scripts/xlsx-check.py "$out/score.xlsx" "$out/score.csv" $libreoffice
python3 scripts/xlsx-check.py "$out/alerts.xlsx" "$out/alerts.csv" --sheet=Alerts $libreoffice
