#!/usr/bin/env bash
# The README's second command, and what CI runs: installs what is missing, checks formatting,
# runs the whole test suite, then a consumer-package build and a fuzz smoke pass.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! swift format --version >/dev/null 2>&1; then
  echo "error: 'swift format' is missing (it ships with the Swift 6 toolchain); cannot lint" >&2
  exit 1
fi
swift format lint --strict --recursive Sources Tests benchmarks/Sources fuzz/Sources
# luacheck (Debian's lua-check) over the prelude, its Lua tests and the examples (.luacheckrc).
if command -v luacheck >/dev/null 2>&1; then
  luacheck --quiet Sources/YardstickEngine/Prelude Tests/Prelude examples
else
  echo "note: luacheck is not installed (apt-get install lua-check); skipping the Lua lint" >&2
fi
swift test 2>&1 | tee /tmp/yardstick-test.log | grep -vE "^(◇|↳)|^✔ Test [a-zA-Z]" || true
summary="$(grep -E "^(✔|✘) Test run with [0-9]+ tests?" /tmp/yardstick-test.log | tail -n 1 || true)"
if ! grep -qE "^✔ Test run with [0-9]+ tests? .*passed" /tmp/yardstick-test.log; then
  tail -n 3 /tmp/yardstick-test.log
  exit 1
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
# The test runner's closing line, last, for whoever reads the end of the log.
echo "$summary"
