import Foundation

/// A set of distinct strings, each given a dense integer code in order of first appearance.
///
/// String columns store codes, not strings: a column of a million deal stages or owner names is
/// a million `Int32`s plus one copy of each distinct value. Values are interned straight from
/// UTF-8 bytes through an open-addressing hash table, so loading never allocates a `String` per
/// cell.
public struct StringDictionary: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    /// Creates an empty dictionary.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of distinct values.
    public var count: Int { ends.count }

    /// The value of a code.
    public subscript(code: Int32) -> String {
        let index = Int(code)
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]].withUnsafeBufferPointer {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Every value, in code order.
    public var values: [String] { (0..<Int32(count)).map { self[$0] } }

    /// The code of a value, adding it when new.
    ///
    /// - Returns: The code and whether the value was already present.
    @discardableResult
    public mutating func intern(_ value: UnsafeRawBufferPointer) -> (code: Int32, existed: Bool) {
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash && equals(code: code, value) { return (code, true) }
            slot = (slot + 1) & mask
        }
        let code = Int32(ends.count)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = code
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
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { return nil }
            if hashes[Int(code)] == hash && equals(code: code, value) { return code }
            slot = (slot + 1) & mask
        }
    }

    /// The code of a Swift string if present.
    public func code(of value: String) -> Int32? {
        var copy = value
        return copy.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    private func equals(code: Int32, _ value: UnsafeRawBufferPointer) -> Bool {
        let index = Int(code)
        let start = index == 0 ? 0 : ends[index - 1]
        let length = ends[index] - start
        guard length == value.count else { return false }
        if length == 0 { return true }
        return bytes.withUnsafeBytes { stored in
            memcmp(stored.baseAddress! + start, value.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
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
