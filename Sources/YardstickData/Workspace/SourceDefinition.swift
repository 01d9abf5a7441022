import Foundation

/// Where data comes from.
public struct SourceDefinition: Sendable, Hashable {
    /// The kinds of source. More kinds (PostgreSQL) will be added as cases.
    public enum Kind: String, Sendable, Hashable {
        /// A folder of CSV, JSON and NDJSON files; each mapping names its file.
        case folder
        /// One CSV, JSON or NDJSON file.
        case file
        /// A SQLite database file; each mapping names a `table` or a `query`
        /// (``DatabaseRelation``), read by a database module's ``RecordSourceOpener``.
        case sqlite
    }

    /// The source's name under `[sources]`.
    public var name: String
    /// What kind of source it is.
    public var kind: Kind
    /// The absolute path of the folder or file.
    public var path: String
    /// The encoding of its text files.
    public var encoding: TextEncoding
    /// The CSV field separator.
    public var delimiter: UInt8
}
