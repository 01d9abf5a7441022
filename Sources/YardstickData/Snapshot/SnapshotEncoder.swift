/// Encodes the small values of a snapshot (counts, names, flags) into one metadata block.
///
/// Little-endian integers, strings as a length and UTF-8 bytes, optionals as a flag byte and
/// the value. ``SnapshotDecoder`` reads them back in the same order.
struct SnapshotEncoder {
    /// The encoded bytes.
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int64) { append(UInt64(bitPattern: value)) }

    mutating func append(_ value: Int) { append(Int64(value)) }

    mutating func append(_ value: Int32) { append(Int64(value)) }

    mutating func append(_ value: String) {
        append(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func append(_ value: String?) {
        append(value != nil)
        if let value { append(value) }
    }

    mutating func append(_ value: Int?) {
        append(value != nil)
        if let value { append(value) }
    }

    mutating func append(_ values: [String]) {
        append(values.count)
        for value in values { append(value) }
    }

    /// A dictionary's entries in key order, so equal dictionaries encode equally.
    mutating func append(_ values: [String: [String]]) {
        append(values.count)
        for key in values.keys.sorted() {
            append(key)
            append(values[key] ?? [])
        }
    }

    mutating func append(_ values: [String: String]) {
        append(values.count)
        for key in values.keys.sorted() {
            append(key)
            append(values[key] ?? "")
        }
    }

    mutating func append(_ values: [String: Int]) {
        append(values.count)
        for key in values.keys.sorted() {
            append(key)
            append(values[key] ?? 0)
        }
    }
}
