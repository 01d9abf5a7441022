/// How the columns of a `whitespace` or `fixed` text file are found.
///
/// A `whitespace` file (`format = "whitespace"`) splits each line at runs of spaces and tabs,
/// ignoring leading and trailing ones: CDNOW's `CDNOW_master.txt` as shipped,
/// ` 00001 19970101  1   11.77`. A `fixed` file (`format = "fixed"`) cuts each line at the
/// character widths given by `widths = [6, 9, 3, 8]`; the last column takes the rest of the line.
/// Either kind has a header line cut the same way, unless `column_names = [...]` names the
/// columns of a file without one.
public struct AlignedTextLayout: Sendable, Hashable {
    /// The widths of the columns of a `fixed` file, in characters; empty for `whitespace`.
    public var widths: [Int]
    /// The column names of a file without a header line; nil when the first line is the header.
    public var columnNames: [String]?

    /// Creates a layout.
    public init(widths: [Int] = [], columnNames: [String]? = nil) {
        self.widths = widths
        self.columnNames = columnNames
    }
}
