import FuzzSupport
import YardstickData

/// The options one CSV fuzz input chooses with its first two bytes.
struct CSVFuzzOptions {
    /// Delimiters the workspace accepts that real exports use, then odd but legal ones.
    static let delimiters: [UInt8] = Array(",;\t| :".utf8) + [0x1F]

    /// The reader's dialect.
    var dialect: CSVDialect
    /// Map the file's columns by header name (no `[fields]`), or through an explicit
    /// `[fields]` table with `map`, `default`, `format` and a constant.
    var explicitFields: Bool
    /// Load leniently (bad rows skipped and reported) or strictly.
    var lenient: Bool

    init(_ input: inout FuzzInput) {
        let first = input.byte()
        let encoding = TextEncoding.allCases[Int(first & 0x03) % TextEncoding.allCases.count]
        let delimiter = Self.delimiters[Int(first >> 2) % Self.delimiters.count]
        dialect = CSVDialect(delimiter: delimiter, encoding: encoding)
        let second = input.byte()
        explicitFields = second & 1 == 1
        lenient = second & 2 == 2
    }
}
