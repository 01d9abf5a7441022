@testable import YardstickData

/// Reads every record of CSV text as strings.
func records(_ text: [UInt8], encoding: TextEncoding = .automatic) throws -> [[String]] {
    var reader = try CSVReader(bytes: text, path: "t.csv", dialect: CSVDialect(encoding: encoding))
    var rows: [[String]] = []
    try reader.forEachRecord { record in
        rows.append((0..<record.count).map { record.string(at: $0) })
        return true
    }
    return rows
}
