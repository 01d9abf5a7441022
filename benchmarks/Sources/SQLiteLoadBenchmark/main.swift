// The same table loaded from CSV and from SQLite, with the release build.
//
//   sqlite-load-benchmark [ROWS] [RUNS]      # ROWS defaults to 1000000, RUNS to 3
//
// Writes a workspace per shape into a temporary folder (users and ROWS opportunities, as
// `deals.csv` and as table `deals` of `crm.sqlite`), then loads each through DataLoader (CSV
// with the file opener, SQLite with SQLiteSourceOpener) RUNS times and prints the best time of
// each as one line per shape. Shapes: `typed` (INTEGER, REAL, TEXT columns, some NULLs),
// `text` (every column TEXT, as an import of a CSV would leave it), `query` (the typed table
// through a query that filters and computes a column).
import Foundation
import GRDB
import YardstickData
import YardstickSQLite

let arguments = CommandLine.arguments
let rows = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let users = 1000
let stages = ["won", "lost", "proposal", "negotiation"]

/// A deal's cells as text (CSV) and as typed values (SQLite).
func deal(_ index: Int) -> (csv: String, values: [(any DatabaseValueConvertible)?]) {
    let id = "D\(index)"
    let owner = "u\(index % users)"
    let stage = stages[index % stages.count]
    let amount = Double(index % 100_000) / 100 + 10
    let units = index % 37
    let created = String(format: "2024-%02d-%02d", index % 12 + 1, index % 28 + 1)
    let closed: String? =
        stage == "won" || stage == "lost" ? String(format: "2025-%02d-%02d", index % 12 + 1, index % 28 + 1) : nil
    let amountText = amount == amount.rounded() ? String(Int(amount)) : String(format: "%.2f", amount)
    let csv = "\(id),\(owner),\(stage),\(amountText),\(units),\(created),\(closed ?? "")"
    return (csv, [id, owner, stage, amount, Int64(units), created, closed])
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now()
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

let root = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-load-benchmark-\(getpid())").path
try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

// The data: CSV files and a database with a typed and an all-TEXT copy of the deals.
var csv = "id,owner,stage,amount,units,created_at,closed_at\n"
csv.reserveCapacity(rows * 56)
let queue = try DatabaseQueue(path: root + "/crm.sqlite")
let writing = try seconds {
    try queue.write { db in
        try db.execute(
            sql: """
                CREATE TABLE users (id TEXT, name TEXT);
                CREATE TABLE deals (id TEXT, owner TEXT, stage TEXT, amount REAL, units INTEGER, created_at TEXT, closed_at TEXT);
                CREATE TABLE deals_text (id TEXT, owner TEXT, stage TEXT, amount TEXT, units TEXT, created_at TEXT, closed_at TEXT);
                """)
        let user = try db.makeStatement(sql: "INSERT INTO users VALUES (?, ?)")
        for index in 0..<users { try user.execute(arguments: ["u\(index)", "User \(index)"]) }
        let typed = try db.makeStatement(sql: "INSERT INTO deals VALUES (?, ?, ?, ?, ?, ?, ?)")
        for index in 0..<rows {
            let (line, values) = deal(index)
            csv += line
            csv += "\n"
            try typed.execute(arguments: StatementArguments(values))
        }
        try db.execute(
            sql: """
                INSERT INTO deals_text SELECT id, owner, stage, CAST(printf('%.2f', amount) AS TEXT), CAST(units AS TEXT),
                  created_at, closed_at FROM deals
                """)
    }
}
try csv.write(toFile: root + "/data/deals.csv", atomically: false, encoding: .utf8)
var usersCSV = "id,name\n"
for index in 0..<users { usersCSV += "u\(index),User \(index)\n" }
try usersCSV.write(toFile: root + "/data/users.csv", atomically: false, encoding: .utf8)
let csvBytes = (try FileManager.default.attributesOfItem(atPath: root + "/data/deals.csv")[.size] as? Int) ?? 0
let dbBytes = (try FileManager.default.attributesOfItem(atPath: root + "/crm.sqlite")[.size] as? Int) ?? 0
print(
    "rows \(rows), deals.csv \(csvBytes / 1_000_000) MB, crm.sqlite \(dbBytes / 1_000_000) MB (both deal tables), written in \(String(format: "%.1f", writing)) s"
)

let fields = """
    [entities.opportunities.custom]
    units = { column = "units", type = "integer" }
    """
let shapes: [(name: String, toml: String)] = [
    ("csv", "[entities.users]\nfile = \"users.csv\"\n[entities.opportunities]\nfile = \"deals.csv\"\n" + fields),
    (
        "sqlite typed",
        "[sources.crm]\nkind = \"sqlite\"\npath = \"crm.sqlite\"\n[entities.users]\ntable = \"users\"\n"
            + "[entities.opportunities]\ntable = \"deals\"\n" + fields
    ),
    (
        "sqlite text",
        "[sources.crm]\nkind = \"sqlite\"\npath = \"crm.sqlite\"\n[entities.users]\ntable = \"users\"\n"
            + "[entities.opportunities]\ntable = \"deals_text\"\n" + fields
    ),
    (
        "sqlite query",
        "[sources.crm]\nkind = \"sqlite\"\npath = \"crm.sqlite\"\n[entities.users]\ntable = \"users\"\n"
            + "[entities.opportunities]\nquery = \"SELECT id, owner, stage, round(amount * 1.1, 2) AS amount, units, "
            + "created_at, closed_at FROM deals WHERE stage <> 'proposal'\"\n" + fields
    ),
]

// SQLite alone: every cell of the typed table read once (sqlite3_column_* by type), no loader.
let stepping =
    try (0..<runs).map { _ in
        try seconds {
            try queue.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM deals")
                var count = 0
                while let row = try cursor.next() { count += row.count }
                precondition(count == rows * 7)
            }
        }
    }.min() ?? 0
print(
    String(
        format: "%-14@ %8.3f s  (GRDB Row cursor over the typed table, no typing: a floor)", "sqlite step" as NSString,
        stepping))

var csvBest = 0.0
for shape in shapes {
    let folder = root + "/" + shape.name.replacingOccurrences(of: " ", with: "-")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for item in ["data", "crm.sqlite"] {
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + item, withDestinationPath: root + "/" + item)
    }
    try shape.toml.write(toFile: folder + "/yardstick.toml", atomically: false, encoding: .utf8)
    let workspace = try Workspace.open(directory: folder)
    var loaded = 0
    let best =
        try (0..<runs).map { _ in
            try seconds {
                let (dataset, report) = try DataLoader(workspace: workspace, opener: SQLiteSourceOpener()).load()
                precondition(report.rejectedRows == 0, "\(report.rejectedProblems.prefix(3))")
                loaded = dataset["opportunities"]?.rowCount ?? 0
            }
        }.min() ?? 0
    if shape.name == "csv" { csvBest = best }
    let ratio = csvBest > 0 ? String(format: "%.2f× CSV", best / csvBest) : ""
    print(
        String(
            format: "%-14@ %8.3f s  %6.2f M rows/s  %@", shape.name as NSString, best, Double(loaded) / best / 1e6,
            ratio as NSString))
}
