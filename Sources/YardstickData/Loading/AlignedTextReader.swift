import Foundation
import YardstickLocalization

/// Reads a `whitespace` or `fixed` text file (see ``AlignedTextLayout``) into rows of cells.
///
/// Lines end with LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark is ignored.
/// The text is UTF-8, or GB18030 when declared so or when `auto` finds it is not UTF-8 (the
/// CSV rule: a UTF-8 file with a few invalid bytes is an error naming their lines). A
/// `whitespace` line is split at runs of spaces and tabs; a `fixed` line is cut at the
/// mapping's widths, counted in characters (Unicode scalars), the last column taking the rest
/// of the line and the columns past a short line's end being empty. Cells are trimmed. Each
/// row is numbered by its line in the file, as CSV rows are. A NUL byte makes the whole file
/// an error naming its line: text files have none.
struct AlignedTextReader {
    let part: SourceMapping

    /// The file's rows, as rows of cells under its header.
    ///
    /// - Throws: ``SourceError`` when the file cannot be read or decoded, or has no header
    ///   line.
    func read() throws(SourceError) -> BufferedRecordSource {
        let file = part.displayPath
        guard let data = FileManager.default.contents(atPath: part.path) else {
            throw SourceError(file: file, message: tr("cannot read the file"))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The same rule as CSV files (CSVReader.encodingOfInvalidUTF8).
        var encoding = part.dialect.encoding
        if encoding != .gb18030 {
            if bytes.withUnsafeBytes({ Transcoder.isValidUTF8($0) }) {
                encoding = .utf8
            } else {
                let declared = encoding
                let resolved = bytes.withUnsafeBytes { text in
                    Result { () throws(SourceError) in
                        try CSVReader.encodingOfInvalidUTF8(text, declared: declared, path: file)
                    }
                }
                encoding = try resolved.get()
            }
        }
        if encoding == .gb18030 {
            switch Transcoder.utf8(fromGB18030: bytes) {
            case .success(let text): bytes = text
            case .failure:
                throw SourceError(file: file, message: tr("the file is neither UTF-8 nor GB18030 text"))
            }
        }
        var header = part.textLayout.columnNames
        var records: [(number: Int, cells: [[UInt8]?])] = []
        var number = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if let nul = line.firstIndex(of: 0) {
                // Text files have no NUL bytes: one means the file is binary or damaged.
                let character = String(decoding: line[line.startIndex..<nul], as: UTF8.self).unicodeScalars.count + 1
                throw SourceError(
                    file: file, row: number,
                    message: tr("a NUL byte at character %@: this is not a text file", character))
            }
            let cells = self.cells(of: Array(line))
            if header == nil {
                header = cells.map { String(decoding: $0, as: UTF8.self) }
                continue
            }
            records.append((number, cells.map { Optional($0) }))
        }
        guard let header else {
            throw SourceError(file: file, message: tr("the file is empty (no header line)"))
        }
        var source = BufferedRecordSource(header: header, records: records, file: file)
        source.textEncoding = encoding
        return source
    }

    /// The trimmed cells of one line.
    func cells(of line: [UInt8]) -> [[UInt8]] {
        if part.format == .fixed { return fixedCells(of: line) }
        return line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Array($0) }
    }

    private func fixedCells(of line: [UInt8]) -> [[UInt8]] {
        let widths = part.textLayout.widths
        var cells: [[UInt8]] = []
        var start = 0
        for (position, width) in widths.enumerated() {
            var end = start
            if position == widths.count - 1 {
                end = line.count
            } else {
                var characters = 0
                while end < line.count && characters < width {
                    end += 1
                    // Continuation bytes (10xxxxxx) belong to the character before them.
                    while end < line.count && line[end] & 0xC0 == 0x80 { end += 1 }
                    characters += 1
                }
            }
            let cell = line[min(start, line.count)..<end]
            cells.append(
                Array(cell.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()))
            start = end
        }
        return cells
    }
}
