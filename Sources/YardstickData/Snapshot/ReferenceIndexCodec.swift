/// How a ``ReferenceIndex`` is stored in a snapshot: its offsets and rows, read back as they
/// are instead of sorted again.
enum ReferenceIndexCodec {
    static func write(_ index: ReferenceIndex, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        try writer.write(index.offsets)
        try writer.write(index.rows)
    }

    static func read(from reader: inout SnapshotBlockReader, targetCount: Int) throws(SnapshotError)
        -> ReferenceIndex
    {
        let offsets: [Int32] = try reader.array()
        let rows: [Int32] = try reader.array()
        guard offsets.count == targetCount + 1, Int(offsets.last ?? -1) == rows.count else {
            throw SnapshotError(.corrupt, file: reader.file, "a reference index does not fit its tables")
        }
        return ReferenceIndex(offsets: offsets, rows: rows)
    }
}

extension ReferenceIndex {
    /// A reference index from its stored parts (``ReferenceIndexCodec``).
    init(offsets: [Int32], rows: [Int32]) {
        self.offsets = offsets
        self.rows = rows
    }
}
