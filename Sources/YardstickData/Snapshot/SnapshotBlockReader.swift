#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the blocks of a snapshot file (``SnapshotFormat``) in one pass, verifying each
/// block's checksum before its bytes are used.
///
/// Arrays are read straight into their final storage, piece by piece, each piece hashed
/// while it is in cache: one copy from the page cache, no parse.
struct SnapshotBlockReader {
    private let descriptor: Int32
    /// The snapshot file, for errors.
    let file: String
    /// The file's size.
    private let size: Int
    /// The number of bytes read.
    private(set) var offset = 0
    /// The number of blocks read.
    private(set) var blockCount = 0
    /// The hash of every block checksum so far, in order.
    private(set) var runningHash: UInt64 = 0

    init(descriptor: Int32, file: String, size: Int) {
        self.descriptor = descriptor
        self.file = file
        self.size = size
    }

    /// Reads a metadata block.
    mutating func decoder() throws(SnapshotError) -> SnapshotDecoder {
        let bytes: [UInt8] = try array(limit: SnapshotFormat.metadataLimit)
        return SnapshotDecoder(bytes, file: file)
    }

    /// Reads an array block of plain values.
    mutating func array<Element: BitwiseCopyable>(
        of type: Element.Type = Element.self, limit: Int = .max
    ) throws(SnapshotError) -> [Element] {
        let length = Int(try word())
        let stride = MemoryLayout<Element>.stride
        guard length >= 0, length <= size - offset, length % stride == 0, length <= limit else {
            throw length > size - offset
                ? SnapshotError(.truncated, file: file, "a block of \(length) bytes runs past the end of the file")
                : SnapshotError(
                    .corrupt, file: file,
                    "a block of \(length) bytes where a list of \(stride)-byte values was expected")
        }
        var failure: SnapshotError?
        var checksum = SnapshotBlockChecksum.start(count: length)
        let values = [Element](unsafeUninitializedCapacity: length / stride) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < length {
                let end = min(done + SnapshotBlockChecksum.pieceSize, length)
                let piece = UnsafeMutableRawBufferPointer(rebasing: raw[done..<end])
                do throws(SnapshotError) {
                    try fill(piece)
                } catch {
                    failure = error
                    // Plain values need no clean-up: hand back zeroed storage.
                    raw.initializeMemory(as: UInt8.self, repeating: 0)
                    initialized = buffer.count
                    return
                }
                checksum = SnapshotBlockChecksum.add(UnsafeRawBufferPointer(piece), to: checksum)
                done = end
            }
            initialized = buffer.count
        }
        if let failure { throw failure }
        try finishBlock(length: length, checksum: checksum)
        return values
    }

    /// Reads the padding and checksum after a block's bytes, and checks the checksum.
    private mutating func finishBlock(length: Int, checksum: UInt64) throws(SnapshotError) {
        let padding = (8 - length % 8) % 8
        if padding > 0 {
            var pad: UInt64 = 0
            try withUnsafeMutableBytes(of: &pad) { (raw) throws(SnapshotError) in
                try fill(UnsafeMutableRawBufferPointer(rebasing: raw[0..<padding]))
            }
        }
        let stored = try word()
        guard stored == checksum else {
            throw SnapshotError(.corrupt, file: file, "block \(blockCount + 1) does not match its checksum")
        }
        blockCount += 1
        runningHash = FastHash.combine(runningHash, checksum)
    }

    /// Reads one little-endian 64-bit word.
    private mutating func word() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        try withUnsafeMutableBytes(of: &value) { (raw) throws(SnapshotError) in try fill(raw) }
        return UInt64(littleEndian: value)
    }

    /// Fills a buffer from the file, retrying short reads and interrupts.
    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(SnapshotError) {
        var done = 0
        while done < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if count < 0 {
                if errno == EINTR { continue }
                throw SnapshotError(.system, file: file, "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { throw SnapshotError(.truncated, file: file, "the file ends after \(offset) bytes") }
            done += count
            offset += count
        }
    }
}
