extension RowSink {
    /// Feeds a sink the rows of a ``RecordSource``: checks each row's width (and its cells for
    /// NUL bytes where the source may hold them), consumes it, and records what rejected it.
    ///
    /// The loader reads every source through this one consumer; for the built-in sources the
    /// call from the source's loop is specialised and inlined, so the sink is reached without
    /// a reference count or dynamic call per row.
    struct Consumer: RecordConsumer {
        /// The sink, unretained: the loader keeps it alive while the source is read.
        let handle: Unmanaged<RowSink>
        let width: Int
        let checksNUL: Bool
        let sampleSize: Int
        /// The source column of the `id` field, when rejected rows are named by their key
        /// (``RecordSource/namesRowsByKey``).
        var keyColumn: Int?
        /// The problems found so far (rejected rows; file errors are added by the loader).
        var report = EntityLoadReport(entity: "")

        init(sink: RowSink, checksNUL: Bool, sampleSize: Int) {
            handle = Unmanaged.passUnretained(sink)
            width = sink.header.count
            self.checksNUL = checksNUL
            self.sampleSize = sampleSize
        }

        @inline(__always)
        mutating func consume<Row: RecordRow & ~Copyable>(_ row: borrowing Row) {
            let problem = handle._withUnsafeGuaranteedRef { sink -> SourceError? in
                let line = row.number
                guard row.count == width else {
                    return sink.widthProblem(line: line, found: row.count, expected: width)
                }
                if checksNUL, let problem = sink.nulProblem(line: line, cells: row) {
                    return problem
                }
                return sink.consume(line: line, cells: row)
            }
            guard var problem else { return }
            if let keyColumn, keyColumn < row.count {
                let cell = row.cell(keyColumn)
                if !cell.isEmpty { problem.key = String(decoding: cell.prefix(256), as: UTF8.self) }
            }
            report.record(problem, sampleSize: sampleSize)
        }
    }
}
