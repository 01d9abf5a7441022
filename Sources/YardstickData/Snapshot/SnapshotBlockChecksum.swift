/// The checksum of one snapshot block: the ``FastHash`` of each 256 KiB piece, chained.
///
/// Pieces let a reader hash each piece right after reading it, while it is still in cache,
/// and give the same checksum whatever the reader's chunking.
enum SnapshotBlockChecksum {
    /// The piece size, in bytes.
    static let pieceSize = 256 << 10

    /// The checksum of a whole block.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = FastHash.hash(UnsafeRawBufferPointer(start: nil, count: 0), seed: UInt64(bytes.count))
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + pieceSize, bytes.count)
            checksum = add(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), to: checksum)
            offset = end
        }
        return checksum
    }

    /// The start of a block's checksum, before its first piece.
    static func start(count: Int) -> UInt64 {
        FastHash.hash(UnsafeRawBufferPointer(start: nil, count: 0), seed: UInt64(count))
    }

    /// Adds one piece (of ``pieceSize`` bytes, the last one shorter) to a checksum.
    static func add(_ piece: UnsafeRawBufferPointer, to checksum: UInt64) -> UInt64 {
        FastHash.combine(checksum, FastHash.hash(piece))
    }
}
