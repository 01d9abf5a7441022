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
/// ``appendWithoutLookup(_:)`` instead: every row gets its own code and no hash table is kept
/// until ``buildIndex()``.
public struct StringDictionary: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Slots: 0 when empty, else `fingerprint << 32 | (code + 1)`.
    private var slots: [UInt64]
    private var mask: Int

    /// Creates an empty dictionary.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of codes.
    public var count: Int { ends.count }

    /// Whether lookups work (false after ``appendWithoutLookup(_:)`` until ``buildIndex()``).
    public private(set) var isIndexed = true

    /// Whether every code stands for a different value (false once rows were appended without
    /// lookup: the same text may then have several codes).
    public private(set) var codesAreUnique = true

    /// The value of a code.
    public subscript(code: Int32) -> String {
        withBytes(of: code) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a code's value.
    public func withBytes<R>(of code: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let index = Int(code)
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// Every value, in code order.
    public var values: [String] { (0..<Int32(count)).map { self[$0] } }

    /// Appends a value under a new code without looking it up. Call ``buildIndex()`` before
    /// looking values up.
    public mutating func appendWithoutLookup(_ value: UnsafeRawBufferPointer) -> Int32 {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        isIndexed = false
        codesAreUnique = false
        return Int32(ends.count - 1)
    }

    /// Indexes every value for lookup; a value present under several codes is found under its
    /// first code.
    ///
    /// - Returns: Per code that repeats an earlier value, the pair (repeat, first).
    @discardableResult
    public mutating func buildIndex() -> [(repeat: Int32, first: Int32)] {
        var size = 16
        while size < ends.count * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        var repeats: [(Int32, Int32)] = []
        for code in 0..<Int32(ends.count) {
            let (slot, fingerprint, found) = withBytes(of: code) { find($0) }
            if let found {
                repeats.append((code, found))
            } else {
                slots[slot] = fingerprint << 32 | UInt64(code + 1)
            }
        }
        isIndexed = true
        codesAreUnique = repeats.isEmpty
        return repeats
    }

    /// The code of a value, adding it when new.
    ///
    /// - Returns: The code and whether the value was already present.
    @discardableResult
    public mutating func intern(_ value: UnsafeRawBufferPointer) -> (code: Int32, existed: Bool) {
        precondition(isIndexed, "intern after appendWithoutLookup needs buildIndex()")
        let (slot, fingerprint, found) = find(value)
        if let found { return (found, true) }
        let code = Int32(ends.count)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        slots[slot] = fingerprint << 32 | UInt64(code + 1)
        if ends.count * 2 > slots.count { grow() }
        return (code, false)
    }

    /// The code of a Swift string, adding it when new.
    @discardableResult
    public mutating func intern(_ value: String) -> Int32 {
        var copy = value
        return copy.withUTF8 { intern(UnsafeRawBufferPointer($0)).code }
    }

    /// The code of a value if present.
    public func code(of value: UnsafeRawBufferPointer) -> Int32? {
        precondition(isIndexed, "lookup after appendWithoutLookup needs buildIndex()")
        return find(value).found
    }

    /// The code of a Swift string if present.
    public func code(of value: String) -> Int32? {
        var copy = value
        return copy.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The slot holding `value`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ value: UnsafeRawBufferPointer) -> (slot: Int, fingerprint: UInt64, found: Int32?) {
        let hash = Self.hash(value)
        let fingerprint = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            while true {
                let entry = table[slot]
                if entry == 0 { return (slot, fingerprint, nil) }
                if entry >> 32 == fingerprint {
                    let code = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if equals(code: code, value) { return (slot, fingerprint, code) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equals(code: Int32, _ value: UnsafeRawBufferPointer) -> Bool {
        let index = Int(code)
        let start = index == 0 ? 0 : ends[index - 1]
        let length = ends[index] - start
        guard length == value.count else { return false }
        return bytes.withUnsafeBytes { stored in
            var offset = 0
            while offset + 8 <= length {
                if stored.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
                    != value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                {
                    return false
                }
                offset += 8
            }
            while offset < length {
                if stored[start + offset] != value[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        let old = slots
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for entry in old where entry != 0 {
            let code = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            let hash = withBytes(of: code) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A fast 64-bit hash of bytes (8 bytes per step, multiply-xorshift mixing).
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
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(value[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
