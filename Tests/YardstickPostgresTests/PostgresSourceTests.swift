import Foundation
import Testing
import YardstickData

@testable import YardstickPostgres

/// Loading entities from PostgreSQL tables and queries through the loader's mapping and
/// typing, against the server of scripts/postgres-test.sh.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresSourceTests {
    @Test func typedColumnsLoadAsTheirCSVTextWould() throws {
        let workspace = try PostgresWorkspace(toml: PostgresWorkspace.pipelineTOML, sql: PostgresWorkspace.pipelineSQL)
        let (dataset, report) = try workspace.load()
        #expect(report.rejectedRows == 0, "\(report.rejectedProblems)")
        #expect(!report.hasFileErrors, "\(report)")
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == 4)
        // numeric(12,2): 1278.56, 3.00 (a whole 3), NULL, -12.5.
        #expect(deals["amount"]?.value(at: 0) == .decimal(ExactDecimal(scaled: 12_785_600)))
        #expect(deals["amount"]?.value(at: 1) == .decimal(ExactDecimal(3)))
        #expect(deals["amount"]?.value(at: 2) == .null)
        #expect(deals["amount"]?.value(at: 3) == .decimal(ExactDecimal(scaled: -125_000)))
        // double precision through numeric: 11.12 stays 11.12 (not 11.1199999…), 2.5e3 is 2500.
        #expect(deals["fee"]?.value(at: 0) == .decimal(ExactDecimal(scaled: 111_200)))
        #expect(deals["fee"]?.value(at: 1) == .decimal(ExactDecimal(scaled: 1_000)))
        #expect(deals["fee"]?.value(at: 3) == .decimal(ExactDecimal(2500)))
        #expect(deals["units"]?.value(at: 0) == .integer(3))
        #expect(deals["units"]?.value(at: 2) == .null)
        #expect(deals["won"]?.value(at: 0) == .boolean(true))
        #expect(deals["won"]?.value(at: 1) == .boolean(false))
        #expect(deals["closed_at"]?.value(at: 1) == .date(CivilDate.dayNumber(year: 2017, month: 10, day: 2)))
        // timestamptz: the same instant, whatever the workspace's zone (Asia/Shanghai here).
        #expect(deals["touched_at"]?.value(at: 0) == .datetime(1_506_801_600))
        #expect(deals["touched_at"]?.value(at: 3) == .datetime(1_514_736_000))
        #expect(deals["stage"]?.value(at: 3) == .string("proposal"))
        #expect(dataset["users"]?.rowCount == 2)
    }

    @Test func aTableReadSelectsOnlyTheColumnsTheMappingReads() throws {
        let workspace = try PostgresWorkspace(toml: PostgresWorkspace.pipelineTOML, sql: PostgresWorkspace.pipelineSQL)
        _ = try workspace.load()
        let read = try #require(workspace.statistics.reads.first { $0.source == "crm:\(workspace.schema).deals" })
        // `notes` is in the table but no field reads it; `stage`, `owner`, `amount` match by name.
        #expect(!read.columns.contains("notes"))
        #expect(read.columns == ["id", "owner", "stage", "amount", "fee", "units", "closed", "touched", "won"])
        #expect(!read.sql.contains("notes") && !read.sql.contains("*"))
        #expect(read.rows == 4)
    }

    @Test func aPeriodWindowIsPushedIntoTheSQLAndOnlyItsRowsAreRead() throws {
        let workspace = try PostgresWorkspace(toml: PostgresWorkspace.pipelineTOML, sql: PostgresWorkspace.pipelineSQL)
        let window = PostgresPeriodWindow(
            entity: "opportunities", field: "closed_at", from: CivilDate.dayNumber(year: 2017, month: 10, day: 1),
            until: CivilDate.dayNumber(year: 2018, month: 1, day: 1))
        let (dataset, _) = try workspace.load(windows: [window])
        let read = try #require(workspace.statistics.reads.first { $0.source.hasSuffix(".deals") })
        #expect(read.windowed)
        #expect(read.sql.hasSuffix("WHERE \"closed\" >= DATE '2017-10-01' AND \"closed\" < DATE '2018-01-01'"))
        // d2 (2017-10-02) and d3 (2017-12-31); d1 closed the day before, d4 the day after.
        #expect(read.rows == 2)
        #expect(dataset["opportunities"]?.rowCount == 2)
        #expect(dataset["opportunities"]?["id"]?.value(at: 0) == .string("d2"))
        let users = try #require(workspace.statistics.reads.first { $0.source.hasSuffix(".users") })
        #expect(!users.windowed && users.rows == 2)
    }

    @Test func aWindowOnAFieldFedByAConstantOrAQueryIsNotPushed() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                query = "SELECT id, closed AS closed_at FROM $S.deals"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: PostgresWorkspace.pipelineSQL)
        let window = PostgresPeriodWindow(entity: "opportunities", field: "closed_at", from: 0, until: 1)
        let (dataset, _) = try workspace.load(windows: [window])
        #expect(dataset["opportunities"]?.rowCount == 4)
        #expect(workspace.statistics.reads.first?.windowed == false)
    }

    @Test func manyRowsStreamThroughInBatches() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                table = "$S.big"
                """
        let count = 3 * PostgresRecordSource.batchSize + 17
        let workspace = try PostgresWorkspace(
            toml: toml,
            sql: [
                """
                CREATE TABLE $S.big AS SELECT 'd' || n AS id, (n % 1000)::numeric / 100 AS amount,
                  DATE '2017-01-01' + (n % 365) AS closed_at FROM generate_series(1, \(count)) AS n
                """
            ])
        let (dataset, report) = try workspace.load()
        #expect(report.rejectedRows == 0)
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == count)
        // Σ (n mod 1000) / 100 over n = 1 … 6161: six full cycles of 0 … 999 (499,500 each)
        // and 1 … 161 (13,041), so (2,997,000 + 13,041) / 100 = 30,100.41.
        var total: Int64 = 0
        for row in 0..<deals.rowCount {
            if case .decimal(let value) = deals["amount"]?.value(at: row) { total += value.scaled }
        }
        #expect(count == 6161)
        #expect(total == ExactDecimal(scaled: 301_004_100).scaled)
        #expect(deals["id"]?.value(at: count - 1) == .string("d\(count)"))
        // Decoded on the reading thread and handed over whole: three full batches and the last
        // 17 rows, never a row at a time; the same through postgres-nio.
        #expect(workspace.statistics.reads.map(\.batches) == [4])
        #expect(workspace.statistics.reads.map(\.transfer) == [.copyBinary])
        let (again, _) = try workspace.load(transfer: .extendedQuery)
        #expect(workspace.statistics.reads.map(\.batches) == [4, 4])
        #expect(workspace.statistics.reads.map(\.transfer) == [.copyBinary, .extendedQuery])
        #expect(again["opportunities"]?["amount"]?.value(at: 4_000) == deals["amount"]?.value(at: 4_000))
    }

    /// A big table is read in ranges of pages, one connection each, and appended in the order
    /// of the table: the rows come out as one read gives them, and a bad value in a later range
    /// is still named by its row in the whole result.
    @Test func aBigTableIsReadInRangesOfPagesInTableOrderWithWholeResultRowNumbers() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                table = "$S.big"
                [entities.opportunities.custom]
                units = { column = "units", type = "integer" }
                """
        let count = 20_000
        let workspace = try PostgresWorkspace(
            toml: toml,
            sql: [
                """
                CREATE TABLE $S.big AS SELECT 'd' || n AS id, CASE WHEN n = 15000 THEN 'many' ELSE n::text END AS units
                  FROM generate_series(1, \(count)) AS n
                """,
                "ANALYZE $S.big",
            ])
        let (whole, _) = try workspace.load(minimumSegmentPages: .max)
        #expect(workspace.statistics.reads.map(\.segment) == [nil])
        let (dataset, report) = try workspace.load(minimumSegmentPages: 1)
        let ranges = workspace.statistics.reads.dropFirst()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if cores > 1 {
            // The fast path taken: one read per core, each a TID range scan.
            #expect(ranges.count == cores)
            #expect(Set(ranges.compactMap(\.segment?.index)) == Set(0..<cores))
            #expect(ranges.allSatisfy { $0.segment?.count == cores && $0.sql.contains("ctid") })
        }
        #expect(ranges.reduce(0) { $0 + $1.rows } == count)
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == count - 1)
        #expect(deals["id"]?.value(at: 0) == .string("d1"))
        #expect(deals["id"]?.value(at: 14_998) == .string("d14999"))
        #expect(deals["id"]?.value(at: 14_999) == .string("d15001"))
        #expect(deals["id"]?.value(at: count - 2) == .string("d\(count)"))
        let wholeDeals = try #require(whole["opportunities"])
        for row in stride(from: 0, to: count - 1, by: 997) {
            #expect(deals["id"]?.value(at: row) == wholeDeals["id"]?.value(at: row))
            #expect(deals["units"]?.value(at: row) == wholeDeals["units"]?.value(at: row))
        }
        let problem = try #require(report.rejectedProblems.first)
        #expect(problem.key == "d15000")
        #expect(
            problem.description.hasPrefix("crm:\(workspace.schema).big:15000:units: expected a whole number"),
            "\(problem)")
    }

    @Test func aWrongPasswordIsAnAuthenticationErrorNamingTheSource() throws {
        let workspace = try PostgresWorkspace(toml: PostgresWorkspace.pipelineTOML, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport(environment: ["YARDSTICK_POSTGRES_PASSWORD": "not-the-password"])
        let error = try #require(report.entities["opportunities"]?.fileErrors.first)
        #expect(error.file == "crm:\(workspace.schema).deals")
        #expect(error.message.hasPrefix("authentication failed: password authentication failed for user"), "\(error)")
        #expect(error.message.contains("(yardstick.toml, sources.crm: postgresql://yardstick@127.0.0.1:"))
        #expect(error.message.hasSuffix("; entity opportunities)"))
    }

    @Test func anUnsetPasswordVariableIsNamed() throws {
        let workspace = try PostgresWorkspace(toml: PostgresWorkspace.pipelineTOML, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport(environment: [:])
        let error = try #require(report.entities["users"]?.fileErrors.first)
        #expect(
            error.message.hasPrefix("the environment variable YARDSTICK_POSTGRES_PASSWORD (password_env) is not set"))
    }

    @Test func aMissingTableIsNamed() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                table = "$S.people"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport()
        let error = try #require(report.entities["users"]?.fileErrors.first)
        #expect(error.file == "crm:\(workspace.schema).people")
        #expect(
            error.message.hasPrefix("no table or view named \(workspace.schema).people in the database"), "\(error)")
    }

    @Test func aMappedColumnMissingFromTheTableIsNamedWithTheTablesColumns() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                table = "$S.users"
                [entities.users.fields]
                email = "mail"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport()
        let error = try #require(report.entities["users"]?.fileErrors.first)
        #expect(error.column == "mail" && error.field == "email")
        #expect(error.message.hasPrefix("no column mail in the result; its columns are id, name"), "\(error)")
    }

    @Test func aColumnTypeContradictingItsFieldIsAMismatchBeforeAnyRowIsRead() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                table = "$S.deals"
                [entities.opportunities.fields]
                amount = "won"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport()
        let error = try #require(report.entities["opportunities"]?.fileErrors.first)
        #expect(error.column == "won" && error.field == "amount")
        #expect(error.message.hasPrefix("the column is BOOLEAN in the database; field amount is decimal"), "\(error)")
        #expect(workspace.statistics.reads.isEmpty)
    }

    @Test func aNullInARequiredFieldRejectsTheRowWithItsPlace() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                table = "$S.users"
                """
        let workspace = try PostgresWorkspace(
            toml: toml,
            sql: [
                "CREATE TABLE $S.users (id text, name text)",
                "INSERT INTO $S.users VALUES ('u1', 'Ann'), (NULL, 'Nobody'), ('u3', 'Cy')",
            ])
        let (dataset, report) = try workspace.load()
        #expect(dataset["users"]?.rowCount == 2)
        let problem = try #require(report.rejectedProblems.first)
        #expect(problem.file == "crm:\(workspace.schema).users")
        #expect(problem.row == 2)
        #expect(problem.field == "id")
    }

    @Test func aBadValueIsRejectedWithItsTableRowColumnFieldAndKey() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                table = "$S.deals"
                [entities.opportunities.custom]
                units = { column = "units", type = "integer" }
                """
        let workspace = try PostgresWorkspace(
            toml: toml,
            sql: [
                "CREATE TABLE $S.deals (id text, units text)",
                "INSERT INTO $S.deals VALUES ('d1', '3'), ('d2', 'three'), ('d3', '4')",
            ])
        let (dataset, report) = try workspace.load()
        #expect(dataset["opportunities"]?.rowCount == 2)
        let problem = try #require(report.rejectedProblems.first)
        #expect(problem.key == "d2")
        #expect(
            problem.description.hasPrefix("crm:\(workspace.schema).deals:2:units: expected a whole number"),
            "\(problem)")
        #expect(problem.description.hasSuffix("(row with id d2)"), "\(problem)")
    }

    @Test func aQueryFeedsAnEntityAndAFailingQueryGivesTheServersMessage() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                query = "SELECT owner AS id, count(*) AS deals FROM $S.deals GROUP BY owner ORDER BY owner;"
                [entities.users.custom]
                deals = { column = "deals", type = "integer" }
                [entities.opportunities]
                query = "SELECT id, nonsense FROM $S.deals"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: PostgresWorkspace.pipelineSQL)
        let report = try workspace.failedReport()
        #expect(report.entities["users"]?.rowsLoaded == 2)
        let error = try #require(report.entities["opportunities"]?.fileErrors.first)
        #expect(error.file == "crm:opportunities")
        #expect(error.message.contains("column \"nonsense\" does not exist"), "\(error)")
    }
}

/// What needs no server: refused connections and URLs that carry a password.
@Suite struct PostgresSourceOfflineTests {
    @Test func aRefusedConnectionIsAnErrorNamingTheServer() throws {
        let folder = try TemporaryDirectoryHelper.make(
            """
            [sources.crm]
            kind = "postgres"
            url = "postgresql://yardstick@127.0.0.1:1/crm?sslmode=disable"
            [entities.users]
            table = "users"
            """)
        let workspace = try Workspace.open(directory: folder.path)
        var report = LoadReport()
        do {
            _ = try DataLoader(
                workspace: workspace, options: LoadOptions(lenient: true),
                opener: PostgresSourceOpener(workspace: workspace)
            ).load()
            Issue.record("the load succeeded")
        } catch {
            report = error.report
        }
        let error = try #require(report.entities["users"]?.fileErrors.first)
        #expect(error.file == "crm:users")
        #expect(error.message.hasPrefix("cannot connect to the server: "), "\(error)")
        #expect(error.message.contains("refused"), "\(error)")
        #expect(
            error.message.hasSuffix(
                "(yardstick.toml, sources.crm: postgresql://yardstick@127.0.0.1:1/crm; entity users)"))
    }

    @Test func aURLWithAPasswordIsRefusedByTheWorkspace() throws {
        let folder = try TemporaryDirectoryHelper.make(
            """
            [sources.crm]
            kind = "postgres"
            url = "postgresql://yardstick:secret@db.example.com/crm"
            [entities.users]
            table = "users"
            """)
        do {
            _ = try Workspace.open(directory: folder.path)
            Issue.record("a URL with a password was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("sources.crm.url"), "\(text)")
            #expect(text.contains("the URL carries a password"), "\(text)")
        }
    }
}
