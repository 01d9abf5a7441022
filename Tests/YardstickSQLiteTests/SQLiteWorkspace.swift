import Foundation
import GRDB
import YardstickData
import YardstickSQLite
import YardstickTestSupport

/// A workspace whose data is a SQLite database, `crm.sqlite`, made by the test.
struct SQLiteWorkspace {
    /// The workspace folder.
    let folder: TemporaryDirectory

    /// Writes `toml` as `yardstick.toml` and runs `sql` on a new `crm.sqlite`.
    init(toml: String, sql: String) throws {
        folder = try TemporaryDirectory(prefix: "sqlite-source")
        try folder.write(Array(toml.utf8), to: "yardstick.toml")
        let queue = try DatabaseQueue(path: folder.path("crm.sqlite"))
        try queue.write { db in try db.execute(sql: sql) }
    }

    /// The workspace.
    func open() throws -> Workspace {
        try Workspace.open(directory: folder.path)
    }

    /// Loads it leniently through ``SQLiteSourceOpener``.
    func load() throws -> (Dataset, LoadReport) {
        try DataLoader(
            workspace: open(), options: LoadOptions(lenient: true, problemSampleSize: .max),
            opener: SQLiteSourceOpener()
        ).load()
    }

    /// Users u1 and u2 and the deals of a small pipeline, with typed columns: `amount` REAL
    /// (NULL for d3), `units` INTEGER, dates as TEXT.
    static let pipelineSQL = """
        CREATE TABLE users (id TEXT, name TEXT);
        INSERT INTO users VALUES ('u1', 'Ann'), ('u2', 'Bo');
        CREATE TABLE deals (id TEXT, owner TEXT, stage TEXT, amount REAL, units INTEGER, created TEXT);
        INSERT INTO deals VALUES
          ('d1', 'u1', 'Won', 1278.56, 3, '2026-10-01'),
          ('d2', 'u1', 'Lost', 3.0, 2, '2026-10-02'),
          ('d3', 'u2', 'Won', NULL, NULL, '2026-10-03'),
          ('d4', 'u2', 'Open', 12, 7, '2026-10-04');
        """
}
