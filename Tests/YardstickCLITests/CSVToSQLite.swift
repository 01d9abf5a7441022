import Foundation
import GRDB
import YardstickData

/// Copies CSV files into tables of a SQLite database with typed columns, as a CRM database
/// would hold them: a column whose non-empty cells are all whole numbers is INTEGER, all
/// numbers REAL, else TEXT; an empty cell is NULL.
enum CSVToSQLite {
    /// Writes each CSV file (path → table name) into a new database at `database`.
    static func convert(_ files: [(csv: String, table: String)], into database: String) throws {
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            for (csv, table) in files {
                var reader = try CSVReader(path: csv)
                let header = try reader.readHeader()
                var rows: [[String]] = []
                try reader.forEachRecord { record in
                    rows.append((0..<header.count).map { record.string(at: $0) })
                    return true
                }
                let types = header.indices.map { column -> String in
                    let cells = rows.map { $0[column] }.filter { !$0.isEmpty }
                    if !cells.isEmpty, cells.allSatisfy({ Int64($0) != nil }) { return "INTEGER" }
                    if !cells.isEmpty, cells.allSatisfy({ Double($0) != nil }) { return "REAL" }
                    return "TEXT"
                }
                let columns = zip(header, types).map { "\($0.quotedDatabaseIdentifier) \($1)" }
                try db.execute(
                    sql: "CREATE TABLE \(table.quotedDatabaseIdentifier) (\(columns.joined(separator: ", ")))")
                let insert = try db.makeStatement(
                    sql:
                        "INSERT INTO \(table.quotedDatabaseIdentifier) VALUES (\(header.map { _ in "?" }.joined(separator: ", ")))"
                )
                for row in rows {
                    let values: [(any DatabaseValueConvertible)?] = zip(row, types).map { cell, type in
                        if cell.isEmpty { return nil }
                        switch type {
                        case "INTEGER": return Int64(cell)
                        case "REAL": return Double(cell)
                        default: return cell
                        }
                    }
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
        }
    }
}
