import Foundation

/// One record of a CSV file: byte ranges of its fields, valid only inside the reader's callback.
public struct CSVRecord: ~Copyable {
    let base: UnsafeRawPointer
    let scratch: UnsafeRawPointer?
    /// Field starts (`~offset` for a field in `scratch`) and ends.
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    /// The number of fields.
    public let count: Int
    /// The line of the file on which the record starts (the header is line 1).
    public let line: Int

    /// The bytes of a field (empty when the record is short); valid during the callback only.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = starts[index]
        if start >= 0 { return UnsafeRawBufferPointer(start: base + start, count: ends[index] - start) }
        return UnsafeRawBufferPointer(start: scratch! + ~start, count: ends[index] - ~start)
    }

    /// The field as a string (slow path, for headers and messages).
    public func string(at index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }
}
