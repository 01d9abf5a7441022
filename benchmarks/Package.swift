// swift-tools-version: 6.1
// Benchmarks live in their own package so the main build and test suite stay lean.
import PackageDescription

let package = Package(
    name: "YardstickBenchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "load-benchmark", targets: ["LoadBenchmark"]),
        .executable(name: "eval-benchmark", targets: ["EvalBenchmark"]),
        .executable(name: "sqlite-load-benchmark", targets: ["SQLiteLoadBenchmark"]),
        .executable(name: "postgres-load-benchmark", targets: ["PostgresLoadBenchmark"]),
        .executable(name: "packs-benchmark", targets: ["PacksBenchmark"]),
    ],
    dependencies: [
        .package(name: "Yardstick", path: ".."), .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
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
        .executableTarget(
            name: "SQLiteLoadBenchmark",
            dependencies: [
                .product(name: "YardstickData", package: "Yardstick"),
                .product(name: "YardstickSQLite", package: "Yardstick"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/SQLiteLoadBenchmark"),
        .executableTarget(
            name: "PostgresLoadBenchmark",
            dependencies: [
                .product(name: "YardstickData", package: "Yardstick"),
                .product(name: "YardstickPostgres", package: "Yardstick"),
            ],
            path: "Sources/PostgresLoadBenchmark"),
        .executableTarget(
            name: "PacksBenchmark",
            dependencies: [.product(name: "Yardstick", package: "Yardstick")],
            path: "Sources/PacksBenchmark"),
    ]
)
