/// How a CSV file is written: its delimiter and text encoding.
public struct CSVDialect: Sendable, Hashable {
    /// The field separator byte (`,` by default; `;` and tab are common in European exports).
    public var delimiter: UInt8
    /// The declared text encoding.
    public var encoding: TextEncoding

    /// Creates a dialect.
    public init(delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .automatic) {
        self.delimiter = delimiter
        self.encoding = encoding
    }
}
