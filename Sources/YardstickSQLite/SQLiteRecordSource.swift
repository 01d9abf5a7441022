import GRDB
import GRDBSQLite
import YardstickData
import YardstickLocalization

/// The rows of one table or query of a SQLite database, as a ``RecordSource``.
///
/// Opened read-only by ``SQLiteSourceOpener``; the statement is prepared when the source is
/// opened (so a missing table or a syntax error is reported before any row is read, located
/// in the mapping) and stepped in ``forEachRow(into:)`` with SQLite's C API: one
/// `sqlite3_step` per row and the cells read in place (``SQLiteRow``), no `Row` value or
/// allocation per row. Row numbers are 1-based ordinals in the result, so an error reads
/// `crm.sqlite:deals:102:amount: …`.
struct SQLiteRecordSource: RecordSource {
    /// The connection, read-only.
    let queue: DatabaseQueue
    /// The statement's SQL.
    let sql: String
    /// The result's column names.
    let header: [String]
    /// Where errors are located (`crm.sqlite:deals`).
    let file: String
    /// The byte written between whole and fraction of a REAL (the mapping's decimal separator).
    let decimalSeparator: UInt8
    /// The table's row count when the mapping reads a table; 0 for a query.
    let estimatedRowCount: Int

    /// TEXT and BLOB values may hold NUL bytes.
    var mayContainNUL: Bool { true }

    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError) {
        let width = header.count
        let scratch = UnsafeMutableRawPointer.allocate(
            byteCount: max(width, 1) * SQLiteCellText.slotSize, alignment: 8)
        defer { scratch.deallocate() }
        var failure: SourceError?
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let handle = statement.sqliteStatement
                let separator = decimalSeparator
                var number = 0
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                        failure = SourceError(
                            file: file, row: number + 1, message: tr("SQLite could not read the row: %@", message))
                        sqlite3_reset(handle)
                        return
                    }
                    number += 1
                    let row = SQLiteRow(
                        statement: handle, number: number, count: width, scratch: scratch,
                        decimalSeparator: separator)
                    consumer.consume(row)
                }
                sqlite3_reset(handle)
            }
        } catch {
            throw SourceError(file: file, message: SQLiteSourceOpener.describe(error))
        }
        if let failure { throw failure }
    }
}
