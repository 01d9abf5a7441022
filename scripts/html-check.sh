#!/usr/bin/env bash
# The HTML report, checked in a real browser: renders `yardstick score --format html` on
# examples/maven-sales with headless Chromium (Debian's chromium package, installed when
# missing), then scripts/html_dom_check.py asserts on the rendered DOM against the CSV output
# of the same scoring (leaderboard rows, totals, grades and ranks; one card per subject; no
# URL that leaves the page; the optional script ran). Two renderings: the coarse model in
# English (bars) and the fine model in Simplified Chinese (radar). Screenshots for review are
# left in .build/html-check/ (or $YARDSTICK_HTML_OUT). Called by scripts/test.sh;
# YARDSTICK_SKIP_HTML=1 skips it there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium, and a font with Chinese glyphs for the screenshots (the page names none: it asks
# for the system's sans-serif, which has no Chinese glyphs on a bare Debian).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "html-check: installing ${missing[*]} (Debian's packages)…" >&2
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "html-check: installed in $(( $(date +%s) - start )) s" >&2
fi

swift build --product yardstick >/dev/null
yardstick="$(swift build --show-bin-path)/yardstick"
out="${YARDSTICK_HTML_OUT:-.build/html-check}"
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-html.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A copy of the example whose workspace locale is Simplified Chinese.
cp -R examples/maven-sales "$work/maven-zh"
sed -i 's/^locale = "en"/locale = "zh-CN"/' "$work/maven-zh/yardstick.toml"
grep -q '^locale = "zh-CN"' "$work/maven-zh/yardstick.toml"

render() { # name workspace model locale
  local name="$1" workspace="$2" model="$3" locale="$4"
  "$yardstick" score --workspace "$workspace" --model "$model" --period 2017-Q4 --as-of 2018-01-15 \
    --format html --out "$out/$name.html"
  "$yardstick" score --workspace "$workspace" --model "$model" --period 2017-Q4 --as-of 2018-01-15 \
    --format csv --out "$work/$name.csv"
  local url="file://$(realpath "$out/$name.html")"
  # --no-sandbox: the check runs as root in CI. The DOM is dumped after the inline script ran.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --dump-dom "$url" \
    >"$out/$name.dom.html" 2>"$work/$name.dump.log"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$out/$name.png" "$url" >/dev/null 2>"$work/$name.shot.log"
  python3 scripts/html_dom_check.py --dom "$out/$name.dom.html" --csv "$work/$name.csv" \
    --screenshot "$out/$name.png" --locale "$locale"
}

render maven-sales-en examples/maven-sales maven-sales en
render sales-fine-zh "$work/maven-zh" sales-fine zh-CN

# The run's page: one table per period and grain.
"$yardstick" run --workspace examples/maven-sales --period 2017-Q4 --format html --out "$out/run.html"
chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$(realpath "$out/run.html")" \
  >"$out/run.dom.html" 2>/dev/null
python3 scripts/html_dom_check.py --dom "$out/run.dom.html" --run
echo "html-check: ok; screenshots in $out/maven-sales-en.png and $out/sales-fine-zh.png"
