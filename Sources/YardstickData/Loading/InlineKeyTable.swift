import Foundation

/// A load-time table from reference values of 9 to ``maxLength`` bytes (Salesforce's 18-character
/// ids, long integers) to their codes in a column's ``StringDictionary``, each value kept whole in
/// its own 32-byte slot.
///
/// The dictionary's own lookup of such a value reads its slot and then the value's stored bytes
/// elsewhere (two cache misses, three when an 18-byte value straddles two lines); here a lookup
/// that finds the value reads one slot, 32-byte aligned so never split across cache lines, and
/// compares three words. The table only fronts the dictionary: a value it does not hold is
/// interned in the dictionary (which finds it when it is already there), so the codes, their
/// order and the dictionary are exactly what interning one by one gives. The column builder frees
/// the table once its rows are complete.
struct InlineKeyTable {
    /// The longest value kept in a slot.
    static let maxLength = 24
    /// The shortest value kept in a slot (shorter ones are packed into one word elsewhere).
    static let minLength = 9
    /// Words per slot: the entry, then the value's bytes in three words.
    private static let stride = 4

    /// `stride` words per slot, 64-byte aligned. Word 0 is 0 when empty, else
    /// `tag << 40 | length << 32 | (code + 1)` with a 24-bit hash fingerprint as the tag;
    /// words 1–3 are the value's bytes as little-endian words, zero-padded.
    private var slots: UnsafeMutablePointer<UInt64>?
    /// The allocation behind ``slots`` (which starts at its first 64-byte boundary, or 2 MiB
    /// boundary when mapped).
    private var allocation: UnsafeMutableRawPointer?
    /// The size of ``allocation`` when it was mapped with `mmap` (0 when it came from `calloc`).
    private var mappedByteCount = 0
    /// From this size the slots are mapped on their own, 2 MiB-aligned, and advised for 2 MiB
    /// pages (see ``HugePages``): lookups at random in a table of many 4 KiB pages miss the TLB
    /// as well as the cache.
    static let hugePageThreshold = HugePages.size
    private var mask = 0
    /// The values held.
    private(set) var count = 0

    /// Whether the table holds memory (it is allocated by the first ``intern`` call).
    var isAllocated: Bool { allocation != nil }

    /// Whether the slots were mapped on their own and advised for 2 MiB pages (from
    /// ``hugePageThreshold``): tests check that big tables take this path.
    var isMapped: Bool { mappedByteCount > 0 }

    /// The bytes of a value of ``minLength`` to ``maxLength`` bytes as three little-endian
    /// words, zero-padded: two or three loads, the last one overlapping (its bytes already read
    /// are shifted out), so no byte is read outside the value.
    @inline(__always)
    static func words(of value: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64) {
        let count = value.count
        let first = UInt64(littleEndian: value.loadUnaligned(as: UInt64.self))
        let last = UInt64(littleEndian: value.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        if count <= 16 { return (first, last >> UInt64((16 - count) * 8), 0) }
        let second = UInt64(littleEndian: value.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        return (first, second, last >> UInt64((24 - count) * 8))
    }

    /// The hash of a value given as its three words and length.
    @inline(__always)
    static func hash(_ first: UInt64, _ second: UInt64, _ third: UInt64, length: UInt8) -> UInt64 {
        var hash = (first ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 31) ^ second) &* 0x94D0_49BB_1331_11EB
        hash = (hash ^ (hash >> 29) ^ third ^ UInt64(length) << 56) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    /// The upper half of a slot's entry word for a value: its tag and length.
    @inline(__always)
    private static func key(_ hash: UInt64, length: UInt8) -> UInt64 { (hash >> 40) << 8 | UInt64(length) }

    /// Interns a batch of values, value `i` being `lengths[i]` bytes given as the three words at
    /// `words + 3 * i` (see ``words(of:)``), and writes its code in `dictionary` to
    /// `codes[positions[i]]`. The home slots of the whole batch are read first, in a loop that
    /// does nothing else, so their cache misses overlap; the values not found (new ones) then
    /// have their home slots in the dictionary read together, and are added in batch order.
    ///
    /// - Parameter initialCapacity: The distinct values the table is first sized for, when this
    ///   call allocates it.
    @inline(never)
    mutating func intern(
        _ words: UnsafePointer<UInt64>, lengths: UnsafePointer<UInt8>, hashes: UnsafeMutablePointer<UInt64>,
        count batchCount: Int, codes: UnsafeMutablePointer<Int32>, positions: UnsafePointer<Int>,
        into dictionary: inout StringDictionary, initialCapacity: Int
    ) {
        if allocation == nil {
            allocate(slotCount: Self.slotCount(for: initialCapacity))
            // A table started in front of an empty dictionary sees every value of 9 to 24
            // bytes it will hold (other lengths never equal them): the dictionary's own index
            // can wait until the rows are complete. One that already holds values (its index
            // deferred by an earlier table, or values of another builder) is indexed.
            if dictionary.count == 0 {
                dictionary.deferIndex()
            } else {
                dictionary.indexUnique()
            }
        }
        var touched: UInt64 = 0
        for index in 0..<batchCount {
            let value = words + 3 &* index
            hashes[index] = Self.hash(value[0], value[1], value[2], length: lengths[index])
        }
        if let table = slots {
            // Slot reads alone in a tight loop: many misses in flight at once.
            for index in 0..<batchCount {
                touched ^= table[(Int(truncatingIfNeeded: hashes[index]) & mask) &* Self.stride]
            }
        }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: batchCount) { missing in
            // Values found here get their codes; the others (new values, most of them early in
            // a file) wait, and their home slots in the dictionary are read first, together.
            var missingCount = 0
            for index in 0..<batchCount {
                let value = words + 3 &* index
                if let code = find(value[0], value[1], value[2], length: lengths[index], hash: hashes[index]) {
                    codes[positions[index]] = code
                } else {
                    missing[missingCount] = index
                    missingCount += 1
                }
            }
            guard missingCount > 0 else { return }
            // A dictionary whose index waits has no slot to read: new values are appended.
            for next in 0..<(dictionary.isIndexed ? missingCount : 0) {
                let index = missing[next]
                var bytes = Self.bytes(of: words + 3 &* index)
                touched ^= withUnsafeBytes(of: &bytes) {
                    dictionary.homeSlotWord(of: UnsafeRawBufferPointer(rebasing: $0[0..<Int(lengths[index])]))
                }
            }
            // In batch order, so new values get their codes in order of first appearance (a
            // value new twice in one batch is found the second time).
            for next in 0..<missingCount {
                let index = missing[next]
                let value = words + 3 &* index
                codes[positions[index]] = intern(
                    value[0], value[1], value[2], length: lengths[index], hash: hashes[index], into: &dictionary)
            }
        }
        if touched == 1 { Self.sink = touched }
    }

    /// The value's three words as bytes in memory order (the value is their first `length`).
    @inline(__always)
    private static func bytes(of words: UnsafePointer<UInt64>) -> (UInt64, UInt64, UInt64) {
        (words[0].littleEndian, words[1].littleEndian, words[2].littleEndian)
    }

    /// The code of a value held here, or nil.
    @inline(__always)
    private func find(_ first: UInt64, _ second: UInt64, _ third: UInt64, length: UInt8, hash: UInt64) -> Int32? {
        guard let table = slots else { return nil }
        let key = Self.key(hash, length: length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let place = table + slot &* Self.stride
            let entry = place[0]
            if entry == 0 { return nil }
            if entry >> 32 == key && place[1] == first && place[2] == second && place[3] == third {
                return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// The code of one value, found in its slot or else interned in `dictionary` and added.
    @inline(__always)
    private mutating func intern(
        _ first: UInt64, _ second: UInt64, _ third: UInt64, length: UInt8, hash: UInt64,
        into dictionary: inout StringDictionary
    ) -> Int32 {
        guard let table = slots else { fatalError("an inline key table is used before it is allocated") }
        let key = Self.key(hash, length: length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let place = table + slot &* Self.stride
            let entry = place[0]
            if entry == 0 { break }
            if entry >> 32 == key && place[1] == first && place[2] == second && place[3] == third {
                return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            }
            slot = (slot &+ 1) & mask
        }
        // Not here: the dictionary has it when the table started after the value was first
        // seen (a builder that took over another's dictionary), else it adds it. While the
        // dictionary's index waits (see `StringDictionary.deferIndex()`), every value of these
        // lengths it holds is here, so the value is new.
        var bytes = (first.littleEndian, second.littleEndian, third.littleEndian)
        let code = withUnsafeBytes(of: &bytes) {
            let value = UnsafeRawBufferPointer(rebasing: $0[0..<Int(length)])
            // Not in this table, hence new, when the dictionary's index waits for this table.
            return dictionary.isIndexed ? dictionary.intern(value).code : dictionary.appendUnique(value)
        }
        let place = table + slot &* Self.stride
        place[0] = key << 32 | UInt64(UInt32(truncatingIfNeeded: code) &+ 1)
        place[1] = first
        place[2] = second
        place[3] = third
        count += 1
        if count * 2 > mask + 1 { grow() }
        return code
    }

    /// Frees the memory; the table is empty afterwards (and allocated again when used again).
    mutating func free() {
        Self.release(allocation, mappedByteCount: mappedByteCount)
        allocation = nil
        mappedByteCount = 0
        slots = nil
        mask = 0
        count = 0
    }

    /// The number of slots (a power of two) for `distinct` values at most half full.
    private static func slotCount(for distinct: Int) -> Int {
        var size = 16
        while size < distinct * 2 { size <<= 1 }
        return size
    }

    /// Allocates `slotCount` empty slots (zeroed by `calloc`: fresh pages cost nothing until
    /// written).
    private mutating func allocate(slotCount: Int) {
        let byteCount = slotCount * Self.stride * MemoryLayout<UInt64>.stride
        let raw: UnsafeMutableRawPointer
        let aligned: Int
        if byteCount >= Self.hugePageThreshold {
            // Mapped pages are zero; only the whole 2 MiB pages inside are advised.
            let huge = Self.hugePageThreshold
            guard
                let mapped = mmap(nil, byteCount + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                mapped != MAP_FAILED
            else { fatalError("out of memory for an inline key table") }
            raw = mapped
            aligned = (Int(bitPattern: mapped) + huge - 1) & ~(huge - 1)
            if let start = UnsafeMutableRawPointer(bitPattern: aligned) {
                HugePages.advise(start, byteCount: byteCount)
            }
            mappedByteCount = byteCount + huge
        } else {
            guard let allocated = calloc(byteCount + 64, 1) else { fatalError("out of memory for an inline key table") }
            raw = allocated
            aligned = (Int(bitPattern: allocated) + 63) & ~63
            mappedByteCount = 0
        }
        allocation = raw
        slots = UnsafeMutableRawPointer(bitPattern: aligned)!.bindMemory(
            to: UInt64.self, capacity: slotCount * Self.stride)
        mask = slotCount - 1
        count = 0
    }

    /// Doubles the slots, placing every value again.
    private mutating func grow() {
        guard let old = slots, let oldAllocation = allocation else { return }
        let oldMapped = mappedByteCount
        let oldCount = mask + 1
        let held = count
        allocate(slotCount: oldCount * 2)
        count = held
        guard let table = slots else { return }
        for index in 0..<oldCount {
            let place = old + index &* Self.stride
            let entry = place[0]
            guard entry != 0 else { continue }
            let length = UInt8(truncatingIfNeeded: entry >> 32)
            var slot = Int(truncatingIfNeeded: Self.hash(place[1], place[2], place[3], length: length)) & mask
            while table[slot &* Self.stride] != 0 { slot = (slot &+ 1) & mask }
            (table + slot &* Self.stride).update(from: place, count: Self.stride)
        }
        Self.release(oldAllocation, mappedByteCount: oldMapped)
    }

    /// Gives back an allocation made by ``allocate(slotCount:)``.
    private static func release(_ allocation: UnsafeMutableRawPointer?, mappedByteCount: Int) {
        guard let allocation else { return }
        if mappedByteCount > 0 {
            _ = munmap(allocation, mappedByteCount)
        } else {
            Foundation.free(allocation)
        }
    }

    /// Keeps early slot reads from being optimised away.
    nonisolated(unsafe) private static var sink: UInt64 = 0
}
