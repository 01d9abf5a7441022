#!/usr/bin/env bash
# The README's second command, and what CI runs: installs what is missing, checks formatting,
# runs the whole test suite, then the strict DocC build, a consumer-package build and a fuzz
# smoke pass.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! swift format --version >/dev/null 2>&1; then
  echo "error: 'swift format' is missing (it ships with the Swift 6 toolchain); cannot lint" >&2
  exit 1
fi
swift format lint --strict --recursive Sources Tests benchmarks/Sources fuzz/Sources
# luacheck (Debian's lua-check) over the preludes, their Lua tests and the examples (.luacheckrc).
if command -v luacheck >/dev/null 2>&1; then
  luacheck --quiet Sources/YardstickEngine/Prelude Sources/YardstickScorecard/ModelPrelude Tests/Prelude examples plugins
else
  echo "note: luacheck is not installed (apt-get install lua-check); skipping the Lua lint" >&2
fi
# The CDNOW example's expected values (examples/cdnow/expected), computed again with lifetimes and
# DuckDB: test dependencies, installed with pip when missing; skipped when they cannot be had.
# (The Swift suite compares yardstick with the committed files either way.)
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import lifetimes, duckdb" 2>/dev/null; then
    python3 -m pip install --user --quiet lifetimes duckdb 2>/dev/null \
      || python3 -m pip install --user --quiet --break-system-packages lifetimes duckdb 2>/dev/null || true
  fi
  if python3 -c "import lifetimes, duckdb" 2>/dev/null; then
    python3 examples/cdnow/crosscheck.py --check
  else
    echo "note: python3 lacks lifetimes or duckdb (pip install --user lifetimes duckdb); skipping the CDNOW cross-check" >&2
  fi
fi
# The suite runs in a temporary directory of its own, which must be as empty afterwards as
# before: every test folder removes itself (Tests/YardstickTestSupport). Only what `swift test`
# itself leaves there is allowed: its lock files and the empty `TemporaryDirectory.*` folders of
# its own atomic writes (they appear with a run that executes no test at all).
# The build comes first, outside that directory: SwiftPM keeps generated sources (the prelude's
# embedded .lua files) under $TMPDIR/swift-generated-sources, which is the build's, not a test's.
swift build --build-tests
test_tmp="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-suite.XXXXXX")"
log="$(mktemp "${TMPDIR:-/tmp}/yardstick-test.XXXXXX")"
trap 'rm -rf "$test_tmp" "$log"' EXIT
TMPDIR="$test_tmp" swift test 2>&1 | tee "$log" | grep -vE "^(◇|↳)|^✔ Test [a-zA-Z]" || true
summary="$(grep -aE "^(✔|✘) Test run with [0-9]+ tests?" "$log" | tail -n 1 || true)"
if ! grep -aqE "^✔ Test run with [0-9]+ tests? .*passed" "$log"; then
  tail -n 3 "$log"
  exit 1
fi
# The PostgreSQL source against a real server: Debian's postgresql (installed when missing) on
# loopback in a temporary folder, loaded with the Maven example, stopped on exit
# (scripts/postgres-test.sh). YARDSTICK_SKIP_POSTGRES=1 skips it.
if [ "${YARDSTICK_SKIP_POSTGRES:-0}" != 1 ]; then
  scripts/postgres-test.sh
fi
# The shipped packs (plugins/): manifests, sandbox loads, vocabulary and titles, then their
# fixtures against the expected values (docs/packs.md), and those values recomputed in Python.
swift run --skip-build yardstick plugins check plugins
swift run --skip-build yardstick plugins test plugins
# The install step of the quick start: yardstick linked into a bin/ folder on the PATH runs the
# README's commands from elsewhere and finds the shipped packs (scripts/install-check.sh).
scripts/install-check.sh
if command -v python3 >/dev/null 2>&1; then
  for script in plugins/*/tests/expected_values.py; do python3 "$script"; done
fi
# The customer-value pack on CDNOW against lifetimes, customer by customer (issue 11 item 8): the
# pack's counterpart of the CDNOW cross-check above, here because it runs the built binary.
if command -v python3 >/dev/null 2>&1 && python3 -c "import lifetimes, pandas" 2>/dev/null; then
  python3 plugins/customer-value/tests/lifetimes_crosscheck.py --yardstick "$(swift build --show-bin-path)/yardstick"
else
  echo "note: python3 lacks lifetimes (pip install --user lifetimes); skipping the customer-value CDNOW cross-check" >&2
fi
left="$(find "$test_tmp" -mindepth 1 -maxdepth 1 ! -name '*.lock' ! -name 'TemporaryDirectory.*' -printf '%f\n')"
if [ -n "$left" ]; then
  echo "error: the test suite left files in its temporary directory (use TemporaryDirectory):" >&2
  echo "$left" >&2
  exit 1
fi
# The xlsx workbooks read back with openpyxl and LibreOffice headless (scripts/xlsx-check.sh).
scripts/xlsx-check.sh
# The library modules' public API stays documented: DocC builds without a warning and every
# public symbol has a doc comment (decision 0011). YARDSTICK_SKIP_DOCS=1 skips it.
if [ "${YARDSTICK_SKIP_DOCS:-0}" != 1 ]; then
  scripts/docs.sh --strict
fi
# Yardstick must stay usable as a dependency by version (no unsafeFlags): a tiny consumer package
# builds against a tagged clone of HEAD. YARDSTICK_SKIP_CONSUMER=1 skips it.
if [ "${YARDSTICK_SKIP_CONSUMER:-0}" != 1 ]; then
  scripts/consumer-check.sh
fi
# A fuzz smoke pass: each libFuzzer harness 15 s from its seed corpus (docs/fuzzing.md). Its
# sanitizer build of fuzz/ costs a few minutes the first time. YARDSTICK_SKIP_FUZZ=1 skips it.
if [ "${YARDSTICK_SKIP_FUZZ:-0}" != 1 ]; then
  scripts/fuzz.sh --smoke
fi
# The HTML report rendered by headless Chromium (installed when missing) and checked against the
# CSV (scripts/html-check.sh; screenshots in .build/html-check/). YARDSTICK_SKIP_HTML=1 skips it.
if [ "${YARDSTICK_SKIP_HTML:-0}" != 1 ]; then
  scripts/html-check.sh
fi
# The test runner's closing line, last, for whoever reads the end of the log.
echo "$summary"
