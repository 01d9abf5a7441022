import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The content hash of a source file: the ``FastHash`` of each 1 MiB piece, chained in file
/// order, the pieces hashed on all cores.
enum ContentHash {
    /// The piece size, in bytes.
    static let pieceSize = 1 << 20

    /// The hash of a file's bytes, or nil when it cannot be read.
    static func of(file path: String) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let pieces = (size + pieceSize - 1) / pieceSize
        let hashes = ResultSlots<UInt64?>(count: pieces)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, pieces))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
            defer { buffer.deallocate() }
            var piece = worker
            while piece < pieces {
                let start = piece * pieceSize
                let length = min(pieceSize, size - start)
                var done = 0
                while done < length {
                    let count = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(start + done))
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { break }
                    done += count
                }
                hashes.set(
                    piece, done == length ? FastHash.hash(UnsafeRawBufferPointer(rebasing: buffer[0..<length])) : nil)
                piece += workers
            }
        }
        var hash = FastHash.hash(UnsafeRawBufferPointer(start: nil, count: 0), seed: UInt64(size))
        let values = hashes.values
        guard values.count == pieces else { return nil }
        for piece in values {
            guard let piece else { return nil }
            hash = FastHash.combine(hash, piece)
        }
        return hash
    }
}
