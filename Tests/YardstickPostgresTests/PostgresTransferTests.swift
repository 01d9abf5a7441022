import Foundation
import Testing
import YardstickData

@testable import YardstickPostgres

/// Rows read as binary COPY on Yardstick's own connection, against the server of
/// scripts/postgres-test.sh: the fast path is taken on a plain connection, gives exactly what
/// postgres-nio's extended query gives, and reports the server's problems as the other path does.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresTransferTests {
    /// Every type the decoder writes, their edges, NULLs, and types cast to text.
    static let typesSQL = [
        """
        CREATE TABLE $S.deals (id text, owner text, small smallint, big bigint, amount numeric, fee real,
          ratio double precision, closed date, moved timestamp, touched timestamptz, won boolean,
          tag uuid, extra jsonb, note varchar(40), code char(3))
        """,
        """
        INSERT INTO $S.deals VALUES
          ('d1', 'u1', -32768, 9223372036854775807, 12345678901.25, 1.5, 0.1, '1999-12-31',
           '2017-09-30 20:00:00.999999', '2017-09-30 20:00:00+00', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
           '{"k": [1, 2]}', '销售部	tab', 'ab'),
          ('d2', 'u1', 0, -9223372036854775808, -0.0001, -2.25, 1e12, '2000-01-01', '1970-01-01 00:00:00',
           '1969-12-31 23:59:59+00', false, NULL, NULL, E'two\\nlines', NULL),
          ('d3', 'u2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          ('d4', 'u2', 7, 0, 100000000, 0, -123.456, '2038-01-19', '2100-02-28 23:59:59', '2026-11-30 12:00:00+08',
           true, '00000000-0000-0000-0000-000000000000', '[]', '', 'xyz')
        """,
        "CREATE TABLE $S.users (id text, name text)",
        "INSERT INTO $S.users VALUES ('u1', 'Ann'), ('u2', '王芳')",
    ]

    static let typesTOML =
        PostgresWorkspace.source + """
            [entities.users]
            table = "$S.users"
            [entities.opportunities]
            table = "$S.deals"
            [entities.opportunities.fields]
            closed_at = "closed"
            [entities.opportunities.custom]
            small = { column = "small", type = "integer" }
            big = { column = "big", type = "integer" }
            fee = { column = "fee", type = "decimal" }
            ratio = { column = "ratio", type = "decimal" }
            moved = { column = "moved", type = "datetime" }
            touched = { column = "touched", type = "datetime" }
            won = { column = "won", type = "boolean" }
            tag = { column = "tag", type = "string" }
            extra = { column = "extra", type = "string" }
            note = { column = "note", type = "string" }
            code = { column = "code", type = "string" }
            """

    @Test func copyAndExtendedQueryLoadTheSameValuesForEveryType() throws {
        let workspace = try PostgresWorkspace(toml: Self.typesTOML, sql: Self.typesSQL)
        let (copied, copyReport) = try workspace.load()
        #expect(workspace.statistics.reads.allSatisfy { $0.transfer == .copyBinary })
        let (queried, queryReport) = try workspace.load(transfer: .extendedQuery)
        #expect(workspace.statistics.reads.suffix(2).allSatisfy { $0.transfer == .extendedQuery })
        #expect(copyReport.rejectedRows == 0 && queryReport.rejectedRows == 0, "\(copyReport.rejectedProblems)")
        for entity in ["users", "opportunities"] {
            let left = try #require(copied[entity])
            let right = try #require(queried[entity])
            #expect(left.rowCount == right.rowCount)
            #expect(Set(left.columns.keys) == Set(right.columns.keys))
            for (name, column) in left.columns {
                for row in 0..<left.rowCount {
                    #expect(column.value(at: row) == right[name]?.value(at: row), "\(entity).\(name) row \(row)")
                }
            }
        }
        let deals = try #require(copied["opportunities"])
        #expect(deals["big"]?.value(at: 0) == .integer(.max))
        #expect(deals["big"]?.value(at: 1) == .integer(.min))
        #expect(deals["small"]?.value(at: 0) == .integer(-32768))
        #expect(deals["note"]?.value(at: 0) == .string("销售部\ttab"))
        #expect(deals["note"]?.value(at: 1) == .string("two\nlines"))
        #expect(deals["won"]?.value(at: 1) == .boolean(false))
        #expect(deals["tag"]?.value(at: 0) == .string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
        #expect(deals["code"]?.value(at: 0) == .string("ab"))
        #expect(deals["touched"]?.value(at: 1) == .datetime(-1))
        #expect(deals["closed_at"]?.value(at: 0) == .date(CivilDate.dayNumber(year: 1999, month: 12, day: 31)))
        #expect(copied["users"]?["name"]?.value(at: 1) == .string("王芳"))
    }

    /// A big table's ranges each count the rows before them and stream as COPY too.
    @Test func rangesOfABigTableAreCopiedWithTheirRowCounts() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.opportunities]
                table = "$S.big"
                """
        let count = 12_000
        let workspace = try PostgresWorkspace(
            toml: toml,
            sql: [
                "CREATE TABLE $S.big AS SELECT 'd' || n AS id FROM generate_series(1, \(count)) AS n",
                "ANALYZE $S.big",
            ])
        let (dataset, _) = try workspace.load(minimumSegmentPages: 1)
        let reads = workspace.statistics.reads
        #expect(reads.allSatisfy { $0.transfer == .copyBinary })
        #expect(reads.reduce(0) { $0 + $1.rows } == count)
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == count)
        for row in stride(from: 0, to: count, by: 1_111) {
            #expect(deals["id"]?.value(at: row) == .string("d\(row + 1)"))
        }
    }

    /// A query part is wrapped in COPY as it is written, trailing semicolon and line comment
    /// included.
    @Test func aQueryWithATrailingCommentIsCopied() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                query = \"\"\"
                SELECT id, name FROM $S.users ORDER BY id DESC -- newest first
                ;\"\"\"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: Array(Self.typesSQL.suffix(2)))
        let (dataset, report) = try workspace.load()
        #expect(!report.hasFileErrors, "\(report)")
        #expect(workspace.statistics.reads.map(\.transfer) == [.copyBinary])
        #expect(dataset["users"]?["id"]?.value(at: 0) == .string("u2"))
    }

    @Test func aFailingQueryGivesTheServersMessageThroughCopy() throws {
        let toml =
            PostgresWorkspace.source + """
                [entities.users]
                query = "SELECT id, 1 / (length(name) - 3) AS name FROM $S.users"
                """
        let workspace = try PostgresWorkspace(toml: toml, sql: Array(Self.typesSQL.suffix(2)))
        let report = try workspace.failedReport()
        let error = try #require(report.entities["users"]?.fileErrors.first)
        #expect(error.message.hasPrefix("PostgreSQL error 22012: division by zero"), "\(error)")
    }

    @Test func theOwnConnectionNamesAuthenticationAndDatabaseProblems() throws {
        let server = try PostgresTestServer.server()
        let password = ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_PASSWORD"]
        #expect(throws: PostgresSourceProblem.passwordRequired) {
            try PostgresWireConnection.open(server: server, password: nil)
        }
        do {
            _ = try PostgresWireConnection.open(server: server, password: "not-the-password")
            Issue.record("a wrong password was accepted")
        } catch let problem as PostgresSourceProblem {
            guard case .authenticationFailed(let reason) = problem else {
                Issue.record("\(problem)")
                return
            }
            #expect(reason.hasPrefix("password authentication failed for user"))
        }
        var elsewhere = server
        elsewhere.database = "no_such_database"
        do {
            _ = try PostgresWireConnection.open(server: elsewhere, password: password)
            Issue.record("an unknown database was accepted")
        } catch let problem as PostgresSourceProblem {
            guard case .unknownDatabase = problem else {
                Issue.record("\(problem)")
                return
            }
        }
        var required = server
        required.tls = .require
        #expect(throws: PostgresWireConnection.Refusal.needsTLS) {
            try PostgresWireConnection.open(server: required, password: password)
        }
    }

    /// A closure that stops the COPY part-way (the loader gave up) leaves a connection that is
    /// closed without hanging, and a new one works.
    @Test func aCopyStoppedPartWayClosesCleanly() throws {
        let server = try PostgresTestServer.server()
        let password = ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_PASSWORD"]
        let connection = try PostgresWireConnection.open(server: server, password: password)
        var messages = 0
        #expect(throws: CancellationError.self) {
            try connection.copyOut(
                "COPY (SELECT n FROM generate_series(1, 1000000) AS n) TO STDOUT (FORMAT binary)"
            ) { _ in
                messages += 1
                if messages == 10 { throw CancellationError() }
            }
        }
        connection.close()
        let again = try PostgresWireConnection.open(server: server, password: password)
        defer { again.close() }
        #expect(try again.count("SELECT count(*) FROM generate_series(1, 42)") == 42)
    }
}
