import Foundation

/// Reads an RFC 4180 CSV file record by record, straight from bytes.
///
/// Handles quoted fields with doubled quotes and embedded newlines, LF and CRLF line ends, a
/// UTF-8 byte-order mark, and GB18030/GBK files (converted to UTF-8 first). Fields are handed
/// to the caller as byte ranges of a reused buffer, so reading allocates nothing per cell.
public struct CSVReader {
    /// The path being read, for messages.
    public let path: String
    /// The encoding the file turned out to have.
    public private(set) var encoding: TextEncoding
    private var bytes: [UInt8]
    private var position = 0
    private var end: Int
    private var line = 1
    private let delimiter: UInt8

    /// Opens and decodes a file.
    ///
    /// - Throws: ``SourceError`` when the file cannot be read or is not in the declared encoding.
    public init(path: String, dialect: CSVDialect = CSVDialect()) throws(SourceError) {
        guard let bytes = FileBytes.read(path) else {
            throw SourceError(file: path, message: "cannot read the file")
        }
        try self.init(bytes: bytes, path: path, dialect: dialect)
    }

    /// Reads CSV text already in memory (tests, JSON-embedded CSV).
    public init(bytes input: [UInt8], path: String, dialect: CSVDialect = CSVDialect())
        throws(SourceError)
    {
        self.path = path
        self.delimiter = dialect.delimiter
        var bytes = input
        var encoding = dialect.encoding
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            if encoding == .automatic { encoding = .utf8 }
        }
        if encoding != .gb18030 {
            let valid = bytes.withUnsafeBytes { Transcoder.isValidUTF8($0) }
            if valid {
                encoding = .utf8
            } else if encoding == .utf8 {
                let line = Self.lineOfFirstInvalidUTF8(bytes)
                throw SourceError(
                    file: path, row: line,
                    message:
                        "the file is not valid UTF-8 (first bad byte on line \(line)); "
                        + "declare encoding = \"gb18030\" if it was saved by Excel on Chinese Windows")
            } else {
                encoding = .gb18030
            }
        }
        if encoding == .gb18030 {
            switch Transcoder.utf8(fromGB18030: bytes) {
            case .success(let converted): bytes = converted
            case .failure(let failure):
                let line = bytes[..<min(failure.offset, bytes.count)].lazy.filter { $0 == 0x0A }.count + 1
                throw SourceError(
                    file: path, row: line,
                    message: "the file is neither UTF-8 nor GB18030 (bad byte on line \(line))")
            }
        }
        self.end = bytes.count
        self.bytes = bytes
        self.encoding = encoding
    }

    /// Splits the rest of the file into up to `count` readers over consecutive runs of whole
    /// records, to be read in parallel. Each starts at a record boundary (a line end outside
    /// quotes, found by quote parity) and knows its first line number.
    public func segments(_ count: Int) -> [CSVReader] {
        guard count > 1, end - position > 1 << 20 else { return [self] }
        var cuts = [position]
        var firstLines = [line]
        bytes.withUnsafeBytes { buffer in
            var quotes = 0
            var scanned = position
            var lines = line
            for part in 1..<count {
                var target = position + (end - position) * part / count
                guard target > cuts[cuts.count - 1] else { continue }
                // Count quotes and newlines up to the target, then move on to the next newline
                // outside quotes (an even number of quotes so far).
                while scanned < target {
                    let byte = buffer[scanned]
                    if byte == UInt8(ascii: "\"") {
                        quotes += 1
                    } else if byte == 0x0A {
                        lines += 1
                    }
                    scanned += 1
                }
                while target < end {
                    let byte = buffer[target]
                    target += 1
                    scanned = target
                    if byte == UInt8(ascii: "\"") {
                        quotes += 1
                    } else if byte == 0x0A {
                        lines += 1
                        if quotes % 2 == 0 { break }
                    }
                }
                if target < end {
                    cuts.append(target)
                    firstLines.append(lines)
                }
            }
        }
        cuts.append(end)
        return (0..<cuts.count - 1).map { index in
            var reader = self
            reader.position = cuts[index]
            reader.end = cuts[index + 1]
            reader.line = firstLines[index]
            return reader
        }
    }

    private static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let valid = bytes[start..<index].withUnsafeBytes { Transcoder.isValidUTF8($0) }
            if !valid { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    /// The size of the decoded text in bytes.
    public var byteCount: Int { bytes.count }

    /// Reads every record, calling `body` with each one until it returns false.
    ///
    /// - Throws: ``SourceError`` for an unterminated quoted field; rethrows errors of `body`.
    public mutating func forEachRecord(_ body: (borrowing CSVRecord) throws -> Bool) throws {
        let count = end
        let delimiter = self.delimiter
        var fieldStarts: [Int] = []
        var fieldEnds: [Int] = []
        var inScratch: [Bool] = []
        var scratch: [UInt8] = []
        var line = self.line
        var position = self.position
        try bytes.withUnsafeBytes { buffer in
            while position < count {
                fieldStarts.removeAll(keepingCapacity: true)
                fieldEnds.removeAll(keepingCapacity: true)
                inScratch.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                let recordLine = line
                var atRecordEnd = false
                while !atRecordEnd {
                    if position < count && buffer[position] == UInt8(ascii: "\"") {
                        // Quoted field: find the closing quote; doubled quotes are copied
                        // undoubled into the scratch buffer.
                        let scratchStart = scratch.count
                        var chunkStart = position + 1
                        var index = position + 1
                        var closed = false
                        var doubled = false
                        while index < count {
                            let byte = buffer[index]
                            if byte == UInt8(ascii: "\"") {
                                if index + 1 < count && buffer[index + 1] == UInt8(ascii: "\"") {
                                    scratch.append(contentsOf: buffer[chunkStart...index])
                                    doubled = true
                                    index += 2
                                    chunkStart = index
                                    continue
                                }
                                closed = true
                                break
                            }
                            if byte == 0x0A { line += 1 }
                            index += 1
                        }
                        guard closed else {
                            throw SourceError(
                                file: path, row: recordLine,
                                message: "a quoted field opened on line \(recordLine) is never closed")
                        }
                        if doubled {
                            scratch.append(contentsOf: buffer[chunkStart..<index])
                            fieldStarts.append(scratchStart)
                            fieldEnds.append(scratch.count)
                            inScratch.append(true)
                        } else {
                            fieldStarts.append(position + 1)
                            fieldEnds.append(index)
                            inScratch.append(false)
                        }
                        position = index + 1
                        // Stray text between the closing quote and the delimiter is ignored.
                        while position < count, buffer[position] != delimiter,
                            buffer[position] != 0x0A, buffer[position] != 0x0D
                        {
                            position += 1
                        }
                    } else {
                        let start = position
                        while position < count {
                            let byte = buffer[position]
                            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                            position += 1
                        }
                        fieldStarts.append(start)
                        fieldEnds.append(position)
                        inScratch.append(false)
                    }
                    if position >= count {
                        atRecordEnd = true
                    } else if buffer[position] == delimiter {
                        position += 1
                    } else {
                        if buffer[position] == 0x0D { position += 1 }
                        if position < count && buffer[position] == 0x0A { position += 1 }
                        line += 1
                        atRecordEnd = true
                    }
                }
                // A blank line is not a record.
                if fieldStarts.count == 1 && fieldEnds[0] == fieldStarts[0] && !inScratch[0] {
                    continue
                }
                let keepGoing = try scratch.withUnsafeBytes { scratchBuffer in
                    let record = CSVRecord(
                        buffer: buffer, scratch: scratchBuffer, starts: fieldStarts,
                        ends: fieldEnds, inScratch: inScratch, line: recordLine)
                    return try body(record)
                }
                if !keepGoing { break }
            }
        }
        self.position = position
        self.line = line
    }

    /// Reads the first record as a header row of names (trimmed of surrounding spaces).
    ///
    /// - Throws: ``SourceError`` when the file is empty.
    public mutating func readHeader() throws -> [String] {
        var names: [String] = []
        try forEachRecord { record in
            names = (0..<record.count).map {
                record.string(at: $0).trimmingCharacters(in: .whitespaces)
            }
            return false
        }
        guard !names.isEmpty else {
            throw SourceError(file: path, message: "the file is empty (no header row)")
        }
        return names
    }
}

/// One record of a CSV file: byte ranges of its fields, valid only inside the reader's callback.
public struct CSVRecord: ~Copyable {
    let buffer: UnsafeRawBufferPointer
    let scratch: UnsafeRawBufferPointer
    let starts: [Int]
    let ends: [Int]
    let inScratch: [Bool]
    /// The line of the file on which the record starts (the header is line 1).
    public let line: Int

    /// The number of fields.
    public var count: Int { starts.count }

    /// The bytes of a field (empty when the record is short); valid during the callback only.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < starts.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let source = inScratch[index] ? scratch : buffer
        return UnsafeRawBufferPointer(rebasing: source[starts[index]..<ends[index]])
    }

    /// The field as a string (slow path, for headers and messages).
    public func string(at index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }
}
