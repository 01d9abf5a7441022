import Foundation

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
