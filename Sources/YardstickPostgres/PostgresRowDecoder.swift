import PostgresNIO
import YardstickData

/// Turns the binary cells of result rows into text cells, in buffers reused from row to row.
///
/// One decoder serves one read: its buffers are allocated when it is made and grow only when
/// a row's text is longer than any before, so the rows of a table are decoded without an
/// allocation per row or per cell. Each cell is written as ``PostgresCellText`` says, and the
/// row is lent to the loader as a ``PostgresRecordRow`` pointing into these buffers.
final class PostgresRowDecoder {
    /// How a result column is decoded.
    enum Kind: Sendable, Equatable {
        /// Text-like: the bytes as they are.
        case text
        /// `boolean`.
        case boolean
        /// `smallint`, `integer`, `bigint`.
        case integer
        /// `numeric`.
        case numeric
        /// `date`.
        case date
        /// `timestamp` (without time zone).
        case timestamp

        /// The kind of a result column of this type; nil for a type that must be cast to text
        /// in the query first.
        init?(_ type: PostgresDataType) {
            switch type {
            case .bool: self = .boolean
            case .int2, .int4, .int8: self = .integer
            case .numeric: self = .numeric
            case .date: self = .date
            case .timestamp: self = .timestamp
            case .text, .varchar, .bpchar, .name, .char: self = .text
            default: return nil
            }
        }
    }

    /// The columns' kinds, in result order.
    let kinds: [Kind]
    /// The byte written between whole and fraction of a numeric.
    let decimalSeparator: UInt8
    /// The text of the current row's cells, one after another.
    private(set) var bytes: UnsafeMutableRawPointer
    /// The capacity of ``bytes``.
    private var capacity: Int
    /// For each cell, its start in ``bytes`` and its length (`2 * kinds.count` values).
    let spans: UnsafeMutablePointer<Int>

    /// Creates a decoder for columns of these kinds.
    init(kinds: [Kind], decimalSeparator: UInt8) {
        self.kinds = kinds
        self.decimalSeparator = decimalSeparator
        capacity = max(4096, kinds.count * 64)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        spans = UnsafeMutablePointer<Int>.allocate(capacity: max(2 * kinds.count, 2))
        spans.initialize(repeating: 0, count: max(2 * kinds.count, 2))
    }

    deinit {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Decodes the cells of `row` into the buffers; a NULL is an empty cell.
    func decode(_ row: PostgresRow) {
        var used = 0
        var column = 0
        for cell in row where column < kinds.count {
            defer { column += 1 }
            guard let buffer = cell.bytes else {
                spans[2 * column] = used
                spans[2 * column + 1] = 0
                continue
            }
            let kind = kinds[column]
            let length = buffer.withUnsafeReadableBytes { value -> Int in
                let needed: Int
                switch kind {
                case .text: needed = value.count
                case .numeric: needed = PostgresCellText.numericWidth(value)
                default: needed = PostgresCellText.fixedWidth
                }
                if used + needed > capacity { grow(to: used + needed) }
                let out = bytes + used
                switch kind {
                case .text:
                    if let base = value.baseAddress { out.copyMemory(from: base, byteCount: value.count) }
                    return value.count
                case .boolean:
                    return PostgresCellText.writeBoolean(value, to: out)
                case .integer:
                    guard let number = PostgresCellText.integer(value) else { return 0 }
                    return PostgresCellText.write(number, to: out)
                case .numeric:
                    return PostgresCellText.writeNumeric(value, to: out, decimalSeparator: decimalSeparator)
                case .date:
                    return PostgresCellText.writeDate(value, to: out)
                case .timestamp:
                    return PostgresCellText.writeTimestamp(value, to: out)
                }
            }
            spans[2 * column] = used
            spans[2 * column + 1] = length
            used += length
        }
        while column < kinds.count {
            spans[2 * column] = used
            spans[2 * column + 1] = 0
            column += 1
        }
    }

    /// Grows ``bytes`` to hold at least `needed` bytes, keeping what is written.
    private func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        larger.copyMemory(from: bytes, byteCount: capacity)
        bytes.deallocate()
        bytes = larger
        capacity = newCapacity
    }
}

/// One decoded result row, lent to the loader while the decoder holds its text.
struct PostgresRecordRow: RecordRow, ~Copyable {
    /// The row's 1-based ordinal in the result.
    let number: Int
    /// The number of result columns.
    let count: Int
    /// The decoder's text.
    let bytes: UnsafeMutableRawPointer
    /// The decoder's cell spans.
    let spans: UnsafeMutablePointer<Int>

    @inline(__always)
    func cell(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes + spans[2 * index], count: spans[2 * index + 1])
    }
}
