/// How a ``DateIndex`` is stored in a snapshot: its first day, offsets, rows and per-row local
/// days, read back as they are instead of computed and sorted again.
enum DateIndexCodec {
    static func write(_ index: DateIndex, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        meta.append(index.firstDay)
        try writer.write(meta)
        try writer.write(index.offsets)
        try writer.write(index.rows)
        try writer.write(index.localDays)
    }

    static func read(from reader: inout SnapshotBlockReader, rowCount: Int) throws(SnapshotError) -> DateIndex {
        var meta = try reader.decoder()
        let firstDay = try meta.int32()
        let offsets: [Int32] = try reader.array()
        let rows: [Int32] = try reader.array()
        let localDays: [Int32] = try reader.array()
        guard !offsets.isEmpty, Int(offsets.last ?? -1) == rows.count, localDays.count == rowCount else {
            throw SnapshotError(.corrupt, file: reader.file, "a date index does not fit its table")
        }
        return DateIndex(firstDay: firstDay, offsets: offsets, rows: rows, localDays: localDays)
    }
}

extension DateIndex {
    /// A date index from its stored parts (``DateIndexCodec``).
    init(firstDay: Int32, offsets: [Int32], rows: [Int32], localDays: [Int32]) {
        self.firstDay = firstDay
        self.offsets = offsets
        self.rows = rows
        self.localDays = localDays
    }
}
