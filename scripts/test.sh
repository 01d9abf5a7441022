#!/usr/bin/env bash
# The README's second command, and what CI runs: installs what is missing, checks formatting,
# and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if swift format --version >/dev/null 2>&1; then
  swift format lint --strict --recursive Sources Tests benchmarks/Sources
fi
swift test 2>&1 | tee /tmp/yardstick-test.log | grep -vE "^(◇|↳)|^✔ Test [a-zA-Z]" || true
tail -n 3 /tmp/yardstick-test.log
grep -qE "^✔ Test run with [0-9]+ tests? .*passed" /tmp/yardstick-test.log
# A fuzz smoke pass: each libFuzzer harness 15 s from its seed corpus (docs/fuzzing.md). Its
# sanitizer build of fuzz/ costs a few minutes the first time. YARDSTICK_SKIP_FUZZ=1 skips it.
if [ "${YARDSTICK_SKIP_FUZZ:-0}" != 1 ]; then
  scripts/fuzz.sh --smoke
fi
