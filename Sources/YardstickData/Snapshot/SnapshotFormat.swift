/// The layout of a snapshot file, version by version.
///
/// A snapshot is a sequence of blocks, each `[byte count: UInt64][bytes, zero-padded to a
/// multiple of 8][checksum of the bytes: UInt64]` (little-endian, ``FastHash``). The first
/// block is the header (magic, version and the ``SnapshotKey``), then come the tables, each
/// stored type by its own codec (``DatasetCodec`` and the codecs it calls), and last the end
/// block, which holds the number of blocks before it and the hash of all their checksums: a
/// file cut at a block boundary lacks it and is refused like any other truncated file.
enum SnapshotFormat {
    /// The first 8 bytes of the header block.
    static let magic: [UInt8] = Array("YSNAPSHT".utf8)
    /// Raised whenever any codec's layout changes; snapshots of another version are rebuilt.
    static let version: UInt32 = 3
    /// The largest metadata block read (arrays are bounded by the file's size instead).
    static let metadataLimit = 64 << 20
}
