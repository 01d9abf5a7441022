/// Reads back what ``SnapshotEncoder`` wrote, refusing to read past the block's end.
struct SnapshotDecoder {
    private let bytes: [UInt8]
    private var offset = 0
    /// The snapshot file, for errors.
    let file: String

    init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    private func corrupt(_ what: String) -> SnapshotError {
        SnapshotError(.corrupt, file: file, "inconsistent metadata (\(what))")
    }

    private mutating func take(_ count: Int) throws(SnapshotError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw corrupt("a value runs past its block") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func byte() throws(SnapshotError) -> UInt8 { try take(1).first! }

    mutating func bool() throws(SnapshotError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw corrupt("a flag is neither 0 nor 1")
        }
    }

    mutating func uint32() throws(SnapshotError) -> UInt32 {
        let slice = try take(4)
        return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() throws(SnapshotError) -> UInt64 {
        let slice = try take(8)
        return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func int64() throws(SnapshotError) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func int() throws(SnapshotError) -> Int { Int(try int64()) }

    /// A count: an integer in `0...limit`.
    mutating func count(limit: Int = SnapshotFormat.metadataLimit) throws(SnapshotError) -> Int {
        let value = try int64()
        guard value >= 0, value <= Int64(limit) else { throw corrupt("a count of \(value)") }
        return Int(value)
    }

    mutating func int32() throws(SnapshotError) -> Int32 {
        let value = try int64()
        guard let narrow = Int32(exactly: value) else { throw corrupt("\(value) is not a 32-bit value") }
        return narrow
    }

    mutating func string() throws(SnapshotError) -> String {
        let length = try count()
        return String(decoding: try take(length), as: UTF8.self)
    }

    mutating func optionalString() throws(SnapshotError) -> String? {
        try bool() ? try string() : nil
    }

    mutating func optionalInt() throws(SnapshotError) -> Int? {
        try bool() ? try int() : nil
    }

    mutating func strings() throws(SnapshotError) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func stringLists() throws(SnapshotError) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            values[key] = try strings()
        }
        return values
    }

    mutating func stringMap() throws(SnapshotError) -> [String: String] {
        var values: [String: String] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            values[key] = try string()
        }
        return values
    }

    mutating func counts() throws(SnapshotError) -> [String: Int] {
        var values: [String: Int] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            values[key] = try int()
        }
        return values
    }
}
