/// Rows already cut into text cells and held in memory, as a ``RecordSource``: what the JSON
/// reader (``JSONReader``) and the aligned text reader (``AlignedTextReader``) produce.
struct BufferedRecordSource: RecordSource {
    /// One buffered row, lent to the consumer.
    struct Row: RecordRow {
        let number: Int
        let cells: [[UInt8]?]

        var count: Int { cells.count }

        func cell(_ index: Int) -> UnsafeRawBufferPointer {
            guard index < cells.count, let cell = cells[index] else {
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            return cell.withUnsafeBytes { $0 }  // Stable: the records array is immutable while lent.
        }
    }

    let header: [String]
    /// Per record: its number and its cells (nil for absent or null). JSON records have a cell
    /// per header column; rows of aligned text may have fewer or more.
    let records: [(number: Int, cells: [[UInt8]?])]
    let file: String
    /// The encoding the file was read with (JSON is always UTF-8; aligned text may be GB18030).
    var textEncoding: TextEncoding = .utf8

    init(header: [String], records: [(number: Int, cells: [[UInt8]?])], file: String) {
        self.header = header
        self.records = records
        self.file = file
    }

    var estimatedRowCount: Int { records.count }

    var encoding: TextEncoding? { textEncoding }

    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError) {
        for record in records {
            consumer.consume(Row(number: record.number, cells: record.cells))
        }
    }
}
