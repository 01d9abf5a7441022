// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Yardstick",
    platforms: [.macOS(.v14)],
    products: [
        .library(
            name: "Yardstick",
            targets: [
                "YardstickData", "YardstickQuery", "YardstickEngine", "YardstickScoring", "YardstickScorecard",
                "YardstickPacks", "YardstickLocalization",
            ]),
        .library(name: "YardstickData", targets: ["YardstickData"]),
        .library(name: "LuaRuntime", targets: ["LuaRuntime"]),
        .library(name: "YardstickXLSX", targets: ["YardstickXLSX"]),
        .library(name: "YardstickSQLite", targets: ["YardstickSQLite"]),
        .library(name: "YardstickPostgres", targets: ["YardstickPostgres"]),
        .executable(name: "yardstick", targets: ["YardstickCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already built for postgres-nio; YardstickPostgres's own COPY connection uses its MD5,
        // SHA-256 and HMAC for password authentication.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Debian's Lua 5.4 (headers and library only), found through pkg-config.
        .systemLibrary(
            name: "CLua",
            path: "Sources/CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The only C of our own: what a safe Swift host needs around Lua. Swift sees only its
        // public header (include/yardstick_lua.h); everything else is internal to its .c files.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        // The only Swift module that imports CLuaShim; knows nothing of CRM data.
        .target(name: "LuaRuntime", dependencies: ["CLuaShim", "YardstickLocalization"]),
        // English and Simplified Chinese messages: the language choice and the message catalog
        // (English source strings as keys); every module that writes messages uses it.
        .target(name: "YardstickLocalization"),
        // CRM vocabulary, workspace file, CSV/JSON loading, typed columnar tables, check.
        .target(
            name: "YardstickData",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit"), "YardstickLocalization"]
        ),
        // Columnar filters and aggregates over YardstickData tables (pure Swift).
        .target(
            name: "YardstickQuery",
            dependencies: ["YardstickData", "YardstickLocalization"]
        ),
        // Indicators, the Lua query API bindings, run and explain.
        // The prelude's Lua files are compiled in (PackageResources), never read at run time.
        .target(
            name: "YardstickEngine",
            dependencies: ["YardstickData", "YardstickQuery", "LuaRuntime", "YardstickLocalization"],
            resources: [.embedInCode("Prelude")]
        ),
        // Scorecard scoring: completion, scoring functions, the weighted tree, grades, ranks and
        // peer statistics (pure Swift, no Lua; the model file and `score` are built on it).
        .target(name: "YardstickScoring", dependencies: ["YardstickLocalization"]),
        // Scorecard models in a workspace: the model file, targets and quotas, scoring a run's
        // values per period with rollups, comparisons and alerts, and the score report.
        .target(
            name: "YardstickScorecard",
            dependencies: [
                "YardstickData", "YardstickQuery", "YardstickEngine", "YardstickScoring", "LuaRuntime",
                "YardstickLocalization",
            ],
            resources: [.embedInCode("ModelPrelude")]
        ),
        // Plugin packs: manifests, versions, search paths, resolution, parameters, the lock file,
        // and the pack tooling (check, test, new); hands the engine one indicator set per pack.
        .target(
            name: "YardstickPacks",
            dependencies: ["YardstickData", "YardstickQuery", "YardstickEngine", "YardstickLocalization"]),
        // Office Open XML workbooks (`--format xlsx`) of run and score reports, zipped with ZIPFoundation.
        .target(
            name: "YardstickXLSX",
            dependencies: [
                "YardstickEngine", "YardstickScorecard", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // SQLite sources (a table or a query per mapping) and the run history store, via GRDB;
        // the only module that links SQLite.
        .target(
            name: "YardstickSQLite",
            dependencies: [
                "YardstickData", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), "YardstickLocalization",
            ]
        ),
        // PostgreSQL sources (a table or a query per mapping, streamed as binary COPY on a
        // connection of its own or over postgres-nio with TLS, with columns and periods pushed
        // into the SQL); the only module that links postgres-nio.
        .target(
            name: "YardstickPostgres",
            dependencies: [
                "YardstickData", .product(name: "PostgresNIO", package: "postgres-nio"), "YardstickLocalization",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "YardstickCLI",
            dependencies: [
                "YardstickData", "YardstickQuery", "YardstickEngine", "YardstickScoring", "YardstickScorecard",
                "YardstickPacks", "LuaRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "YardstickXLSX", "YardstickSQLite", "YardstickPostgres", "YardstickLocalization",
            ]
        ),
        // What the test targets share (self-removing temporary folders, golden files); in no product.
        .target(name: "YardstickTestSupport", path: "Tests/YardstickTestSupport"),
        .testTarget(name: "LuaRuntimeTests", dependencies: ["LuaRuntime", "YardstickTestSupport"]),
        .testTarget(name: "YardstickDataTests", dependencies: ["YardstickData", "YardstickTestSupport"]),
        .testTarget(
            name: "YardstickQueryTests", dependencies: ["YardstickQuery", "YardstickData", "YardstickTestSupport"]),
        .testTarget(name: "YardstickEngineTests", dependencies: ["YardstickEngine", "YardstickTestSupport"]),
        .testTarget(name: "YardstickScoringTests", dependencies: ["YardstickScoring"]),
        .testTarget(
            name: "YardstickLocalizationTests", dependencies: ["YardstickLocalization", "YardstickTestSupport"]),
        .testTarget(
            name: "YardstickScorecardTests",
            dependencies: ["YardstickScorecard", "YardstickScoring", "YardstickEngine", "YardstickTestSupport"]),
        .testTarget(
            name: "YardstickCLITests",
            dependencies: [
                "YardstickCLI", "YardstickTestSupport", "YardstickData",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "YardstickXLSXTests",
            dependencies: [
                "YardstickXLSX", "YardstickEngine", "YardstickScorecard", "YardstickScoring", "YardstickTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "YardstickTestSupportTests", dependencies: ["YardstickTestSupport"]),
        .testTarget(
            name: "YardstickPacksTests",
            dependencies: ["YardstickPacks", "YardstickEngine", "YardstickData", "YardstickTestSupport"]),
        .testTarget(
            name: "YardstickSQLiteTests",
            dependencies: [
                "YardstickSQLite", "YardstickData", "YardstickEngine", "YardstickTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "YardstickPostgresTests",
            dependencies: [
                "YardstickPostgres", "YardstickData", "YardstickTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
    ]
)
