import Foundation

/// Where data comes from.
public struct SourceDefinition: Sendable, Hashable {
    /// The kinds of source.
    public enum Kind: String, Sendable, Hashable {
        /// A folder of CSV, JSON and NDJSON files; each mapping names its file.
        case folder
        /// One CSV, JSON or NDJSON file.
        case file
        /// A SQLite database file; each mapping names a `table` or a `query`
        /// (``DatabaseRelation``), read by a database module's ``RecordSourceOpener``.
        case sqlite
        /// A PostgreSQL database on a server (``server``); each mapping names a `table` or a
        /// `query`, read by YardstickPostgres's ``RecordSourceOpener``.
        case postgres
    }

    /// The source's name under `[sources]`.
    public var name: String
    /// What kind of source it is.
    public var kind: Kind
    /// The absolute path of the folder or file; a server source's ``DatabaseServer/displayURL``.
    public var path: String
    /// The encoding of its text files.
    public var encoding: TextEncoding
    /// The CSV field separator.
    public var delimiter: UInt8
    /// Where a server source (`kind = "postgres"`) is reached; nil for files and SQLite.
    public var server: DatabaseServer? = nil
}
