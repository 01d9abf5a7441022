import Foundation

/// One file feeding an entity, and how its columns become fields.
public struct SourceMapping: Sendable {
    /// The file formats understood.
    public enum FileFormat: String, Sendable, Hashable {
        /// Comma-separated values (RFC 4180).
        case csv
        /// A JSON array of objects (or an object holding one such array).
        case json
        /// One JSON object per line.
        case ndjson
        /// Text whose columns are separated by runs of spaces or tabs (`format = "whitespace"`),
        /// such as CDNOW's `CDNOW_master.txt`; no quoting, no empty cells.
        case whitespace
        /// Text whose columns sit at fixed character widths (`format = "fixed"`, `widths = [...]`).
        case fixed
    }

    /// The name of the source under `[sources]` the file belongs to; a ``RecordSourceOpener``
    /// may look its definition up in ``Workspace/sources`` to decide whether it serves the part.
    public var sourceName: String = ""
    /// The file's absolute path.
    public var path: String
    /// The file's path as shown in messages (relative to the workspace).
    public var displayPath: String
    /// The file format, from the extension unless declared.
    public var format: FileFormat
    /// The CSV dialect.
    public var dialect: CSVDialect
    /// The table or query read from a database source (`kind = "sqlite"`); nil for files.
    /// The mapping's ``path`` is then the database file and its ``displayPath`` reads
    /// `crm.sqlite:deals` (the table, or the entity for a query).
    public var database: DatabaseRelation?
    /// The layout of a `whitespace` or `fixed` text file; unused for other formats.
    public var textLayout = AlignedTextLayout()
    /// Rows to leave out, judged on raw source cells before any value is parsed; empty when the
    /// mapping has no `drop` or `keep`.
    public var rowFilters: [RowFilter] = []
    /// Whether to keep only one row per distinct combination of mapped values.
    public var distinct: Bool
    /// Field mappings given explicitly.
    public var fields: [FieldMapping]
    /// Whether fields not mapped explicitly are fed by same-named columns (`match_columns`;
    /// on by default, off by default for `distinct` mappings, which derive rows from a few
    /// columns).
    public var matchesColumnsByName: Bool
    /// Value formats for this file.
    public var formats: ValueFormats
    /// The key path in the workspace file, for messages (`entities.users[2]`).
    public var key: String
}
