import Foundation

/// A set of distinct strings, each given a dense integer code in order of first appearance.
///
/// String columns store codes, not strings: a column of a million deal stages or owner names is
/// a million `Int32`s plus one copy of each distinct value. Values are interned straight from
/// UTF-8 bytes through an open-addressing hash table whose slots carry a hash fingerprint, so a
/// lookup usually costs one slot read and one comparison, and loading never allocates a
/// `String` per cell.
///
/// Key columns and columns of nearly unique text (names, subjects) are filled with
/// `appendWithoutLookup(_:)` instead: every row gets its own code and no hash table is kept
/// until `buildIndex()` (both are the loader's, `package` only).
public struct StringDictionary: Sendable {
    var bytes: [UInt8] = []
    /// The end offset of each value in ``bytes`` (32 bits: a column's distinct text stays
    /// under 4 GiB; appending beyond that stops with a message).
    var ends: [UInt32] = []
    /// Slots, `stride` words each. Word 0 is 0 when empty, else `tag << 32 | (code + 1)`.
    /// In the wide layout (interned dictionaries) word 1 holds the bytes of a value of at most
    /// 8 bytes, whose tag is then its length with the top bit set, so a short value is found
    /// and compared without reading ``bytes``; for a longer value (tagged with a hash
    /// fingerprint) word 1 is `length << 32 | offset`, where its bytes start in ``bytes``, so
    /// it is compared without reading ``ends`` first (one cache miss fewer per lookup). The
    /// compact layout (key indexes of millions of values) has one word per slot and tags every
    /// value with a hash fingerprint.
    var slots: [UInt64]
    var mask: Int
    var stride: Int
    /// Set when ``buildIndex()`` found the values in strictly ascending byte order (ids written
    /// in order): lookups then search ``bytes`` by bisection and no slots are kept.
    var isSorted = false
    /// At least this many values are worth checking for ascending order instead of hashing.
    static let sortedIndexThreshold = 1 << 17

    /// Creates an empty dictionary.
    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = HugePages.zeroedWords(count: size * 2)
        mask = size - 1
        stride = 2
    }

    /// The number of codes.
    public var count: Int { ends.count }

    /// Whether lookups work (false after ``appendWithoutLookup(_:)`` until ``buildIndex()``).
    package internal(set) var isIndexed = true

    /// Whether every code stands for a different value (false once rows were appended without
    /// lookup: the same text may then have several codes).
    package internal(set) var codesAreUnique = true

    /// The value of a code.
    public subscript(code: Int32) -> String {
        withBytes(of: code) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a code's value.
    public func withBytes<R>(of code: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let index = Int(code)
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }

    /// Every value, in code order.
    public var values: [String] { (0..<Int32(count)).map { self[$0] } }

    /// Appends a value under a new code without looking it up. Call ``buildIndex()`` before
    /// looking values up.
    package mutating func appendWithoutLookup(_ value: UnsafeRawBufferPointer) -> Int32 {
        bytes.append(contentsOf: value)
        ends.append(Self.offset(bytes.count))
        isIndexed = false
        isSorted = false
        codesAreUnique = false
        return Int32(ends.count - 1)
    }

    /// Whether the dictionary holds distinct values but no index yet (after
    /// ``deferIndex()``): values come through ``appendUnique(_:)`` until ``indexUnique()``.
    var awaitsIndex: Bool { !isIndexed && codesAreUnique }

    /// Drops the (empty) dictionary's hash table until ``indexUnique()``: its caller keeps the
    /// values distinct on its own (an ``InlineKeyTable`` in front of a reference column), so
    /// keeping this table up to date as well would read and write a second table per new
    /// value, and grow it by rehashing, for nothing.
    mutating func deferIndex() {
        precondition(count == 0, "only an empty dictionary defers its index")
        slots = [0, 0]
        mask = 0
        stride = 2
        isSorted = false
        isIndexed = false
        codesAreUnique = true
    }

    /// Appends a value the caller knows is not present, under a new code, while the index is
    /// deferred (see ``deferIndex()``).
    @inline(__always)
    mutating func appendUnique(_ value: UnsafeRawBufferPointer) -> Int32 {
        precondition(awaitsIndex, "appendUnique needs a dictionary that deferred its index")
        bytes.append(contentsOf: value)
        ends.append(Self.offset(bytes.count))
        return Int32(ends.count - 1)
    }

    /// Indexes a dictionary whose index was deferred (see ``deferIndex()``) in the wide layout
    /// interned dictionaries have, with the table size interning the values one by one would
    /// have reached: lookups, interning and the batched paths work as if it had never been
    /// deferred. The home slots of 64 values at a time are read first, in a loop that does
    /// nothing else, so their cache misses overlap.
    mutating func indexUnique() {
        guard awaitsIndex else { return }
        var size = 16
        // Interning grows the table as soon as it is more than half full.
        while size < ends.count * 2 { size <<= 1 }
        stride = 2
        mask = size - 1
        slots = []
        slots = HugePages.zeroedWords(count: size * 2)
        let mask = self.mask
        var touched: UInt64 = 0
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { hashes in
            bytes.withUnsafeBytes { stored in
                ends.withUnsafeBufferPointer { ends in
                    slots.withUnsafeMutableBufferPointer { table in
                        var first = 0
                        while first < ends.count {
                            let last = min(first + 64, ends.count)
                            for code in first..<last {
                                hashes[code - first] = Self.wideHash(Self.value(stored, ends, code))
                            }
                            // Slot reads alone in a tight loop: many misses in flight at once.
                            for code in first..<last {
                                touched ^= table[(Int(truncatingIfNeeded: hashes[code - first]) & mask) &* 2]
                            }
                            for code in first..<last {
                                let value = Self.value(stored, ends, code)
                                let hash = hashes[code - first]
                                var slot = Int(truncatingIfNeeded: hash) & mask
                                while table[slot &* 2] != 0 { slot = (slot &+ 1) & mask }
                                let start = code == 0 ? 0 : Int(ends[code - 1])
                                if value.count <= 8 {
                                    table[slot &* 2] = (0x8000_0000 | UInt64(value.count)) << 32 | UInt64(code + 1)
                                    table[slot &* 2 &+ 1] = Self.packed(value)
                                } else {
                                    table[slot &* 2] = Self.compactTag(hash) << 32 | UInt64(code + 1)
                                    table[slot &* 2 &+ 1] = UInt64(value.count) << 32 | UInt64(start)
                                }
                            }
                            first = last
                        }
                    }
                }
            }
        }
        if touched == 1 { Self.sink = touched }
        isIndexed = true
    }

    /// Reserves room for `values` more values of `byteCount` bytes in all.
    mutating func reserve(values: Int, byteCount: Int) {
        ends.reserveCapacity(ends.count + values)
        bytes.reserveCapacity(bytes.count + byteCount)
    }

    /// The number of bytes of all values.
    var totalByteCount: Int { bytes.count }

    /// The number of value bytes stored without reallocating.
    var byteCapacity: Int { bytes.capacity }

    /// Appends every value of another dictionary under new codes (its code `c` becomes
    /// `count + c`), without lookup, as ``appendWithoutLookup(_:)`` does one by one.
    mutating func appendWithoutLookup(contentsOf other: StringDictionary) {
        guard other.count > 0 else { return }
        let base = Self.offset(bytes.count)
        bytes.append(contentsOf: other.bytes)
        _ = Self.offset(bytes.count)
        ends.reserveCapacity(ends.count + other.ends.count)
        for end in other.ends { ends.append(end + base) }
        isIndexed = false
        isSorted = false
        codesAreUnique = false
    }

    /// Indexes every value for lookup; a value present under several codes is found under its
    /// first code.
    ///
    /// - Returns: Per code that repeats an earlier value, the pair (repeat, first).
    @discardableResult
    package mutating func buildIndex() -> [(repeat: Int32, first: Int32)] {
        buildIndex(parts: 1).repeats
    }

    /// How ``buildIndex(parts:)`` indexed the values.
    package enum IndexPath: Equatable, Sendable {
        /// Already in strictly ascending order: found by bisection, no hash table.
        case sorted
        /// A hash table filled by one thread.
        case hashed
        /// A hash table filled by this many threads, each owning a range of its slots.
        case hashedInParts(Int)
    }

    /// Indexes every value for lookup, as ``buildIndex()`` does, filling the hash table with
    /// up to `parts` threads when there are at least ``parallelIndexThreshold`` values (ids in
    /// no order: GUIDs, Salesforce ids, unsorted integers).
    ///
    /// - Returns: The repeats, as ``buildIndex()`` returns them, and the path taken.
    package mutating func buildIndex(parts: Int) -> (repeats: [(repeat: Int32, first: Int32)], path: IndexPath) {
        // Many values already in strictly ascending order (ids in file order) are unique and
        // can be found by bisection: no table of millions of slots to fill.
        if ends.count >= Self.sortedIndexThreshold && isStrictlyAscending() {
            slots = [0]
            mask = 0
            stride = 1
            isSorted = true
            isIndexed = true
            codesAreUnique = true
            return ([], .sorted)
        }
        if parts > 1 && ends.count >= Self.parallelIndexThreshold {
            return (buildHashIndex(parts: parts), .hashedInParts(parts))
        }
        return (buildHashIndex(), .hashed)
    }

    /// At least this many values in no order are indexed on several threads.
    static let parallelIndexThreshold = 1 << 16

    /// Whether every value is greater (in byte order) than the one before it.
    private func isStrictlyAscending() -> Bool {
        bytes.withUnsafeBytes { stored in
            ends.withUnsafeBufferPointer { ends in
                guard let base = stored.baseAddress else { return ends.count <= 1 }
                var previousStart = 0
                for index in 1..<max(1, ends.count) {
                    let start = Int(ends[index - 1])
                    let order = Self.compare(
                        base + previousStart, start - previousStart, base + start, Int(ends[index]) - start)
                    if order >= 0 { return false }
                    previousStart = start
                }
                return true
            }
        }
    }

    /// The byte order of two values: negative, zero or positive.
    @inline(__always)
    private static func compare(_ a: UnsafeRawPointer, _ aCount: Int, _ b: UnsafeRawPointer, _ bCount: Int)
        -> Int
    {
        let common = min(aCount, bCount)
        var offset = 0
        while offset + 8 <= common {
            let x = a.loadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian
            let y = b.loadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian
            if x != y { return x < y ? -1 : 1 }
            offset += 8
        }
        while offset < common {
            let x = a.load(fromByteOffset: offset, as: UInt8.self)
            let y = b.load(fromByteOffset: offset, as: UInt8.self)
            if x != y { return x < y ? -1 : 1 }
            offset += 1
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    /// The code of a value in a sorted dictionary, by bisection.
    private func sortedCode(of value: UnsafeRawBufferPointer) -> Int32? {
        bytes.withUnsafeBytes { stored in
            ends.withUnsafeBufferPointer { ends in
                guard let base = stored.baseAddress else { return nil }
                let probe = value.baseAddress ?? base
                var low = 0
                var high = ends.count
                while low < high {
                    let middle = (low + high) / 2
                    let start = middle == 0 ? 0 : Int(ends[middle - 1])
                    let order = Self.compare(base + start, Int(ends[middle]) - start, probe, value.count)
                    if order == 0 { return Int32(middle) }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// Indexes every value in a hash table (see ``buildIndex()``).
    @discardableResult
    private mutating func buildHashIndex() -> [(repeat: Int32, first: Int32)] {
        isSorted = false
        // Compact layout, at most 5/8 full: the index of a key column of millions of rows.
        var size = 16
        while size * 5 < ends.count * 8 { size <<= 1 }
        stride = 1
        slots = []
        slots = HugePages.zeroedWords(count: size)
        mask = size - 1
        var repeats: [(Int32, Int32)] = []
        bytes.withUnsafeBytes { stored in
            ends.withUnsafeBufferPointer { ends in
                slots.withUnsafeMutableBufferPointer { table in
                    // Hashes are computed a batch ahead and their slots read early, so the cache
                    // misses of a batch overlap instead of coming one after the other.
                    let batch = 64
                    var hashes = [UInt64](repeating: 0, count: batch)
                    var touched: UInt64 = 0
                    for code in 0..<ends.count {
                        if code % batch == 0 {
                            let last = min(code + batch, ends.count)
                            for ahead in code..<last {
                                let value = UnsafeRawBufferPointer(
                                    rebasing: stored[(ahead == 0 ? 0 : Int(ends[ahead - 1]))..<Int(ends[ahead])])
                                hashes[ahead - code] = Self.hash(value)
                            }
                            // Slot reads alone in a tight loop: many misses in flight at once.
                            for ahead in code..<last {
                                touched ^= table[Int(truncatingIfNeeded: hashes[ahead - code]) & mask]
                            }
                        }
                        let start = code == 0 ? 0 : Int(ends[code - 1])
                        let value = UnsafeRawBufferPointer(rebasing: stored[start..<Int(ends[code])])
                        let hash = hashes[code % batch]
                        let tag = Self.compactTag(hash)
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        var found: Int32?
                        while true {
                            let entry = table[slot]
                            if entry == 0 { break }
                            if entry >> 32 == tag {
                                let other = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                                if Self.equals(stored, ends, code: other, value) {
                                    found = other
                                    break
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        if let found {
                            repeats.append((Int32(code), found))
                        } else {
                            table[slot] = tag << 32 | UInt64(code + 1)
                        }
                    }
                    if touched == 1 { Self.sink = touched }
                }
            }
        }
        isIndexed = true
        codesAreUnique = repeats.isEmpty
        return repeats
    }

    /// Indexes every value in a compact hash table filled by `parts` threads (see
    /// ``buildIndex(parts:)``): the same table lookups as ``buildHashIndex()`` and the same
    /// repeats.
    ///
    /// Thread `p` owns the slots `p * size / parts ..< (p + 1) * size / parts` and inserts, in
    /// code order, the values whose home slot is there. A probe that would run past the end of
    /// its range stops; those values are inserted afterwards on one thread, in code order, with
    /// the usual wrap-around probe. Every value still lies after its home slot with no empty
    /// slot in between, so lookups are unchanged. Equal values share a home slot, hence a
    /// thread (or both wait for the last pass), so the first in code order keeps its place and
    /// later ones are reported as repeats of it.
    private mutating func buildHashIndex(parts: Int) -> [(repeat: Int32, first: Int32)] {
        isSorted = false
        var tableSize = 16
        while tableSize * 5 < ends.count * 8 { tableSize <<= 1 }
        let size = tableSize
        let parts = min(parts, size / 16)
        stride = 1
        slots = []
        slots = HugePages.zeroedWords(count: size)
        mask = size - 1
        let mask = self.mask
        let count = ends.count
        // Every value is hashed once, each thread hashing a range of codes, and every thread
        // then reads the hashes it needs (instead of hashing every value on every thread).
        // Freed before references are resolved, where the load's memory peaks.
        let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, count))
        defer { hashes.deallocate() }
        let found = ResultSlots<(repeats: [(Int32, Int32)], overflow: [Int32])>(count: parts)
        bytes.withUnsafeBytes { stored in
            ends.withUnsafeBufferPointer { ends in
                slots.withUnsafeMutableBufferPointer { table in
                    let shared = Unchecked((stored, ends, table, hashes))
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let (stored, ends, _, hashes) = shared.value
                        for code in part * count / parts..<(part + 1) * count / parts {
                            hashes[code] = Self.hash(Self.value(stored, ends, code))
                        }
                    }
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let (stored, ends, table, hashes) = shared.value
                        found.set(
                            part,
                            Self.fillPart(
                                stored, ends, table, hashes: hashes, mask: mask, from: part * size / parts,
                                to: (part + 1) * size / parts))
                    }
                }
            }
        }
        var repeats: [(repeat: Int32, first: Int32)] = []
        var overflow: [Int32] = []
        for (partRepeats, partOverflow) in found.values {
            repeats += partRepeats.map { (repeat: $0.0, first: $0.1) }
            overflow += partOverflow
        }
        overflow.sort()
        bytes.withUnsafeBytes { stored in
            ends.withUnsafeBufferPointer { ends in
                slots.withUnsafeMutableBufferPointer { table in
                    for code in overflow {
                        let placement = Self.place(
                            code, hash: hashes[Int(code)], stored, ends, table, mask: mask, limit: nil)
                        if case .repeatOf(let first) = placement { repeats.append((repeat: code, first: first)) }
                    }
                }
            }
        }
        // In code order, as one thread finds them.
        repeats.sort { $0.repeat < $1.repeat }
        isIndexed = true
        codesAreUnique = repeats.isEmpty
        return repeats
    }

    /// One thread's share of ``buildHashIndex(parts:)``: inserts the values whose home slot is
    /// in `lower..<upper`, `hashes[code]` being the hash of code `code`'s value; returns the
    /// repeats it found and the values whose probe reached `upper`.
    private static func fillPart(
        _ stored: UnsafeRawBufferPointer, _ ends: UnsafeBufferPointer<UInt32>,
        _ table: UnsafeMutableBufferPointer<UInt64>, hashes: UnsafePointer<UInt64>,
        mask: Int, from lower: Int, to upper: Int
    ) -> (repeats: [(Int32, Int32)], overflow: [Int32]) {
        var repeats: [(Int32, Int32)] = []
        var overflow: [Int32] = []
        // The values of this part are gathered a batch at a time and their home slots read
        // first, so the cache misses of a batch overlap.
        let batch = 64
        var touched: UInt64 = 0
        var next = 0
        let count = ends.count
        let width = UInt(upper - lower)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: batch) { codes in
            while next < count {
                var gathered = 0
                while gathered < batch && next < count {
                    let home = Int(truncatingIfNeeded: hashes[next]) & mask
                    // Written always, kept when the home slot is this part's: no branch to
                    // mispredict on hashes that fall in or out of the range at random.
                    codes[gathered] = Int32(truncatingIfNeeded: next)
                    gathered &+= UInt(bitPattern: home &- lower) < width ? 1 : 0
                    next += 1
                }
                // A tight loop of slot reads only, so that many misses are in flight at once
                // (hashing in between would fill the processor's window first).
                for index in 0..<gathered {
                    touched ^= table[Int(truncatingIfNeeded: hashes[Int(codes[index])]) & mask]
                }
                for index in 0..<gathered {
                    let code = codes[index]
                    switch Self.place(code, hash: hashes[Int(code)], stored, ends, table, mask: mask, limit: upper) {
                    case .placed: break
                    case .repeatOf(let first): repeats.append((code, first))
                    case .reachedLimit: overflow.append(code)
                    }
                }
            }
        }
        if touched == 1 { sink = touched }
        return (repeats, overflow)
    }

    /// Where ``place(_:hash:_:_:_:mask:limit:)`` put a code.
    private enum Placement {
        /// In an empty slot.
        case placed
        /// Nowhere: its value is that of this earlier code.
        case repeatOf(Int32)
        /// Nowhere: the probe reached the limit (the next part's first slot).
        case reachedLimit
    }

    /// Puts `code` (its value's hash `hash`) in the compact table by linear probing from its
    /// home slot, up to an empty slot or an equal value; with a `limit` the probe stops there
    /// (a part's end, beyond which another thread writes), without one it wraps around.
    @inline(__always)
    private static func place(
        _ code: Int32, hash: UInt64, _ stored: UnsafeRawBufferPointer, _ ends: UnsafeBufferPointer<UInt32>,
        _ table: UnsafeMutableBufferPointer<UInt64>, mask: Int, limit: Int?
    ) -> Placement {
        let value = Self.value(stored, ends, Int(code))
        let tag = Self.compactTag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            if slot == limit { return .reachedLimit }
            let entry = table[slot]
            if entry == 0 {
                table[slot] = tag << 32 | UInt64(code + 1)
                return .placed
            }
            if entry >> 32 == tag {
                let other = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if Self.equals(stored, ends, code: other, value) { return .repeatOf(other) }
            }
            slot = limit == nil ? (slot + 1) & mask : slot + 1
        }
    }

    /// The bytes of a code's value.
    @inline(__always)
    private static func value(_ stored: UnsafeRawBufferPointer, _ ends: UnsafeBufferPointer<UInt32>, _ code: Int)
        -> UnsafeRawBufferPointer
    {
        let start = code == 0 ? 0 : Int(ends[code - 1])
        return UnsafeRawBufferPointer(rebasing: stored[start..<Int(ends[code])])
    }

    /// The code of a value, adding it when new.
    ///
    /// - Returns: The code and whether the value was already present.
    @discardableResult
    @inline(__always)
    package mutating func intern(_ value: UnsafeRawBufferPointer) -> (code: Int32, existed: Bool) {
        precondition(isIndexed, "intern after appendWithoutLookup needs buildIndex()")
        if isSorted {
            // New values would break the order: hash the values from now on.
            buildHashIndex()
        }
        let (slot, tag, found) = find(value)
        if let found { return (found, true) }
        return (insert(value, slot: slot, tag: tag), false)
    }

    @inline(never)
    private mutating func insert(_ value: UnsafeRawBufferPointer, slot: Int, tag: UInt64) -> Int32 {
        let code = Int32(ends.count)
        let start = bytes.count
        bytes.append(contentsOf: value)
        ends.append(Self.offset(bytes.count))
        slots[slot * stride] = tag << 32 | UInt64(code + 1)
        if stride == 2 {
            slots[slot * 2 + 1] =
                value.count <= 8 ? Self.packed(value) : UInt64(value.count) << 32 | UInt64(Self.offset(start))
        }
        if ends.count * 2 > mask + 1 { grow() }
        return code
    }

    /// Whether ``internShort(_:lengths:hashes:count:codes:positions:)`` applies: an indexed
    /// dictionary in the wide layout, or one whose index waits (see ``deferIndex()``; it is
    /// indexed before the batch is interned).
    @inline(__always)
    var acceptsShortBatch: Bool { stride == 2 && !isSorted && (isIndexed || codesAreUnique) }

    /// Interns a batch of values of at most 8 bytes, each given packed (little-endian, zero
    /// padded) with its length, and writes value `i`'s code to `codes[positions[i]]`: the same
    /// codes as interning them one by one. The home slots of the whole batch are read first, so
    /// their cache misses overlap instead of coming one after the other.
    mutating func internShort(
        _ words: UnsafePointer<UInt64>, lengths: UnsafePointer<UInt8>, hashes: UnsafeMutablePointer<UInt64>,
        count: Int, codes: UnsafeMutablePointer<Int32>, positions: UnsafePointer<Int>
    ) {
        precondition(acceptsShortBatch && isIndexed, "batched intern needs an indexed wide dictionary")
        var touched: UInt64 = 0
        let mask = self.mask
        slots.withUnsafeBufferPointer { table in
            for index in 0..<count {
                let hash = Self.mix(words[index] ^ (0x8000_0000 | UInt64(lengths[index])))
                hashes[index] = hash
                touched ^= table[(Int(truncatingIfNeeded: hash) & mask) &* 2]
            }
        }
        if touched == 1 { Self.sink = touched }
        for index in 0..<count {
            let word = words[index]
            let tag = 0x8000_0000 | UInt64(lengths[index])
            // The mask is read again: an insert may have grown the table.
            let mask = self.mask
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            let found: Int32? = slots.withUnsafeBufferPointer { table in
                while true {
                    let entry = table[slot &* 2]
                    if entry == 0 { return nil }
                    if entry >> 32 == tag && table[slot &* 2 &+ 1] == word {
                        return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    }
                    slot = (slot &+ 1) & mask
                }
            }
            if let found {
                codes[positions[index]] = found
            } else {
                var copy = word
                let length = Int(lengths[index])
                codes[positions[index]] = withUnsafeBytes(of: &copy) { value in
                    insert(UnsafeRawBufferPointer(rebasing: value[0..<length]), slot: slot, tag: tag)
                }
            }
        }
    }

    /// Whether ``internLong(_:starts:lengths:hashes:count:codes:positions:)`` applies: an
    /// indexed dictionary that is not sorted, or one whose index waits (see ``deferIndex()``;
    /// it is indexed before the batch is interned).
    @inline(__always)
    var acceptsLongBatch: Bool { !isSorted && (isIndexed || codesAreUnique) }

    /// Interns a batch of values of more than 8 bytes (GUIDs, Salesforce ids, long integers),
    /// value `i` being the `lengths[i]` bytes at `bytes + starts[i]`, and writes its code to
    /// `codes[positions[i]]`: the same codes as interning them one by one. The home slots of
    /// the batch are read first, then the stored bytes of the values found there, so the
    /// cache misses of both reads overlap across the batch instead of coming one after the
    /// other.
    mutating func internLong(
        _ values: UnsafePointer<UInt8>, starts: UnsafePointer<UInt64>, lengths: UnsafePointer<UInt8>,
        hashes: UnsafeMutablePointer<UInt64>, count: Int, codes: UnsafeMutablePointer<Int32>,
        positions: UnsafePointer<Int>
    ) {
        precondition(acceptsLongBatch && isIndexed, "batched intern needs an indexed, unsorted dictionary")
        var touched: UInt64 = 0
        let mask = self.mask
        let stride = self.stride
        slots.withUnsafeBufferPointer { table in
            for index in 0..<count {
                let value = UnsafeRawBufferPointer(start: values + Int(starts[index]), count: Int(lengths[index]))
                hashes[index] = Self.hash(value)
            }
            // Slot reads alone in a tight loop: many misses in flight at once.
            for index in 0..<count {
                touched ^= table[(Int(truncatingIfNeeded: hashes[index]) & mask) &* stride]
            }
            bytes.withUnsafeBytes { stored in
                ends.withUnsafeBufferPointer { ends in
                    for index in 0..<count {
                        let hash = hashes[index]
                        let home = (Int(truncatingIfNeeded: hash) & mask) &* stride
                        let entry = table[home]
                        guard entry != 0 && entry >> 32 == Self.compactTag(hash) else { continue }
                        // The wide layout has the value's offset and length next to the tag
                        // (same cache line); the compact one finds them in `ends`.
                        let start: Int
                        let end: Int
                        if stride == 2 {
                            let place = table[home &+ 1]
                            start = Int(truncatingIfNeeded: place & 0xFFFF_FFFF)
                            end = start &+ Int(truncatingIfNeeded: place >> 32)
                        } else {
                            let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            start = code == 0 ? 0 : Int(ends[code - 1])
                            end = Int(ends[code])
                        }
                        // First and last byte: a value that straddles two cache lines (an
                        // 18-byte id does about one time in four) has both lines in flight.
                        if start < end && end <= stored.count {
                            touched ^= UInt64(stored[start]) ^ UInt64(stored[end &- 1])
                        }
                    }
                }
            }
        }
        if touched == 1 { Self.sink = touched }
        for index in 0..<count {
            let value = UnsafeRawBufferPointer(start: values + Int(starts[index]), count: Int(lengths[index]))
            let (slot, tag, found) = findLong(value, hash: hashes[index])
            codes[positions[index]] = found ?? insert(value, slot: slot, tag: tag)
        }
    }

    /// Reads what looking up the values `range` of `other` here reads, level by level for the
    /// whole range (their home slots; then for the slots that may hold them, the stored bytes
    /// or, in the compact layout, `ends` and then the bytes), so that the cache misses of a
    /// batch overlap instead of coming one after the other. Call it for a batch (64 values)
    /// before looking the batch up one by one.
    ///
    /// - Returns: A word of the values read, to keep the reads (pass it to ``keep(_:)``).
    func touch(valuesOf other: StringDictionary, _ range: Range<Int>) -> UInt64 {
        guard isIndexed, !isSorted, !range.isEmpty else { return 0 }
        var touched: UInt64 = 0
        let mask = self.mask
        let stride = self.stride
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: range.count) { hashes in
            other.bytes.withUnsafeBytes { otherStored in
                other.ends.withUnsafeBufferPointer { otherEnds in
                    for (index, code) in range.enumerated() {
                        hashes[index] = homeHash(Self.value(otherStored, otherEnds, code))
                    }
                }
            }
            slots.withUnsafeBufferPointer { table in
                // Slot reads alone in a tight loop: many misses in flight at once.
                for index in 0..<range.count {
                    touched ^= table[(Int(truncatingIfNeeded: hashes[index]) & mask) &* stride]
                }
                bytes.withUnsafeBytes { stored in
                    ends.withUnsafeBufferPointer { ends in
                        for level in 0..<(stride == 1 ? 2 : 1) {
                            for index in 0..<range.count {
                                let hash = hashes[index]
                                let home = (Int(truncatingIfNeeded: hash) & mask) &* stride
                                let entry = table[home]
                                // Empty, or another value's (short values are found in their slot).
                                guard entry != 0 && entry >> 32 == Self.compactTag(hash) else { continue }
                                let start: Int
                                let end: Int
                                if stride == 2 {
                                    let place = table[home &+ 1]
                                    start = Int(truncatingIfNeeded: place & 0xFFFF_FFFF)
                                    end = start &+ Int(truncatingIfNeeded: place >> 32)
                                } else {
                                    let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                                    guard code >= 0 && code < ends.count else { continue }
                                    start = code == 0 ? 0 : Int(ends[code - 1])
                                    end = Int(ends[code])
                                    // The compact layout reads `ends` first, the bytes on the next pass.
                                    if level == 0 {
                                        touched ^= UInt64(truncatingIfNeeded: start ^ end)
                                        continue
                                    }
                                }
                                if start < end && end <= stored.count {
                                    touched ^= UInt64(stored[start]) ^ UInt64(stored[end &- 1])
                                }
                            }
                        }
                    }
                }
            }
        }
        return touched
    }

    /// Keeps the reads of ``touch(valuesOf:_:)`` from being optimised away.
    static func keep(_ touched: UInt64) {
        if touched == 1 { sink = touched }
    }

    /// The word of `value`'s home slot: what interning it reads first, for a caller that
    /// starts several such cache misses before interning (a batch of values about to be added).
    @inline(__always)
    func homeSlotWord(of value: UnsafeRawBufferPointer) -> UInt64 {
        let slot = (Int(truncatingIfNeeded: homeHash(value)) & mask) &* stride
        return slots.withUnsafeBufferPointer { $0[slot] }
    }

    /// The bytes of a value of at most 8 bytes as a little-endian word, zero-padded.
    @inline(__always)
    static func packedShort(_ value: UnsafeRawBufferPointer) -> UInt64 { packed(value) }

    /// The code of a Swift string, adding it when new.
    @discardableResult
    package mutating func intern(_ value: String) -> Int32 {
        var copy = value
        return copy.withUTF8 { intern(UnsafeRawBufferPointer($0)).code }
    }

    /// The code of a value if present.
    @inline(__always)
    public func code(of value: UnsafeRawBufferPointer) -> Int32? {
        precondition(isIndexed, "lookup after appendWithoutLookup needs buildIndex()")
        if isSorted { return sortedCode(of: value) }
        return find(value).found
    }

    /// The code of a Swift string if present.
    public func code(of value: String) -> Int32? {
        var copy = value
        return copy.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The slot holding `value`, or the empty slot where it would go, with the value's tag.
    @inline(__always)
    private func find(_ value: UnsafeRawBufferPointer) -> (slot: Int, tag: UInt64, found: Int32?) {
        let mask = self.mask
        if stride == 2 && value.count <= 8 {
            let word = Self.packed(value)
            let tag = 0x8000_0000 | UInt64(value.count)
            let hash = Self.mix(word ^ tag)
            var slot = Int(truncatingIfNeeded: hash) & mask
            return slots.withUnsafeBufferPointer { table in
                while true {
                    let entry = table[slot &* 2]
                    if entry == 0 { return (slot, tag, nil) }
                    if entry >> 32 == tag && table[slot &* 2 &+ 1] == word {
                        return (slot, tag, Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1)
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
        return findLong(value, hash: Self.hash(value))
    }

    /// ``find(_:)`` for a value hashed with ``hash(_:)`` (any value in the compact layout,
    /// one of more than 8 bytes in the wide layout).
    @inline(__always)
    private func findLong(_ value: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, tag: UInt64, found: Int32?) {
        let mask = self.mask
        let tag = Self.compactTag(hash)
        let stride = self.stride
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            bytes.withUnsafeBytes { stored in
                ends.withUnsafeBufferPointer { ends in
                    while true {
                        let entry = table[slot &* stride]
                        if entry == 0 { return (slot, tag, nil) }
                        if entry >> 32 == tag {
                            let code = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            if stride == 2 {
                                // Offset and length in word 1: no read of `ends`.
                                let place = table[slot &* 2 &+ 1]
                                if Int(truncatingIfNeeded: place >> 32) == value.count
                                    && Self.equals(
                                        stored, start: Int(truncatingIfNeeded: place & 0xFFFF_FFFF), value)
                                {
                                    return (slot, tag, code)
                                }
                            } else if Self.equals(stored, ends, code: code, value) {
                                return (slot, tag, code)
                            }
                        }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    /// A byte offset as stored in ``ends``.
    @inline(__always)
    private static func offset(_ value: Int) -> UInt32 {
        guard let offset = UInt32(exactly: value) else {
            fatalError("a string column holds more than 4 GiB of distinct text")
        }
        return offset
    }

    /// Keeps early slot reads from being optimised away.
    nonisolated(unsafe) private static var sink: UInt64 = 0

    /// A fingerprint of a hash that never has the top bit (short-value tags) set.
    @inline(__always)
    private static func compactTag(_ hash: UInt64) -> UInt64 { (hash >> 32) & 0x7FFF_FFFF }

    /// The bytes of a value of at most 8 bytes as a little-endian word, zero-padded.
    @inline(__always)
    private static func packed(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let count = value.count
        if count >= 8 { return value.loadUnaligned(as: UInt64.self) }
        return packedTail(value)
    }

    /// The bytes of a value of fewer than 8 bytes as a little-endian word, zero-padded, read
    /// with at most three loads and no loop: two overlapping 4-byte loads for 4 to 7 bytes (the
    /// bytes they share are the same, so or-ing them in place is exact), and the first, middle
    /// and last byte for 1 to 3.
    @inline(__always)
    private static func packedTail(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let count = value.count
        if count >= 4 {
            let low = UInt64(value.loadUnaligned(as: UInt32.self))
            let high = UInt64(value.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << UInt64((count - 4) * 8)
        }
        guard count > 0 else { return 0 }
        let middle = count / 2
        return UInt64(value[0]) | UInt64(value[middle]) << UInt64(middle * 8)
            | UInt64(value[count - 1]) << UInt64((count - 1) * 8)
    }

    @inline(__always)
    private static func equals(
        _ stored: UnsafeRawBufferPointer, _ ends: UnsafeBufferPointer<UInt32>, code: Int32,
        _ value: UnsafeRawBufferPointer
    ) -> Bool {
        let index = Int(code)
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let length = Int(ends[index]) - start
        guard length == value.count else { return false }
        return equals(stored, start: start, value)
    }

    /// Whether the `value.count` stored bytes at `start` are `value`'s bytes.
    @inline(__always)
    private static func equals(_ stored: UnsafeRawBufferPointer, start: Int, _ value: UnsafeRawBufferPointer)
        -> Bool
    {
        let length = value.count
        var offset = 0
        while offset + 8 <= length {
            if stored.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
                != value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        if offset < length && length >= 8 {
            // The last 8 bytes, overlapping the words already compared: one load, not a loop.
            return stored.loadUnaligned(fromByteOffset: start + length - 8, as: UInt64.self)
                == value.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        while offset < length {
            if stored[start + offset] != value[offset] { return false }
            offset += 1
        }
        return true
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        let old = slots
        let oldStride = stride
        slots = HugePages.zeroedWords(count: size * stride)
        mask = size - 1
        for index in 0..<old.count / oldStride {
            let entry = old[index * oldStride]
            guard entry != 0 else { continue }
            let code = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            let slot = withBytes(of: code) { value in
                var slot = Int(truncatingIfNeeded: homeHash(value)) & mask
                while slots[slot * stride] != 0 { slot = (slot + 1) & mask }
                return slot
            }
            slots[slot * stride] = entry
            if stride == 2 { slots[slot * 2 + 1] = old[index * 2 + 1] }
        }
    }

    /// The hash that places a value in this dictionary's layout.
    private func homeHash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        stride == 2 ? Self.wideHash(value) : Self.hash(value)
    }

    /// The hash that places a value in the wide layout (a short value's is that of its
    /// packed word and tag).
    @inline(__always)
    private static func wideHash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        if value.count <= 8 { return mix(packed(value) ^ (0x8000_0000 | UInt64(value.count))) }
        return hash(value)
    }

    @inline(__always)
    private static func mix(_ word: UInt64) -> UInt64 {
        var hash = (word ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        hash = hash &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 32)
    }

    /// A fast 64-bit hash of bytes (8 bytes per step, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
        var index = 0
        let count = value.count
        while index + 8 <= count {
            let word = value.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        var tail: UInt64 = 0
        if index < count && count >= 8 {
            // The last 8 bytes, overlapping the words already mixed: one load, not a loop.
            tail = value.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count < 8 {
            // Short ids (`a61642`, `u136`): a few loads, not a loop over the bytes.
            tail = packedTail(value)
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
