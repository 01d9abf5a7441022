import Foundation
import GRDB
import Testing
import YardstickTestSupport

/// The Maven example read from a SQLite database gives every figure the CSV files give.
@Suite struct SQLiteSourceCLITests {
    /// A copy of the Maven workspace whose data comes from `crm.sqlite`, built from its CSV
    /// files with typed columns (INTEGER, REAL, TEXT, NULL for empty cells).
    static func sqliteMaven() throws -> TemporaryDirectory {
        let folder = try CLI.temporaryFolder()
        let fileManager = FileManager.default
        for item in ["indicators", "scorecards", "model.lua"] {
            try fileManager.copyItem(atPath: CLI.maven + "/" + item, toPath: folder.path(item))
        }
        let tables = ["accounts", "products", "quotas", "ratings", "sales_pipeline", "sales_teams"]
        try CSVToSQLite.convert(
            tables.map { (CLI.maven + "/data/\($0).csv", $0) }, into: folder.path("crm.sqlite"))
        var toml = try String(contentsOfFile: CLI.maven + "/yardstick.toml", encoding: .utf8)
        toml = toml.replacingOccurrences(
            of: "kind = \"folder\"            # a folder of CSV/JSON/NDJSON files\npath = \"data\"",
            with: "kind = \"sqlite\"\npath = \"crm.sqlite\"")
        toml = toml.replacingOccurrences(of: "encoding = \"auto\"", with: "")
        for table in tables {
            toml = toml.replacingOccurrences(of: "file = \"\(table).csv\"", with: "table = \"\(table)\"")
        }
        #expect(toml.contains("kind = \"sqlite\"") && !toml.contains(".csv\""))
        try toml.write(toFile: folder.path("yardstick.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theTypedDatabaseHoldsIntegersRealsAndNulls() throws {
        let folder = try Self.sqliteMaven()
        let queue = try DatabaseQueue(path: folder.path("crm.sqlite"))
        let (closeValue, revenue, nulls) = try queue.read { db throws -> (String?, String?, Int?) in
            (
                try String.fetchOne(db, sql: "SELECT typeof(close_value) FROM sales_pipeline LIMIT 1"),
                try String.fetchOne(db, sql: "SELECT typeof(revenue) FROM accounts LIMIT 1"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sales_pipeline WHERE close_date IS NULL")
            )
        }
        #expect(closeValue == "integer")
        #expect(revenue == "real")
        #expect((nulls ?? 0) > 0)
    }

    @Test(arguments: ["2017-10", "2017-Q4", "2017"])
    func everyIndicatorValueEqualsTheCSVWorkspacesValue(period: String) throws {
        let folder = try Self.sqliteMaven()
        let fromCSV = try CLI.run([
            "run", "--workspace", CLI.maven, "--period", period, "--format", "csv", "--no-cache",
        ])
        let fromSQLite = try CLI.run(["run", "--workspace", folder.path, "--period", period, "--format", "csv"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromSQLite.status == 0, "\(fromSQLite.stderr)")
        let lines = fromSQLite.stdout.split(separator: "\n")
        #expect(lines.count > 30)
        #expect(fromSQLite.stdout == fromCSV.stdout)
    }

    @Test func everyScoreEqualsTheCSVWorkspacesScore() throws {
        let folder = try Self.sqliteMaven()
        let expected = try String(
            contentsOfFile: CLI.maven + "/expected/score-maven-sales-2017-Q4.csv", encoding: .utf8)
        let fromSQLite = try CLI.run([
            "score", "--workspace", folder.path, "--model", "maven-sales", "--period", "2017-Q4", "--format", "csv",
        ])
        #expect(fromSQLite.status == 0, "\(fromSQLite.stderr)")
        let fromCSV = try CLI.run([
            "score", "--workspace", CLI.maven, "--model", "maven-sales", "--period", "2017-Q4", "--format", "csv",
            "--no-cache",
        ])
        #expect(fromSQLite.stdout == fromCSV.stdout)
        #expect(!expected.isEmpty)
    }

    @Test func theSecondRunReadsTheSnapshotAndATableChangeIsSeen() throws {
        let folder = try Self.sqliteMaven()
        let arguments = ["run", "--workspace", folder.path, "--period", "2017-Q4", "--format", "csv", "--timings"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("tables read from the snapshot"), "\(second.stderr)")
        let queue = try DatabaseQueue(path: folder.path("crm.sqlite"))
        try queue.write { db in
            try db.execute(sql: "UPDATE sales_pipeline SET close_value = close_value + 1000 WHERE deal_stage = 'Won'")
        }
        let third = try CLI.run(arguments)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(!third.stderr.contains("tables read from the snapshot"), "\(third.stderr)")
        #expect(third.stdout != first.stdout)
    }

    @Test func aTypeErrorNamesTheDatabaseTableRowColumnAndField() throws {
        let folder = try Self.sqliteMaven()
        let queue = try DatabaseQueue(path: folder.path("crm.sqlite"))
        try queue.write { db in
            try db.execute(sql: "UPDATE accounts SET employees = 2822.5 WHERE rowid = 3")
        }
        let outcome = try CLI.run(["check", "--workspace", folder.path])
        #expect(outcome.status != 0)
        let output = outcome.stdout + outcome.stderr
        #expect(
            output.contains("crm.sqlite:accounts:3:employees: expected a whole number, found \"2822.5\""), "\(output)")
    }
}
