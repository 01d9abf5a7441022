import FuzzSupport
import YardstickData

/// What must hold when the CSV reader reads any bytes.
///
/// - Opening either succeeds with a concrete encoding (never `auto`) or throws a
///   ``SourceError`` naming the file, with a message.
/// - A file declared UTF-8 that is not valid UTF-8 is refused; valid UTF-8 read under `auto`
///   is read as UTF-8.
/// - Records come in order: each starts on a later line than the one before, at line 1 or
///   after, and never past the number of lines in the file (LF, CRLF and a lone CR each end
///   a line); every field can be read.
/// - The header read by `readHeader` has as many names as the first record has fields.
/// - A read error is a ``SourceError`` naming the file and a line.
enum CSVProperties {
    static let path = "fuzz/input.csv"

    static func check(_ file: [UInt8], dialect: CSVDialect) {
        let reader: CSVReader
        do {
            reader = try CSVReader(bytes: file, path: path, dialect: dialect)
        } catch {
            requireLocated(error, needsRow: false)
            return
        }
        require(reader.encoding != .automatic, "the reader kept the encoding `auto`")
        let text = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
        let validUTF8 = String(validating: text, as: UTF8.self) != nil
        if dialect.encoding == .automatic, validUTF8 {
            require(reader.encoding == .utf8, "valid UTF-8 read as \(reader.encoding) under auto")
        }
        if dialect.encoding == .utf8 {
            require(validUTF8, "invalid UTF-8 accepted as UTF-8")
        }
        let lineCount = Self.lineCount(file)
        var records = reader
        var previousLine = 0
        var firstCount: Int?
        var recordCount = 0
        do {
            try records.forEachRecord { record in
                require(record.line > previousLine, "record on line \(record.line) after line \(previousLine)")
                require(
                    record.line <= lineCount, "record on line \(record.line) of a file of \(lineCount) lines")
                require(record.count >= 1, "a record with \(record.count) fields")
                var total = 0
                for index in 0..<record.count {
                    total &+= record.field(index).count
                    total &+= record.string(at: index).utf8.count
                }
                require(record.field(record.count).isEmpty, "a field past the end is not empty")
                if firstCount == nil { firstCount = record.count }
                previousLine = record.line
                recordCount += 1
                return total >= 0
            }
        } catch let error as SourceError {
            requireLocated(error, needsRow: true)
            return
        } catch {
            invariantFailure("forEachRecord threw an untyped error: \(error)")
        }
        var header = reader
        do {
            let names = try header.readHeader()
            require(names.count == firstCount, "header of \(names.count) names, first record of \(firstCount ?? 0)")
        } catch let error as SourceError {
            require(recordCount == 0, "readHeader failed on a file of \(recordCount) records: \(error)")
        } catch {
            invariantFailure("readHeader threw an untyped error: \(error)")
        }
    }

    /// The number of lines, ended by LF, CRLF or a lone CR (as the reader counts them outside
    /// quotes).
    static func lineCount(_ file: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in file.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == file.count || file[index + 1] != 0x0A)) { lines += 1 }
        }
        return lines
    }

    /// A source error names the input file, has a message and, for a read error, a line.
    static func requireLocated(_ error: SourceError, needsRow: Bool) {
        require(error.file == path, "error names \(error.file), not \(path): \(error)")
        require(!error.message.isEmpty, "error without a message: \(error)")
        if let row = error.row { require(row >= 1, "error on row \(row): \(error)") }
        if needsRow { require(error.row != nil, "read error without a line: \(error)") }
    }
}
