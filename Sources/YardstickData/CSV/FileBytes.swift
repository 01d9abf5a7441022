#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a file or of an array, at a stable address for as long as this object lives.
///
/// Files are mapped rather than copied, so their pages stay in the page cache; readers release
/// the pages they are done with (``release(upTo:from:)``) and the process never holds more than
/// a window of a big file.
final class FileBytes: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool
    private let owned: [UInt8]

    /// Bytes already in memory.
    init(_ bytes: [UInt8]) {
        owned = bytes
        count = bytes.count
        mapped = false
        // An array's storage does not move while the array is not mutated.
        base = owned.withUnsafeBytes { UnsafeRawPointer($0.baseAddress) } ?? UnsafeRawPointer(bitPattern: 1)!
    }

    private init(mapping: UnsafeRawPointer, count: Int) {
        owned = []
        base = mapping
        self.count = count
        mapped = true
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// The bytes as a buffer.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The bytes of a file, or nil when it cannot be opened or read.
    static func read(_ path: String) -> FileBytes? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        if size > 0, (status.st_mode & S_IFMT) == S_IFREG,
            let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED
        {
            return FileBytes(mapping: UnsafeRawPointer(mapping), count: size)
        }
        // Not mappable (empty, a pipe…): read it.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 { return nil }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[..<got])
        }
        return FileBytes(bytes)
    }

    /// Gives back to the system the whole pages of a mapped file in `start..<end` (they are
    /// read again from the page cache if touched later). Does nothing for bytes in memory.
    func release(from start: Int, upTo end: Int) {
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (start + page - 1) / page * page
        let last = end / page * page
        guard last > first else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, Int32(MADV_DONTNEED))
    }
}
