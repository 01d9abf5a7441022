import YardstickData

/// A record source held in memory, as a database source would hand rows over: a header, and
/// rows numbered by the source (not by file line), with nil for a null cell.
struct InMemoryRecordSource: RecordSource {
    /// The cells' bytes, allocated once and alive as long as the source.
    final class Storage: @unchecked Sendable {
        let rows: [(number: Int, cells: [UnsafeRawBufferPointer])]

        init(_ rows: [(number: Int, cells: [String?])]) {
            self.rows = rows.map { row in
                let cells = row.cells.map { cell -> UnsafeRawBufferPointer in
                    let bytes = Array((cell ?? "").utf8)
                    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
                    bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
                    return UnsafeRawBufferPointer(buffer)
                }
                return (row.number, cells)
            }
        }

        deinit {
            for row in rows {
                for cell in row.cells { UnsafeMutableRawBufferPointer(mutating: cell).deallocate() }
            }
        }
    }

    /// One row, lent to the consumer.
    struct Row: RecordRow {
        let number: Int
        let cells: [UnsafeRawBufferPointer]
        var count: Int { cells.count }
        func cell(_ index: Int) -> UnsafeRawBufferPointer {
            index < cells.count ? cells[index] : UnsafeRawBufferPointer(start: nil, count: 0)
        }
    }

    let header: [String]
    let storage: Storage
    /// A failure to throw after handing over this many rows (a dropped connection).
    var failure: (afterRows: Int, error: SourceError)?

    init(header: [String], rows: [(number: Int, cells: [String?])]) {
        self.header = header
        storage = Storage(rows)
    }

    var estimatedRowCount: Int { storage.rows.count }

    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError) {
        for (index, row) in storage.rows.enumerated() {
            if let failure, failure.afterRows == index { throw failure.error }
            consumer.consume(Row(number: row.number, cells: row.cells))
        }
    }
}

/// Serves in-memory sources by the mapping's display path; any other part is an error.
struct InMemorySourceOpener: RecordSourceOpener {
    let sources: [String: InMemoryRecordSource]

    func open(_ part: SourceMapping) throws(SourceError) -> any RecordSource {
        guard let source = sources[part.displayPath] else {
            throw SourceError(file: part.displayPath, message: "no such table in memory")
        }
        return source
    }
}
