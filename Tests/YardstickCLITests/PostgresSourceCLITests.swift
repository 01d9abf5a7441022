import Foundation
import Testing
import YardstickTestSupport

/// The Maven example read from PostgreSQL (the tables scripts/postgres-test.sh loads with COPY)
/// gives every figure that its CSV files and a SQLite copy give, byte for byte.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_URL"] != nil,
        "YARDSTICK_POSTGRES_URL is not set: scripts/postgres-test.sh starts a PostgreSQL server and runs these tests"))
struct PostgresSourceCLITests {
    /// A copy of the Maven workspace whose data comes from the test server's `crm` database.
    static func postgresMaven() throws -> TemporaryDirectory {
        let url = try #require(ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_URL"])
        let folder = try CLI.temporaryFolder()
        for item in ["indicators", "scorecards", "model.lua"] {
            try FileManager.default.copyItem(atPath: CLI.maven + "/" + item, toPath: folder.path(item))
        }
        var toml = try String(contentsOfFile: CLI.maven + "/yardstick.toml", encoding: .utf8)
        toml = toml.replacingOccurrences(
            of: "kind = \"folder\"            # a folder of CSV/JSON/NDJSON files\npath = \"data\"",
            with: "kind = \"postgres\"\nurl = \"\(url)\"\npassword_env = \"YARDSTICK_POSTGRES_PASSWORD\"")
        toml = toml.replacingOccurrences(of: "encoding = \"auto\"", with: "")
        for table in ["accounts", "products", "quotas", "ratings", "sales_pipeline", "sales_teams"] {
            toml = toml.replacingOccurrences(of: "file = \"\(table).csv\"", with: "table = \"\(table)\"")
        }
        #expect(toml.contains("kind = \"postgres\"") && !toml.contains(".csv\""))
        try toml.write(toFile: folder.path("yardstick.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: ["2017-10", "2017-Q4", "2017"])
    func everyIndicatorValueEqualsTheCSVAndSQLiteWorkspacesValues(period: String) throws {
        let postgres = try Self.postgresMaven()
        let sqlite = try SQLiteSourceCLITests.sqliteMaven()
        let arguments = ["run", "--period", period, "--format", "csv", "--no-cache"]
        let fromCSV = try CLI.run(arguments + ["--workspace", CLI.maven])
        let fromSQLite = try CLI.run(arguments + ["--workspace", sqlite.path])
        let fromPostgres = try CLI.run(arguments + ["--workspace", postgres.path])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromPostgres.status == 0, "\(fromPostgres.stderr)")
        #expect(fromPostgres.stdout.split(separator: "\n").count > 30)
        #expect(fromPostgres.stdout == fromCSV.stdout)
        #expect(fromPostgres.stdout == fromSQLite.stdout)
    }

    @Test func everyScoreEqualsTheCSVWorkspacesScore() throws {
        let postgres = try Self.postgresMaven()
        let arguments = ["score", "--model", "maven-sales", "--period", "2017-Q4", "--format", "csv"]
        let fromPostgres = try CLI.run(arguments + ["--workspace", postgres.path])
        let fromCSV = try CLI.run(arguments + ["--workspace", CLI.maven, "--no-cache"])
        #expect(fromPostgres.status == 0, "\(fromPostgres.stderr)")
        #expect(fromPostgres.stdout == fromCSV.stdout)
    }

    @Test func checkReadsTheServerAndNoSnapshotIsWritten() throws {
        let postgres = try Self.postgresMaven()
        let outcome = try CLI.run(["run", "--workspace", postgres.path, "--period", "2017-Q4", "--timings"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: postgres.path(".yardstick/cache")))
        let check = try CLI.run(["check", "--workspace", postgres.path])
        #expect(check.stdout.contains("sales_pipeline") || check.stdout.contains("opportunities"), "\(check.stdout)")
    }

    /// A one-month run of indicators that place deals by their close date reads only the deals
    /// closed that month (566 of Maven's 8,800, counted from sales_pipeline.csv), and gives the
    /// CSV workspace's figures.
    @Test func aOneMonthRunReadsOnlyThatMonthsDealsAndGivesTheCSVFigures() throws {
        let postgres = try Self.postgresMaven()
        let arguments = [
            "run", "--period", "2017-10", "--indicators", "won_revenue,won_deals,avg_won_deal,win_rate", "--format",
            "csv", "--no-cache", "--timings",
        ]
        let fromCSV = try CLI.run(arguments + ["--workspace", CLI.maven])
        let fromPostgres = try CLI.run(arguments + ["--workspace", postgres.path])
        #expect(fromPostgres.status == 0, "\(fromPostgres.stderr)")
        #expect(fromPostgres.stdout.split(separator: "\n").count > 30)
        #expect(fromPostgres.stdout == fromCSV.stdout)
        #expect(
            fromPostgres.stderr.contains(
                "postgres export:sales_pipeline: 566 rows, only WHERE \"close_date\" >= DATE '2017-10-01' "
                    + "AND \"close_date\" < DATE '2017-11-01'"), "\(fromPostgres.stderr)")
        // The users, whose rows the deals refer to, are read whole.
        #expect(
            fromPostgres.stderr.contains("postgres export:sales_teams: 35 rows, all history (copy-binary)"),
            "\(fromPostgres.stderr)")
        // A growth figure reads the month before too: 1,201 deals closed in September or October.
        let growth = try CLI.run([
            "run", "--period", "2017-10", "--indicators", "revenue_growth", "--no-cache", "--timings", "--workspace",
            postgres.path,
        ])
        #expect(growth.status == 0, "\(growth.stderr)")
        #expect(growth.stderr.contains("postgres export:sales_pipeline: 1201 rows, only WHERE"), "\(growth.stderr)")
    }

    /// An indicator counting new customers (an account's first deal ever) needs every deal:
    /// the run reads all 8,800, and its figures equal the CSV workspace's.
    @Test func aNewCustomersIndicatorReadsEveryDeal() throws {
        let postgres = try Self.postgresMaven()
        let indicator = postgres.path("new_accounts.lua")
        try """
        return indicator {
          id = "new_accounts", unit = "count", per = "user",
          value = function(s, k)
            return s.opportunities:per("account", { first = { "min", "closed_at" } }):during("first"):count()
          end,
        }
        """.write(toFile: indicator, atomically: true, encoding: .utf8)
        let arguments = ["run", "--period", "2017-10", "--indicators", indicator, "--format", "csv", "--no-cache"]
        let fromCSV = try CLI.run(arguments + ["--workspace", CLI.maven])
        let fromPostgres = try CLI.run(arguments + ["--workspace", postgres.path, "--timings"])
        #expect(fromPostgres.status == 0, "\(fromPostgres.stderr)")
        #expect(fromPostgres.stdout == fromCSV.stdout)
        #expect(
            fromPostgres.stderr.contains("postgres export:sales_pipeline: 8800 rows, all history"),
            "\(fromPostgres.stderr)")
    }
}
