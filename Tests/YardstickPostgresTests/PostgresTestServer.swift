import Foundation
import PostgresNIO
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickPostgres

/// The server scripts/postgres-test.sh starts, named by `YARDSTICK_POSTGRES_URL` (password in
/// `YARDSTICK_POSTGRES_PASSWORD`); the tests that need it are skipped, saying so, without it.
enum PostgresTestServer {
    /// The connection URL, without a password.
    static let url = ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_URL"]

    /// Whether a server is there.
    static let isAvailable = url != nil

    /// Why the server tests are skipped.
    static let skipReason: Comment =
        "YARDSTICK_POSTGRES_URL is not set: scripts/postgres-test.sh starts a PostgreSQL server and runs these tests"

    /// The server as the workspace would describe it.
    static func server() throws -> DatabaseServer {
        try DatabaseServer.parse(try #require(url), passwordVariable: "YARDSTICK_POSTGRES_PASSWORD").get()
    }

    /// Runs each statement in turn on a new connection.
    static func execute(_ statements: [String]) throws {
        let connector = PostgresConnector(
            server: try server(), password: ProcessInfo.processInfo.environment["YARDSTICK_POSTGRES_PASSWORD"])
        _ = try Blocking.run {
            try await connector.withConnection { connection in
                for statement in statements {
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: statement), logger: PostgresConnector.logger)
                    for try await _ in rows {}
                }
                return true
            }
        }
    }
}

/// A workspace reading a schema of its own on the test server; the schema is dropped when the
/// value goes.
final class PostgresWorkspace {
    /// The workspace folder.
    let folder: TemporaryDirectory
    /// The schema holding this workspace's tables.
    let schema: String
    /// What the opener sent and read.
    let statistics = PostgresLoadStatistics()

    /// Creates the schema, runs `sql` in it (`$S` stands for the schema's name) and writes
    /// `toml` (where `$URL` is the server's URL and `$S` the schema) as `yardstick.toml`.
    init(toml: String, sql: [String]) throws {
        schema = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        folder = try TemporaryDirectory(prefix: "postgres-source")
        try PostgresTestServer.execute(
            ["CREATE SCHEMA \(schema)"] + sql.map { $0.replacingOccurrences(of: "$S", with: schema) })
        let text = toml.replacingOccurrences(of: "$URL", with: PostgresTestServer.url ?? "")
            .replacingOccurrences(of: "$S", with: schema)
        _ = try folder.write(text, to: "yardstick.toml")
    }

    deinit {
        try? PostgresTestServer.execute(["DROP SCHEMA \(schema) CASCADE"])
    }

    /// The workspace.
    func open() throws -> Workspace {
        try Workspace.open(directory: folder.path)
    }

    /// Loads it leniently through a ``PostgresSourceOpener``.
    func load(
        windows: [PostgresPeriodWindow] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        minimumSegmentPages: Int = PostgresRecordSource.defaultMinimumSegmentPages,
        transfer: PostgresTransferPreference = .automatic
    ) throws -> (Dataset, LoadReport) {
        let workspace = try open()
        var opener = PostgresSourceOpener(
            workspace: workspace, environment: environment, windows: windows, statistics: statistics)
        opener.minimumSegmentPages = minimumSegmentPages
        opener.transfer = transfer
        return try DataLoader(
            workspace: workspace, options: LoadOptions(lenient: true, problemSampleSize: .max), opener: opener
        ).load()
    }

    /// The report of a load that fails (a mapping that cannot be read fails even a lenient
    /// load); records an issue when the load succeeds.
    func failedReport(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LoadReport {
        do {
            _ = try load(environment: environment)
            Issue.record("the load succeeded")
            return LoadReport()
        } catch let failure as LoadFailure {
            return failure.report
        }
    }

    /// The source header of a workspace on the test server.
    static let source = """
        [workspace]
        timezone = "Asia/Shanghai"
        [sources.crm]
        kind = "postgres"
        url = "$URL"
        password_env = "YARDSTICK_POSTGRES_PASSWORD"

        """

    /// Users u1 and u2 and four deals with typed columns: `amount` numeric(12,2) (NULL for
    /// d3), `fee` double precision, `units` integer, `closed` date, `touched` timestamptz,
    /// `won` boolean, and a `notes` column no mapping reads.
    static let pipelineSQL = [
        "CREATE TABLE $S.users (id text, name text)",
        "INSERT INTO $S.users VALUES ('u1', 'Ann'), ('u2', 'Bo')",
        """
        CREATE TABLE $S.deals (id text, owner text, stage text, amount numeric(12,2), fee double precision,
          units integer, closed date, touched timestamptz, won boolean, notes text)
        """,
        """
        INSERT INTO $S.deals VALUES
          ('d1', 'u1', 'Won', 1278.56, 11.12, 3, '2017-09-30', '2017-09-30 20:00:00+00', true, 'x'),
          ('d2', 'u1', 'Lost', 3.00, 0.1, 2, '2017-10-02', '2017-10-02 01:30:00+00', false, 'y'),
          ('d3', 'u2', 'Won', NULL, NULL, NULL, '2017-12-31', NULL, NULL, NULL),
          ('d4', 'u2', 'Open', -12.5, 2.5e3, 7, '2018-01-01', '2018-01-01 00:00:00+08', false, 'z')
        """,
    ]

    /// The mapping of ``pipelineSQL``.
    static let pipelineTOML =
        source + """
            [entities.users]
            table = "$S.users"
            [entities.opportunities]
            table = "$S.deals"
            [entities.opportunities.fields]
            closed_at = "closed"
            stage = { column = "stage", map = { Won = "won", Lost = "lost", Open = "proposal" } }
            [entities.opportunities.custom]
            units = { column = "units", type = "integer" }
            fee = { column = "fee", type = "decimal" }
            won = { column = "won", type = "boolean" }
            touched_at = { column = "touched", type = "datetime" }
            """
}
