import Foundation

/// Backing for big hash tables by 2 MiB pages where the system allows it for advised ranges
/// (Linux transparent huge pages in `madvise` mode, the usual default).
///
/// Lookups at random in a table of several MiB miss the TLB as well as the cache when it is
/// made of 4 KiB pages (a 64 MiB key index is 16,384 of them); with 2 MiB pages the page walks
/// go. The advice changes no content and no size: a table is zero-filled as before, only the
/// pages behind it differ. Elsewhere (or when the system says no) nothing changes.
enum HugePages {
    /// The size of a huge page.
    static let size = 2 << 20

    /// Tables of at least this many bytes are advised (the key index of millions of ids). An
    /// allocation this big always gets a mapping of its own from glibc (its mmap threshold never
    /// grows past 32 MiB), so the advice goes with the table when it is freed; advising a range
    /// of the heap instead would leave it on memory that small allocations reuse later, each
    /// then faulting in 2 MiB.
    static let threshold = 32 << 20

    /// Advises the whole 2 MiB pages inside `byteCount` bytes from `start`; call it before the
    /// pages are first written.
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
            let begin = (Int(bitPattern: start) + size - 1) & ~(size - 1)
            let end = (Int(bitPattern: start) + byteCount) & ~(size - 1)
            guard end > begin, let aligned = UnsafeMutableRawPointer(bitPattern: begin) else { return }
            _ = madvise(aligned, end - begin, Int32(MADV_HUGEPAGE))
        #endif
    }

    /// `count` zero words, the whole 2 MiB pages among them advised (see ``advise(_:byteCount:)``)
    /// when they are at least ``threshold`` bytes.
    static func zeroedWords(count: Int) -> [UInt64] {
        let byteCount = count * MemoryLayout<UInt64>.stride
        guard byteCount >= threshold else { return Array(repeating: 0, count: count) }
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                advise(UnsafeMutableRawPointer(base), byteCount: byteCount)
                buffer.initialize(repeating: 0)
            }
            initialized = count
        }
    }
}
