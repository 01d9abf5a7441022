/// A CSV file positioned after its header, as a ``RecordSource`` whose rows are the reader's
/// ``CSVRecord``s (lent straight from its buffers, never copied).
struct CSVRecordSource: RecordSource {
    var reader: CSVReader
    let header: [String]
    let file: String

    var estimatedRowCount: Int { reader.remainingByteCount / max(16, header.count * 8) }

    var encoding: TextEncoding? { reader.encoding }

    /// Only in a file where the encoding scan saw a NUL byte.
    var mayContainNUL: Bool { reader.containsNUL }

    /// The rest of the file cut into up to `count` runs of whole records.
    func segments(_ count: Int) -> [CSVRecordSource] {
        reader.segments(count).map { CSVRecordSource(reader: $0, header: header, file: file) }
    }

    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError) {
        var reader = self.reader
        do {
            try reader.forEachRecord { record in
                consumer.consume(record)
                return true
            }
        } catch let error as SourceError {
            var located = error
            located.file = file
            throw located
        } catch {
            throw SourceError(file: file, message: "\(error)")
        }
    }
}
