import Foundation
import GRDB
import YardstickData
import YardstickLocalization

/// Opens the parts of a workspace's mappings that read a SQLite database (`kind = "sqlite"`,
/// with `table` or `query`), and hands every other part to a file opener.
///
/// Pass it to `DataLoader` (or `WorkspaceChecker`) for a workspace with sqlite sources:
///
/// ```swift
/// let (dataset, report) = try DataLoader(workspace: workspace, opener: SQLiteSourceOpener()).load()
/// ```
///
/// The database is opened read-only; a `query` must be a single statement that does not write.
/// The columns of the table or of the query's result are the header, matched to fields as a
/// CSV header is; every value then goes through the loader's typing, value maps, filters and
/// checks as a CSV cell would (NULL is an empty cell; INTEGER and REAL are written as text as
/// described in docs/workspace.md, "SQLite sources").
public struct SQLiteSourceOpener: RecordSourceOpener {
    /// The opener of every part that is not a database's.
    public let files: any RecordSourceOpener

    /// Creates an opener; `files` opens the parts that read files.
    public init(files: any RecordSourceOpener = FileSourceOpener()) {
        self.files = files
    }

    /// Opens a part: its table or query when it reads a SQLite database, else through `files`.
    ///
    /// - Throws: `SourceError` located in the part (`crm.sqlite:deals`) when the database is
    ///   missing or not a SQLite database, the table does not exist, the query does not
    ///   compile, is several statements or would write.
    public func open(_ part: SourceMapping) throws(SourceError) -> any RecordSource {
        guard let relation = part.database else { return try files.open(part) }
        guard FileManager.default.fileExists(atPath: part.path) else {
            throw SourceError(file: part.displayPath, message: tr("database file not found"))
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "yardstick.source"
        do {
            let queue = try DatabaseQueue(path: part.path, configuration: configuration)
            let sql: String
            switch relation {
            case .table(let table): sql = "SELECT * FROM \(table.quotedDatabaseIdentifier)"
            case .query(let query): sql = query
            }
            let (header, rows) = try queue.read { db throws -> ([String], Int) in
                if case .table(let table) = relation, try !db.tableExists(table), try !db.viewExists(table) {
                    throw SourceError(
                        file: part.displayPath, message: tr("no table or view named %@ in the database", table))
                }
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else {
                    throw SourceError(
                        file: part.displayPath,
                        message: tr("the query would write to the database; a source only reads"))
                }
                var rows = 0
                if case .table = relation {
                    rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))") ?? 0
                }
                return (statement.columnNames, rows)
            }
            return SQLiteRecordSource(
                queue: queue, sql: sql, header: header, file: part.displayPath,
                decimalSeparator: part.formats.decimalSeparator, estimatedRowCount: rows)
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError(file: part.displayPath, message: Self.describe(error))
        }
    }

    /// A GRDB error as a sentence: SQLite's own message, with the statement when it is useful.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            return "SQLite: \(message)"
        }
        return "\(error)"
    }
}
