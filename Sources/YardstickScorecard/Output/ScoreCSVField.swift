import YardstickEngine

/// How the score CSV escapes a text cell: exactly as the run's CSV does
/// (`CSVReportWriter.appendField`, RFC 4180 quoting when the text holds a comma, a quote or a
/// line break), with a fast path for the usual cell that needs no quoting.
enum ScoreCSVField {
    /// Appends `text` escaped for CSV.
    ///
    /// A native string's bytes are scanned and copied in one pass over its storage, without an
    /// iterator per byte; a text that needs quoting (or has no contiguous storage) is written by
    /// `CSVReportWriter.appendField`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            for byte in utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied != true { CSVReportWriter.appendField(text, to: &bytes) }
    }
}
