/// A problem with a source file as a whole, or with one value in it.
///
/// Rendered as `file:row:column (field): message`, where the row is the line on which the
/// record starts (the header is line 1) and the column is the source column's header name.
public struct SourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the workspace when known.
    public var file: String
    /// The line on which the offending record starts.
    public var row: Int?
    /// The source column's header name.
    public var column: String?
    /// The vocabulary field fed by that column.
    public var field: String?
    /// What was expected and what was found.
    public var message: String
    /// The rejected value as it stands in the file (its first 4 KiB), when one value is at
    /// fault; written to the rejects file.
    public var value: String?

    /// The `id` of the rejected row, for sources whose row numbers are ordinals in a result
    /// (databases); nil for files and for errors about the source as a whole.
    public var key: String?

    /// The longest ``value`` kept, in bytes.
    public static let valueLimit = 4096

    /// Creates an error.
    public init(
        file: String, row: Int? = nil, column: String? = nil, field: String? = nil,
        value: String? = nil, message: String
    ) {
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.message = message
        self.value = value
    }

    /// `file:row:column (field): message`.
    public var description: String {
        var place = file
        if let row { place += ":\(row)" }
        if let column { place += ":\(column)" }
        if let field, field != column { place += " (\(field))" }
        if let key { return place + ": " + message + " (row with id \(key))" }
        return place + ": " + message
    }
}
