#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ (with the address sanitizer) and runs each one over
# its committed seed corpus, failing on any crash, hang, leak or broken invariant.
#
#   scripts/fuzz.sh [SECONDS] [HARNESS…]   each harness for SECONDS (default 600)
#   scripts/fuzz.sh --smoke                 the CI pass: 15 s per harness from the seeds only
#
# Harnesses: csv, workspace, lua (default: all). What each checks: docs/fuzzing.md.
# Found inputs are kept in fuzz/out/corpus/HARNESS (reused by the next run), crashes in
# fuzz/out/ as crash-…, leak-…, timeout-… files; logs in fuzz/out/HARNESS.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

smoke=false
seconds=600
if [ "${1:-}" = "--smoke" ]; then
  smoke=true
  seconds=15
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(csv workspace lua)

scripts/setup.sh
# libFuzzer ships with the Swift toolchain's clang runtime; it is not a Debian package.
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
if ! ls "$swift_bin"/../lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
  echo "fuzz: this Swift toolchain has no libFuzzer runtime (libclang_rt.fuzzer); skipping" >&2
  exit 1
fi

out="$root/fuzz/out"
mkdir -p "$out"
started=$(date +%s)
# SwiftPM passes `--sanitize` to swiftc as separate `-sanitize=fuzzer` and `-sanitize=address`
# flags, in an order that changes from run to run, and swiftc keeps only the last one: a build
# had either no coverage in its Swift code (a few hundred coverage points; fuzzing nearly blind)
# or no AddressSanitizer there. `-Xswiftc -sanitize=fuzzer,address` comes after both and asks
# for the two at once. The `--sanitize` flags still instrument the C and C++ (CLuaShim, TOMLKit)
# and link libFuzzer. Build all products at once: a `--product` build leaves the main package's
# modules uninstrumented.
if ! swift build --package-path fuzz --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
  >"$out/build.log" 2>&1; then
  echo "fuzz: the build failed:" >&2
  grep -vE "Cannot export local symbol" "$out/build.log" | grep -E "error|warning: unre" -A3 | head -n 40 >&2
  exit 1
fi
echo "fuzz: build took $(($(date +%s) - started)) s"

export SWIFT_BACKTRACE=enable=no  # libFuzzer and ASan report crashes; Swift's backtracer confuses ASan
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"
status=0
for harness in "${harnesses[@]}"; do
  # min_cov: below it a run fails. Seeds alone reach about 5,000 on each harness; a build whose
  # Swift code lacks coverage instrumentation reaches a few hundred and fuzzes almost nothing.
  min_cov=2000
  case $harness in
    csv | workspace) max_len=8192 ;;
    lua) max_len=512 ;;
    *) echo "fuzz: no harness $harness (csv, workspace, lua)" >&2; exit 2 ;;
  esac
  if $smoke; then
    corpus="$out/smoke/$harness"
    rm -rf "$corpus"
  else
    corpus="$out/corpus/$harness"
  fi
  mkdir -p "$corpus"
  log="$out/$harness.log"
  echo "fuzz: $harness for $seconds s (log: ${log#"$root"/})"
  set +e
  nice "fuzz/.build/debug/$harness-fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -max_len=$max_len -print_final_stats=1 -artifact_prefix="$out/" "$corpus" "fuzz/corpus/$harness" \
    >"$log" 2>&1
  code=$?
  set -e
  grep -E "^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" \
    | sed "s/^/  /" || true
  if [ $code -ne 0 ]; then
    echo "fuzz: $harness FAILED (exit $code); the end of its log:" >&2
    grep -vE "Cannot export local symbol" "$log" | tail -n 40 >&2
    status=1
  else
    cov="$(grep -oE "DONE +cov: [0-9]+" "$log" | grep -oE "[0-9]+$" | tail -n 1 || true)"
    if [ -z "$cov" ] || [ "$cov" -lt "$min_cov" ]; then
      echo "fuzz: $harness reached only ${cov:-no} coverage (about 5,000 expected): its Swift code" \
        "is not instrumented (see docs/fuzzing.md)" >&2
      status=1
    fi
  fi
done
exit $status
