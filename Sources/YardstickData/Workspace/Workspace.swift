import Foundation

/// One company's workspace: the parsed `yardstick.toml` and where its files are.
///
/// A workspace says where the CRM export lives (``sources``), how each source column feeds the
/// CRM vocabulary (``entities``), how values are written (``formats``), and the calendar and
/// locale evaluations use. Open one with ``Workspace/open(directory:)``.
public struct Workspace: Sendable {
    /// The folder holding `yardstick.toml`.
    public let directory: String
    /// The workspace's display name.
    public var name: String
    /// The language of titles and reports: `en` or `zh-CN`.
    public var locale: String
    /// The zone local datetimes are read in and periods are cut in.
    public var timeZone: TimeZone
    /// Fiscal year and week settings.
    public var calendar: CalendarSettings
    /// Named data sources.
    public var sources: [String: SourceDefinition]
    /// Workspace-wide value formats.
    public var formats: ValueFormats
    /// The mapped entities, vocabulary order first, then custom entities by name.
    public var entities: [EntityMapping]
    /// The parsed tables of the registered ``WorkspaceSection``s present in the file, by key.
    var sectionValues: [String: any Sendable] = [:]

    /// Creates a workspace from its parts (a parsed file has no other sections' values).
    init(
        directory: String, name: String, locale: String, timeZone: TimeZone, calendar: CalendarSettings,
        sources: [String: SourceDefinition], formats: ValueFormats, entities: [EntityMapping]
    ) {
        self.directory = directory
        self.name = name
        self.locale = locale
        self.timeZone = timeZone
        self.calendar = calendar
        self.sources = sources
        self.formats = formats
        self.entities = entities
    }

    /// The parsed value of a registered section, or nil when the file has no such table.
    ///
    /// ```swift
    /// let targets = workspace.section(TargetsSection.self) ?? [:]
    /// ```
    public func section<Section: WorkspaceSection>(_ section: Section.Type) -> Section.Value? {
        sectionValues[Section.key] as? Section.Value
    }

    /// The mapping of an entity, if the workspace maps it.
    public func mapping(of entity: String) -> EntityMapping? {
        entities.first { $0.entity.name == entity }
    }

    /// Reads and validates `yardstick.toml` in a folder.
    ///
    /// - Parameters:
    ///   - directory: The workspace folder.
    ///   - sections: The top-level tables other modules own; any other top-level key besides
    ///     YardstickData's own is an error.
    /// - Throws: ``WorkspaceError`` naming the key at fault.
    public static func open(directory: String, sections: WorkspaceSections = WorkspaceSections())
        throws(WorkspaceError) -> Workspace
    {
        let path = (directory as NSString).appendingPathComponent("yardstick.toml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkspaceError(
                file: path,
                message: "no yardstick.toml here; run `yardstick init` to create a starter workspace")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkspaceError(file: path, message: "yardstick.toml must be UTF-8 text")
        }
        return try WorkspaceParser(directory: directory, sections: sections).parse(text)
    }
}

/// Fiscal calendar settings.
public struct CalendarSettings: Sendable, Hashable {
    /// The month (1–12) the fiscal year starts in.
    public var fiscalYearStartMonth = 1
    /// The first day of the week (1 = Monday … 7 = Sunday, ISO numbering).
    public var weekStart = 1

    /// Creates settings.
    public init(fiscalYearStartMonth: Int = 1, weekStart: Int = 1) {
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.weekStart = weekStart
    }
}

/// Where data comes from.
public struct SourceDefinition: Sendable, Hashable {
    /// The kinds of source. More kinds (SQLite, PostgreSQL) will be added as cases.
    public enum Kind: String, Sendable, Hashable {
        /// A folder of CSV, JSON and NDJSON files; each mapping names its file.
        case folder
        /// One CSV, JSON or NDJSON file.
        case file
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

/// How values are written in the sources: date patterns, separators, boolean words, nulls.
public struct ValueFormats: Sendable, Hashable {
    /// Pattern of `date` fields.
    public var date = TemporalFormat.automatic
    /// Pattern of `datetime` fields.
    public var datetime = TemporalFormat.automatic
    /// The byte between whole and fractional part of decimals.
    public var decimalSeparator = UInt8(ascii: ".")
    /// A digit-grouping byte to ignore in numbers, if any.
    public var groupingSeparator: UInt8?
    /// Words read as true (compared case-insensitively).
    public var trueWords = ["true", "yes", "y", "1", "t", "是"]
    /// Words read as false (compared case-insensitively).
    public var falseWords = ["false", "no", "n", "0", "f", "否"]
    /// Cell texts read as null besides the empty cell (`NULL`, `N/A`…).
    public var nullWords: [String] = []

    /// Creates the default formats.
    public init() {}
}

/// How one entity is fed: one or more source mappings whose rows are concatenated.
public struct EntityMapping: Sendable {
    /// The entity, with the workspace's custom fields added.
    public var entity: EntityDefinition
    /// The source mappings, in file order.
    public var parts: [SourceMapping]
}

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

    /// The file's absolute path.
    public var path: String
    /// The file's path as shown in messages (relative to the workspace).
    public var displayPath: String
    /// The file format, from the extension unless declared.
    public var format: FileFormat
    /// The CSV dialect.
    public var dialect: CSVDialect
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

/// How one field gets its values.
public struct FieldMapping: Sendable {
    /// Where values come from.
    public enum Origin: Sendable, Hashable {
        /// A source column, matched by header name ignoring case and surrounding spaces.
        case column(String)
        /// The same text for every row.
        case constant(String)
        /// Several source columns whose trimmed cells are joined by `separator`
        /// (`columns = ["vru+line", "call_id"]`, or `date = "…", time = "…"`). The value is null
        /// when any of the cells is null.
        case columns([String], separator: String)
    }

    /// The field fed.
    public var field: FieldDefinition
    /// Where its values come from.
    public var origin: Origin
    /// Source value → vocabulary value replacements, applied before type parsing.
    public var valueMap: [String: String]
    /// A date/datetime pattern overriding the file's.
    public var temporalFormat: TemporalFormat?
    /// Text used when the source cell is null.
    public var defaultValue: String?
    /// Cell texts read as null for this field only (`null = ["0:00:00"]`), besides the empty
    /// cell and the file's `null` words.
    public var nullWords: [String] = []

    /// The separator of a field built from several columns, as bytes (empty otherwise).
    var separatorBytes: [UInt8] {
        if case .columns(_, let separator) = origin { return Array(separator.utf8) }
        return []
    }
}
