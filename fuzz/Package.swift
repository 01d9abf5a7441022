// swift-tools-version: 6.1
// Fuzz harnesses live in their own package, like the benchmarks, so the main build stays lean.
// Each executable exports `LLVMFuzzerTestOneInput`; build them with
// `swift build --sanitize=fuzzer --sanitize=address` (scripts/fuzz.sh does), which links
// libFuzzer's `main`. See docs/fuzzing.md.
import PackageDescription

let package = Package(
    name: "YardstickFuzz",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "csv-fuzzer", targets: ["CSVFuzzer"]),
        .executable(name: "workspace-fuzzer", targets: ["WorkspaceFuzzer"]),
        .executable(name: "lua-fuzzer", targets: ["LuaFuzzer"]),
    ],
    dependencies: [.package(name: "Yardstick", path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        .executableTarget(
            name: "CSVFuzzer",
            dependencies: ["FuzzSupport", .product(name: "YardstickData", package: "Yardstick")],
            path: "Sources/CSVFuzzer",
            // libFuzzer provides `main`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "WorkspaceFuzzer",
            dependencies: ["FuzzSupport", .product(name: "YardstickData", package: "Yardstick")],
            path: "Sources/WorkspaceFuzzer",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "LuaFuzzer",
            dependencies: ["FuzzSupport", .product(name: "Yardstick", package: "Yardstick")],
            path: "Sources/LuaFuzzer",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
