// swift-tools-version: 6.1
// Benchmarks live in their own package so the main build and test suite stay lean.
import PackageDescription

let package = Package(
    name: "YardstickBenchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "load-benchmark", targets: ["LoadBenchmark"]),
        .executable(name: "eval-benchmark", targets: ["EvalBenchmark"]),
    ],
    dependencies: [.package(name: "Yardstick", path: "..")],
    targets: [
        .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
        .executableTarget(
            name: "LoadBenchmark",
            dependencies: ["BenchmarkSupport", .product(name: "YardstickData", package: "Yardstick")],
            path: "Sources/LoadBenchmark"),
        .executableTarget(
            name: "EvalBenchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Yardstick", package: "Yardstick")],
            path: "Sources/EvalBenchmark"),
    ]
)
