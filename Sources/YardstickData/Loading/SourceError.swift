import YardstickLocalization

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
        let text = located
        guard let key else { return text }
        return tr("%@ (row with id %@)", text, key)
    }

    /// The message after its place; in Chinese the place is written out (`deals.csv 第 3 行，列
    /// close_date（字段 expected_close）：…`).
    private var located: String {
        let field = field == column ? nil : field
        return switch (row, column, field) {
        case (let row?, let column?, let field?): tr("%@:%@:%@ (%@): %@", file, row, column, field, message)
        case (let row?, let column?, nil): tr("%@:%@:%@: %@", file, row, column, message)
        case (let row?, nil, let field?): tr("%@:%@ (%@): %@", file, row, field, message)
        case (let row?, nil, nil): tr("%@:%@: %@", file, row, message)
        case (nil, let column?, let field?): tr("%@:%@ (%@): %@", file, column, field, message)
        case (nil, let column?, nil): tr("%@:%@: %@", file, column, message)
        case (nil, nil, let field?): tr("%@ (%@): %@", file, field, message)
        case (nil, nil, nil): tr("%@: %@", file, message)
        }
    }
}
