import PostgresNIO
import YardstickData

/// Turns the binary cells of result rows into text cells, appended to a ``DecodedRowBatch``.
///
/// Runs on the connection's event loop as each row arrives; each cell is written as
/// ``PostgresCellText`` says into the batch's buffer, so a read allocates nothing per row or
/// per cell (the batch's buffer grows only for a row longer than any before).
struct PostgresRowDecoder: Sendable {
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
    /// Creates a decoder for columns of these kinds.
    init(kinds: [Kind], decimalSeparator: UInt8) {
        self.kinds = kinds
        self.decimalSeparator = decimalSeparator
    }

    /// Appends the cells of `row` to `batch` as its next row; a NULL is an empty cell.
    func decode(_ row: PostgresRow, into batch: DecodedRowBatch) {
        // The batch's state is read once and written back once: a class's properties touched
        // per cell would each pay an exclusivity check.
        let width = kinds.count
        var bytes = batch.bytes
        var capacity = batch.byteCapacity
        var used = batch.used
        let spans = batch.spans + 2 * width * batch.rows
        var column = 0
        for cell in row where column < width {
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
                if used + needed > capacity {
                    batch.used = used
                    bytes = batch.grow(to: used + needed)
                    capacity = batch.byteCapacity
                }
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
        while column < width {
            spans[2 * column] = used
            spans[2 * column + 1] = 0
            column += 1
        }
        batch.used = used
        batch.rows += 1
    }
}
