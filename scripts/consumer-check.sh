#!/usr/bin/env bash
# Proves Yardstick can be used as a dependency *by version*: clones this checkout (committed
# state, HEAD) into a temporary folder, tags the clone, and builds a tiny consumer package that
# depends on it with `from:` and calls each library product. SwiftPM refuses packages that use
# `unsafeFlags` when they are depended on by version, so this fails the moment one creeps back
# into Package.swift. Cleans up after itself. Usage: scripts/consumer-check.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

git clone --quiet --no-hardlinks "$repo" "$work/yardstick"
git -C "$work/yardstick" -c user.name=consumer-check -c user.email=consumer-check@localhost \
  tag -a 99.0.0 -m "consumer check" HEAD

mkdir -p "$work/consumer/Sources/Consumer"
cat >"$work/consumer/Package.swift" <<MANIFEST
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [.package(url: "file://$work/yardstick", from: "99.0.0")],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [
                .product(name: "Yardstick", package: "yardstick"),
                .product(name: "LuaRuntime", package: "yardstick"),
            ])
    ]
)
MANIFEST
cat >"$work/consumer/Sources/Consumer/main.swift" <<'SWIFT'
import LuaRuntime
import YardstickData
import YardstickEngine

// One call into each library product, so the link is real.
let period = try Period.parse("2026-10", calendar: CalendarSettings())
let vm = try LuaVM()
print("entities: \(CRMVocabulary.entities.count), period: \(period.label), lua: \(type(of: vm))")
SWIFT

echo "consumer-check: building a package that depends on Yardstick 99.0.0 (a tag on a clone of HEAD)"
if ! swift build --package-path "$work/consumer" 2>&1 | tail -n 20; then
  echo "consumer-check: FAILED: a package depending on Yardstick by version does not build" >&2
  exit 1
fi
"$work/consumer/.build/debug/Consumer"
echo "consumer-check: ok"
