/// How a ``Validity`` bitmap is stored in a snapshot: its counts, then its words.
enum ValidityCodec {
    static func write(_ validity: Validity, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        meta.append(validity.count)
        meta.append(validity.nullCount)
        try writer.write(meta)
        try writer.write(validity.words)
    }

    static func read(from reader: inout SnapshotBlockReader) throws(SnapshotError) -> Validity {
        var meta = try reader.decoder()
        let count = try meta.count(limit: .max)
        let nullCount = try meta.count(limit: count)
        let words: [UInt64] = try reader.array()
        guard words.count * 64 >= count else {
            throw SnapshotError(
                .corrupt, file: reader.file, "a validity bitmap of \(count) rows has \(words.count) words")
        }
        return Validity(words: words, count: count, nullCount: nullCount)
    }
}
