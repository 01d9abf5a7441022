// A workspace loaded from PostgreSQL, with the release build.
//
//   postgres-load-benchmark WORKSPACE [RUNS]      # RUNS defaults to 3
//
// WORKSPACE's yardstick.toml must map its entities to tables of a `postgres` source (the
// script benchmarks/run-postgres-benchmark.sh writes one and loads the tables); the password
// comes from the variable its `password_env` names. Loads the workspace RUNS times through
// DataLoader with PostgresSourceOpener, and prints one line per run and a summary line with the
// best time, the rows and columns read per entity (from PostgresLoadStatistics).
import Foundation
import YardstickData
import YardstickPostgres

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: postgres-load-benchmark WORKSPACE [RUNS]\n".utf8))
    exit(2)
}
let directory = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now()
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

let workspace = try Workspace.open(directory: directory)
var best = Double.infinity
var lastStatistics = PostgresLoadStatistics()
var rows = 0
for run in 1...runs {
    let statistics = PostgresLoadStatistics()
    var report = LoadReport()
    let elapsed = try seconds {
        let opener = PostgresSourceOpener(workspace: workspace, statistics: statistics)
        let loaded = try DataLoader(workspace: workspace, opener: opener).load()
        report = loaded.1
        rows = loaded.0.tables.values.reduce(0) { $0 + $1.rowCount }
    }
    if report.hasProblems {
        FileHandle.standardError.write(Data("load problems: \(report.rejectedProblems.prefix(5))\n".utf8))
        for (entity, entry) in report.entities where !entry.fileErrors.isEmpty {
            FileHandle.standardError.write(Data("\(entity): \(entry.fileErrors)\n".utf8))
        }
    }
    print(String(format: "run %d: %.3f s, %d rows", run, elapsed, rows))
    best = min(best, elapsed)
    lastStatistics = statistics
}
// One line per table: a big table is read in ranges on several connections.
let bySource = Dictionary(grouping: lastStatistics.reads, by: \.source)
for source in bySource.keys.sorted() {
    let reads = bySource[source] ?? []
    let rows = reads.reduce(0) { $0 + $1.rows }
    let batches = reads.reduce(0) { $0 + $1.batches }
    let ranges = reads.count > 1 ? ", \(reads.count) ranges of pages" : ""
    let transfers = Set(reads.map(\.transfer.rawValue)).sorted().joined(separator: "+")
    print(
        "  \(source): \(rows) rows, \(reads.first?.columns.count ?? 0) columns, \(batches) batches\(ranges),"
            + " \(transfers)")
}
print(String(format: "yardstick-postgres best %.3f s for %d rows (%d runs)", best, rows, runs))
