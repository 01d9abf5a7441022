import GRDBSQLite
import YardstickData

/// One result row of a SQLite statement, lent to the loader while the statement stands on it.
///
/// Cells are read with `sqlite3_column_*` on the statement itself: TEXT and BLOB bytes are
/// SQLite's own buffers, INTEGER and REAL values are written as text into a scratch buffer
/// that the source allocates once per read (no allocation per row or cell). NULL is an empty
/// cell. The value rules are in ``SQLiteCellText``.
struct SQLiteRow: RecordRow, ~Copyable {
    /// The statement, stepped onto this row.
    let statement: OpaquePointer
    /// The row's 1-based ordinal in the result.
    let number: Int
    /// The number of result columns.
    let count: Int
    /// `count` slots of ``SQLiteCellText/slotSize`` bytes for numbers written as text.
    let scratch: UnsafeMutableRawPointer
    /// The byte written between whole and fraction of a REAL.
    let decimalSeparator: UInt8

    @inline(__always)
    func cell(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            let slot = scratch + index * SQLiteCellText.slotSize
            let length = SQLiteCellText.write(sqlite3_column_int64(statement, column), to: slot)
            return UnsafeRawBufferPointer(start: slot, count: length)
        case SQLITE_FLOAT:
            let slot = scratch + index * SQLiteCellText.slotSize
            let length = SQLiteCellText.write(
                sqlite3_column_double(statement, column), to: slot, decimalSeparator: decimalSeparator)
            return UnsafeRawBufferPointer(start: slot, count: length)
        case SQLITE_TEXT:
            let bytes = Int(sqlite3_column_bytes(statement, column))
            return UnsafeRawBufferPointer(start: sqlite3_column_text(statement, column), count: bytes)
        case SQLITE_BLOB:
            let bytes = Int(sqlite3_column_bytes(statement, column))
            return UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, column), count: bytes)
        default:
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
    }
}
