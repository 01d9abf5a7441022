/// How a ``StringDictionary`` is stored in a snapshot: its values and its lookup index as they
/// are in memory, so a restored dictionary answers lookups at once, without rehashing.
///
/// The index layout belongs to this build of `StringDictionary`; a snapshot from another
/// build is never read (``SnapshotKey/build``). `SnapshotCodecCoverageTests` fails when the
/// type gains or loses a stored property, so that this codec is updated with it.
enum StringDictionaryCodec {
    static func write(_ dictionary: StringDictionary, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        meta.append(dictionary.mask)
        meta.append(dictionary.stride)
        meta.append(dictionary.isSorted)
        meta.append(dictionary.isIndexed)
        meta.append(dictionary.codesAreUnique)
        try writer.write(meta)
        try writer.write(dictionary.bytes)
        try writer.write(dictionary.ends)
        try writer.write(dictionary.slots)
    }

    static func read(from reader: inout SnapshotBlockReader) throws(SnapshotError) -> StringDictionary {
        var meta = try reader.decoder()
        var dictionary = StringDictionary(capacity: 0)
        dictionary.mask = try meta.count(limit: .max)
        dictionary.stride = try meta.count(limit: 2)
        dictionary.isSorted = try meta.bool()
        dictionary.isIndexed = try meta.bool()
        dictionary.codesAreUnique = try meta.bool()
        dictionary.bytes = try reader.array()
        dictionary.ends = try reader.array()
        dictionary.slots = try reader.array()
        let slotCount = dictionary.mask + 1
        guard dictionary.stride >= 1, slotCount & dictionary.mask == 0,
            dictionary.slots.count == slotCount * dictionary.stride,
            Int(dictionary.ends.last ?? 0) == dictionary.bytes.count
        else {
            throw SnapshotError(.corrupt, file: reader.file, "a string dictionary's parts do not fit together")
        }
        return dictionary
    }
}
