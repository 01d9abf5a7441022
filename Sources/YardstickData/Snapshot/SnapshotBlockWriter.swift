import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the blocks of a snapshot file (``SnapshotFormat``) to an open file.
///
/// Arrays are written straight from their storage, with no copy; each block's checksum is
/// computed piece by piece (``SnapshotBlockChecksum``) while the bytes are in cache.
struct SnapshotBlockWriter {
    private let descriptor: Int32
    /// The file being written, for errors.
    let file: String
    /// The number of blocks written.
    private(set) var blockCount = 0
    /// The hash of every block checksum so far, in order.
    private(set) var runningHash: UInt64 = 0
    /// The number of bytes written.
    private(set) var byteCount = 0
    /// A test hook: after this many bytes the write stops as a killed process would (see
    /// ``SnapshotInterruption``).
    var interruption: SnapshotInterruption?

    init(descriptor: Int32, file: String) {
        self.descriptor = descriptor
        self.file = file
    }

    /// Writes the metadata of an encoder as one block.
    mutating func write(_ encoder: SnapshotEncoder) throws(SnapshotError) {
        try write(encoder.bytes)
    }

    /// Writes an array of plain values as one block.
    mutating func write<Element: BitwiseCopyable>(_ values: [Element]) throws(SnapshotError) {
        var failure: SnapshotError?
        values.withUnsafeBytes { bytes in
            do throws(SnapshotError) {
                try writeBlock(bytes)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Writes one block: its length, its bytes padded to 8, its checksum.
    mutating func writeBlock(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        let checksum = SnapshotBlockChecksum.of(bytes)
        var length = UInt64(bytes.count).littleEndian
        try withUnsafeBytes(of: &length) { (raw) throws(SnapshotError) in try put(raw) }
        try put(bytes)
        let padding = (8 - bytes.count % 8) % 8
        var trailer: (UInt64, UInt64) = (0, checksum.littleEndian)
        try withUnsafeBytes(of: &trailer) { (raw) throws(SnapshotError) in
            try put(UnsafeRawBufferPointer(rebasing: raw[(8 - padding)...]))
        }
        blockCount += 1
        runningHash = FastHash.combine(runningHash, checksum)
    }

    /// Writes bytes, retrying short writes and interrupts.
    private mutating func put(_ buffer: UnsafeRawBufferPointer) throws(SnapshotError) {
        var offset = 0
        while offset < buffer.count {
            var chunk = buffer.count - offset
            if let interruption {
                chunk = min(chunk, max(0, interruption.afterBytes - byteCount))
                if chunk == 0 { try interruption.interrupt(file: file) }
            }
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, chunk)
            if written < 0 {
                if errno == EINTR { continue }
                throw SnapshotError(.system, file: file, tr("write failed: %@", String(cString: strerror(errno))))
            }
            offset += written
            byteCount += written
        }
    }
}

/// `write(2)`, out of reach of the writer's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
