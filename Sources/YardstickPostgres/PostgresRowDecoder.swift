import PostgresNIO
import YardstickData

/// Turns the binary cells of result rows into text cells, appended to a ``DecodedRowBatch``.
///
/// Runs on the reading thread as each row arrives; each cell is written as
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

    /// Appends the cells of `row` (postgres-nio's, for a read over TLS) to `batch` as its next
    /// row; a NULL is an empty cell.
    func decode(_ row: PostgresRow, into batch: DecodedRowBatch) {
        var writer = Writer(batch)
        var column = 0
        for cell in row where column < kinds.count {
            if let buffer = cell.bytes {
                buffer.withUnsafeReadableBytes { writer.append($0, kind: kinds[column], column: column, self) }
            } else {
                writer.appendNull(column: column)
            }
            column += 1
        }
        writer.finish(from: column, width: kinds.count)
    }

    /// Appends the cells of a binary COPY tuple to `batch` as its next row; a NULL is an empty
    /// cell.
    func decode(_ cells: borrowing PostgresCopyReader.Cells, into batch: DecodedRowBatch) {
        var writer = Writer(batch)
        let width = min(cells.count, kinds.count)
        for column in 0..<width {
            if let value = cells[column] {
                writer.append(value, kind: kinds[column], column: column, self)
            } else {
                writer.appendNull(column: column)
            }
        }
        writer.finish(from: width, width: kinds.count)
    }

    /// Writes one row's cells into a batch. The batch's state is read once and written back
    /// once: a class's properties touched per cell would each pay an exclusivity check.
    private struct Writer: ~Copyable {
        let batch: DecodedRowBatch
        var bytes: UnsafeMutableRawPointer
        var capacity: Int
        var used: Int
        let spans: UnsafeMutablePointer<Int>

        @inline(__always)
        init(_ batch: DecodedRowBatch) {
            self.batch = batch
            bytes = batch.bytes
            capacity = batch.byteCapacity
            used = batch.used
            spans = batch.spans + 2 * batch.width * batch.rows
        }

        /// Writes a NULL (an empty cell) as column `column`.
        @inline(__always)
        mutating func appendNull(column: Int) {
            spans[2 * column] = used
            spans[2 * column + 1] = 0
        }

        /// Writes `value`, a binary value of kind `kind`, as column `column`'s text.
        @inline(__always)
        mutating func append(_ value: UnsafeRawBufferPointer, kind: Kind, column: Int, _ decoder: PostgresRowDecoder) {
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
            let length: Int
            switch kind {
            case .text:
                if let base = value.baseAddress { out.copyMemory(from: base, byteCount: value.count) }
                length = value.count
            case .boolean:
                length = PostgresCellText.writeBoolean(value, to: out)
            case .integer:
                if let number = PostgresCellText.integer(value) {
                    length = PostgresCellText.write(number, to: out)
                } else {
                    length = 0
                }
            case .numeric:
                length = PostgresCellText.writeNumeric(value, to: out, decimalSeparator: decoder.decimalSeparator)
            case .date:
                length = PostgresCellText.writeDate(value, to: out)
            case .timestamp:
                length = PostgresCellText.writeTimestamp(value, to: out)
            }
            spans[2 * column] = used
            spans[2 * column + 1] = length
            used += length
        }

        /// Writes empty cells for the columns from `column` up to `width`, and closes the row.
        @inline(__always)
        consuming func finish(from column: Int, width: Int) {
            var column = column
            while column < width {
                appendNull(column: column)
                column += 1
            }
            batch.used = used
            batch.rows += 1
        }
    }
}
