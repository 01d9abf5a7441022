import Foundation

/// The records of one source file, whatever its format, as rows of cells under a header.
enum FileContents {
    case csv(CSVSource)
    case json(JSONSource)

    /// Opens the file of a mapping and reads its header.
    static func read(_ part: SourceMapping) throws(SourceError) -> FileContents {
        guard FileManager.default.fileExists(atPath: part.path) else {
            throw SourceError(file: part.displayPath, message: "file not found")
        }
        let contents: FileContents
        switch part.format {
        case .csv:
            do {
                var reader = try CSVReader(path: part.path, dialect: part.dialect)
                let header = try reader.readHeader()
                contents = .csv(CSVSource(reader: reader, header: header, file: part.displayPath))
            } catch let error as SourceError {
                var located = error
                located.file = part.displayPath
                throw located
            } catch {
                throw SourceError(file: part.displayPath, message: "\(error)")
            }
        case .whitespace, .fixed:
            contents = .json(try AlignedTextReader(part: part).read())
        case .json, .ndjson:
            contents = .json(
                try JSONSource(path: part.path, file: part.displayPath, lines: part.format == .ndjson))
        }
        if let column = contents.header.firstIndex(where: { $0.utf8.contains(0) }) {
            throw SourceError(
                file: part.displayPath, row: 1,
                message:
                    "a NUL byte in the header, in column \(column + 1) "
                    + "(\"\(DisplayText.example(contents.header[column]))\")")
        }
        if let duplicate = contents.duplicateColumn() {
            throw SourceError(
                file: part.displayPath, row: 1, column: duplicate.name,
                message:
                    "the header names column \"\(DisplayText.example(duplicate.name))\" twice "
                    + "(columns \(duplicate.first + 1) and \(duplicate.second + 1)); rename one")
        }
        return contents
    }

    /// The first header name given to two columns (ignoring case and surrounding spaces;
    /// unnamed columns may repeat), with both 0-based positions.
    func duplicateColumn() -> (name: String, first: Int, second: Int)? {
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else { continue }
            if let first = seen[key] { return (name, first, index) }
            seen[key] = index
        }
        return nil
    }

    /// The encoding the file was read with.
    var encoding: TextEncoding {
        switch self {
        case .csv(let source): source.reader.encoding
        case .json(let source): source.encoding
        }
    }

    var header: [String] {
        switch self {
        case .csv(let source): source.header
        case .json(let source): source.header
        }
    }

    /// A guess of the number of rows, to size column buffers.
    var estimatedRows: Int {
        switch self {
        case .csv(let source): source.reader.remainingByteCount / max(16, source.header.count * 8)
        case .json(let source): source.records.count
        }
    }

    /// The index of a column, matching names case-insensitively and ignoring surrounding spaces.
    func columnIndex(of name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// Calls `body` with each record's line (or record number), its number of fields and a
    /// cell accessor.
    func forEachRow(_ body: (Int, Int, (Int) -> UnsafeRawBufferPointer) -> Void)
        throws(SourceError)
    {
        switch self {
        case .csv(let source): try source.forEachRow(body)
        case .json(let source): source.forEachRow(body)
        }
    }
}

/// A CSV file positioned after its header.
struct CSVSource {
    var reader: CSVReader
    let header: [String]
    let file: String

    /// The rest of the file cut into up to `count` runs of whole records.
    func segments(_ count: Int) -> [CSVSource] {
        reader.segments(count).map { CSVSource(reader: $0, header: header, file: file) }
    }

    func forEachRow(_ body: (Int, Int, (Int) -> UnsafeRawBufferPointer) -> Void)
        throws(SourceError)
    {
        try forEachRecord { record in body(record.line, record.count, { record.field($0) }) }
    }

    /// Calls `body` with each record.
    func forEachRecord(_ body: (borrowing CSVRecord) -> Void) throws(SourceError) {
        var reader = self.reader
        do {
            try reader.forEachRecord { record in
                body(record)
                return true
            }
        } catch let error as SourceError {
            var located = error
            located.file = file
            throw located
        } catch {
            throw SourceError(file: file, message: "\(error)")
        }
    }
}
