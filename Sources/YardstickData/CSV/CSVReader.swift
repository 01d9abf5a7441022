import Foundation
import YardstickLocalization

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
    /// Whether the text holds a NUL byte somewhere (found by the encoding scan); only then are
    /// fields checked for one.
    public private(set) var containsNUL = false
    private var storage: FileBytes
    private var position = 0
    private var end: Int
    /// Where the text starts (after a byte-order mark).
    private var textStart = 0
    private var line = 1
    private let delimiter: UInt8

    /// Opens and decodes a file.
    ///
    /// - Throws: ``SourceError`` when the file cannot be read or is not in the declared encoding.
    public init(path: String, dialect: CSVDialect = CSVDialect()) throws(SourceError) {
        guard let storage = FileBytes.read(path) else {
            throw SourceError(file: path, message: tr("cannot read the file"))
        }
        try self.init(storage: storage, path: path, dialect: dialect)
    }

    /// Reads CSV text already in memory (tests, JSON-embedded CSV).
    public init(bytes input: [UInt8], path: String, dialect: CSVDialect = CSVDialect())
        throws(SourceError)
    {
        try self.init(storage: FileBytes(input), path: path, dialect: dialect)
    }

    private init(storage input: FileBytes, path: String, dialect: CSVDialect) throws(SourceError) {
        self.path = path
        self.delimiter = dialect.delimiter
        var storage = input
        var start = 0
        var encoding = dialect.encoding
        if storage.count >= 3, storage.buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            if encoding == .automatic { encoding = .utf8 }
        }
        var containsNUL = false
        if encoding != .gb18030 {
            let text = UnsafeRawBufferPointer(rebasing: storage.buffer[start...])
            let scan = Self.scanUTF8(text, releasing: storage, offset: start)
            if scan.isValid {
                encoding = .utf8
                containsNUL = scan.containsNUL
            } else {
                encoding = try Self.encodingOfInvalidUTF8(text, declared: encoding, path: path)
            }
        }
        if encoding == .gb18030 {
            let bytes = Array(storage.buffer[start...])
            switch Transcoder.utf8(fromGB18030: bytes) {
            case .success(let converted):
                containsNUL = converted.contains(0)
                storage = FileBytes(converted)
                start = 0
            case .failure(let failure):
                let line = bytes[..<min(failure.offset, bytes.count)].lazy.filter { $0 == 0x0A }.count + 1
                throw SourceError(
                    file: path, row: line,
                    message: tr("the file is neither UTF-8 nor GB18030 (bad byte on line %@)", line))
            }
        }
        self.containsNUL = containsNUL
        self.storage = storage
        self.textStart = start
        self.position = start
        self.end = storage.count
        self.encoding = encoding
    }

    /// The encoding to read text that is not valid UTF-8 with (the rule of docs/workspace.md,
    /// "Encodings"), shared by every reader of text files: a file declared UTF-8 is an error
    /// naming its first bad line; under `auto`, a file that is UTF-8 but for a few bad bytes is
    /// an error naming them (reading it as GB18030 would garble its text), and any other is
    /// GB18030.
    static func encodingOfInvalidUTF8(
        _ text: UnsafeRawBufferPointer, declared: TextEncoding, path: String
    ) throws(SourceError) -> TextEncoding {
        if declared == .utf8 {
            let line = lineOfFirstInvalidUTF8(text)
            throw SourceError(
                file: path, row: line,
                message:
                    tr(
                        "the file is not valid UTF-8 (first bad byte on line %@); declare encoding = \"gb18030\" if it was saved by Excel on Chinese Windows",
                        line))
        }
        let census = Transcoder.classifyUTF8(text)
        if census.isDamagedUTF8 { throw damagedUTF8(census, path: path) }
        return .gb18030
    }

    /// The error of a file that is UTF-8 but for a few bad bytes: it names how many and where.
    private static func damagedUTF8(_ census: Transcoder.UTF8Census, path: String) -> SourceError {
        let bytes = census.invalid == 1 ? tr("1 invalid byte") : tr("%@ invalid bytes", census.invalid)
        let lines = census.invalidLines.map(String.init).joined(separator: ", ")
        let more = census.lineCount > census.invalidLines.count ? ", …" : ""
        let place = census.lineCount == 1 ? tr("on line %@", lines) : tr("on lines %@%@", lines, more)
        return SourceError(
            file: path, row: census.invalidLines.first,
            message:
                tr(
                    "the file is UTF-8 but has %@ (%@); fix those bytes (reading the whole file as GB18030 would garble its UTF-8 text), or declare encoding = \"gb18030\" if it really is GB18030",
                    bytes, place))
    }

    /// Whether text is valid UTF-8 and holds a NUL byte, checked in runs that end after a line
    /// feed (which never splits a character), giving back the pages of a mapped file once checked.
    private static func scanUTF8(_ text: UnsafeRawBufferPointer, releasing storage: FileBytes, offset: Int)
        -> Transcoder.UTF8Scan
    {
        // Big files are checked on all cores, in pieces that end after a line feed.
        let pieces = text.count >= 16 << 20 ? ProcessInfo.processInfo.activeProcessorCount : 1
        var bounds = [0]
        for piece in 1..<max(1, pieces) {
            var stop = max(bounds[bounds.count - 1], text.count / pieces * piece)
            while stop < text.count && text[stop - 1] != 0x0A { stop += 1 }
            bounds.append(stop)
        }
        bounds.append(text.count)
        let scans = ResultSlots<Transcoder.UTF8Scan>(count: bounds.count - 1)
        let shared = Unchecked((text, bounds))
        inParallel(bounds.count - 1) { piece in
            let (text, bounds) = shared.value
            let checked = scanUTF8(
                text, from: bounds[piece], to: bounds[piece + 1], releasing: storage, offset: offset)
            scans.set(piece, checked)
        }
        let values = scans.values
        return Transcoder.UTF8Scan(
            isValid: values.allSatisfy(\.isValid), containsNUL: values.contains { $0.containsNUL })
    }

    /// Whether `text[from..<to]` is valid UTF-8 and holds a NUL byte, checked in runs that end
    /// after a line feed.
    private static func scanUTF8(
        _ text: UnsafeRawBufferPointer, from: Int, to end: Int, releasing storage: FileBytes, offset: Int
    ) -> Transcoder.UTF8Scan {
        let run = 8 << 20
        var start = from
        var containsNUL = false
        while start < end {
            var stop = min(start + run, end)
            while stop < end && text[stop - 1] != 0x0A { stop += 1 }
            let scan = Transcoder.scanUTF8(UnsafeRawBufferPointer(rebasing: text[start..<stop]))
            containsNUL = containsNUL || scan.containsNUL
            guard scan.isValid else { return Transcoder.UTF8Scan(isValid: false, containsNUL: containsNUL) }
            storage.release(from: offset + start, upTo: offset + stop)
            start = stop
        }
        return Transcoder.UTF8Scan(isValid: true, containsNUL: containsNUL)
    }

    /// Runs `body` for each piece, on all cores when there are several.
    private static func inParallel(_ pieces: Int, _ body: @Sendable (Int) -> Void) {
        if pieces <= 1 {
            for piece in 0..<pieces { body(piece) }
        } else {
            DispatchQueue.concurrentPerform(iterations: pieces, execute: body)
        }
    }

    /// The quotes and line feeds in `start..<end`, counted on all cores for a big range;
    /// the pages counted are given back.
    private func countQuotesAndLines(from start: Int, to end: Int) -> (quotes: Int, lines: Int) {
        let pieces = end - start >= 16 << 20 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let counts = ResultSlots<(Int, Int)>(count: pieces)
        let storage = self.storage
        Self.inParallel(pieces) { piece in
            let buffer = storage.buffer
            var scanned = start + (end - start) / pieces * piece
            let last = piece == pieces - 1 ? end : start + (end - start) / pieces * (piece + 1)
            var quotes = 0
            var lines = 0
            while scanned < last {
                let runStart = scanned
                let stop = min(last, scanned + (4 << 20))
                // Matches are added up per byte lane (at most 255 words, so no lane overflows),
                // then the lanes are summed: no population count per word.
                while scanned + 8 <= stop {
                    let words = min((stop - scanned) / 8, 255)
                    var quoteLanes: UInt64 = 0
                    var lineLanes: UInt64 = 0
                    for _ in 0..<words {
                        let word = buffer.loadUnaligned(fromByteOffset: scanned, as: UInt64.self)
                        quoteLanes &+= Self.zeroBytes(word ^ Self.quoteMarks) >> 7
                        lineLanes &+= Self.zeroBytes(word ^ Self.lineFeeds) >> 7
                        scanned += 8
                    }
                    quotes += Self.laneSum(quoteLanes)
                    lines += Self.laneSum(lineLanes)
                }
                while scanned < stop {
                    let byte = buffer[scanned]
                    if byte == UInt8(ascii: "\"") {
                        quotes += 1
                    } else if byte == 0x0A {
                        lines += 1
                    }
                    scanned += 1
                }
                storage.release(from: runStart, upTo: stop)
            }
            counts.set(piece, (quotes, lines))
        }
        return counts.values.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }

    /// Splits the rest of the file into up to `count` readers over consecutive runs of whole
    /// records, to be read in parallel. Each starts at a record boundary (a line end outside
    /// quotes, found by quote parity) and knows its first line number.
    public func segments(_ count: Int) -> [CSVReader] {
        guard count > 1, end - position > 1 << 20 else { return [self] }
        var cuts = [position]
        var firstLines = [line]
        do {
            let buffer = storage.buffer
            var quotes = 0
            var scanned = position
            var releasedScan = position
            var lines = line
            for part in 1..<count {
                var target = position + (end - position) * part / count
                guard target > cuts[cuts.count - 1] else { continue }
                // Count quotes and newlines up to the target, then move on to the next newline
                // outside quotes (an even number of quotes so far).
                if scanned < target {
                    let counted = countQuotesAndLines(from: scanned, to: target)
                    quotes += counted.quotes
                    lines += counted.lines
                    scanned = target
                    releasedScan = target
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
                storage.release(from: releasedScan, upTo: scanned)
                releasedScan = scanned
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

    static let quoteMarks: UInt64 = 0x2222_2222_2222_2222
    static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// The high bit of each byte of `x` that is zero, and no other bit.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// The sum of the eight byte lanes of a word.
    @inline(__always)
    static func laneSum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    private static func lineOfFirstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let valid = Transcoder.isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            if !valid { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    /// The size of the decoded text in bytes.
    public var byteCount: Int { storage.count - textStart }

    /// The number of bytes not read yet (of this segment).
    var remainingByteCount: Int { end - position }

    /// Reads every record, calling `body` with each one until it returns false.
    ///
    /// - Throws: ``SourceError`` for an unterminated quoted field; rethrows errors of `body`.
    public mutating func forEachRecord(_ body: (borrowing CSVRecord) throws -> Bool) throws {
        let count = end
        let delimiter = self.delimiter
        let delimiterWord = 0x0101_0101_0101_0101 &* UInt64(delimiter)
        // Field bounds; a field copied to the scratch buffer (doubled quotes) has its start
        // stored as `~offset`.
        var capacity = 64
        var fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        var fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer {
            fieldStarts.deallocate()
            fieldEnds.deallocate()
        }
        var scratch: [UInt8] = []
        var line = self.line
        var position = self.position
        let storage = self.storage
        let buffer = storage.buffer
        let base = buffer.baseAddress!
        // Pages behind the reader are given back every few MiB.
        let releaseStep = 4 << 20
        var released = position
        defer {
            self.position = position
            self.line = line
        }
        while position < count {
            if position - released >= releaseStep {
                storage.release(from: released, upTo: position)
                released = position
            }
            var fields = 0
            if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
            let recordLine = line
            var atRecordEnd = false
            while !atRecordEnd {
                if fields == capacity {
                    let grown = capacity * 2
                    let starts = UnsafeMutablePointer<Int>.allocate(capacity: grown)
                    let ends = UnsafeMutablePointer<Int>.allocate(capacity: grown)
                    starts.update(from: fieldStarts, count: fields)
                    ends.update(from: fieldEnds, count: fields)
                    fieldStarts.deallocate()
                    fieldEnds.deallocate()
                    fieldStarts = starts
                    fieldEnds = ends
                    capacity = grown
                }
                if position < count && base.load(fromByteOffset: position, as: UInt8.self) == UInt8(ascii: "\"") {
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
                            message: tr("a quoted field opened on line %@ is never closed", recordLine))
                    }
                    if doubled {
                        scratch.append(contentsOf: buffer[chunkStart..<index])
                        fieldStarts[fields] = ~scratchStart
                        fieldEnds[fields] = scratch.count
                    } else {
                        fieldStarts[fields] = position + 1
                        fieldEnds[fields] = index
                    }
                    fields += 1
                    position = index + 1
                    // Stray text between the closing quote and the delimiter is ignored.
                    while position < count, buffer[position] != delimiter,
                        buffer[position] != 0x0A, buffer[position] != 0x0D
                    {
                        position += 1
                    }
                } else {
                    let start = position
                    // Eight bytes at a time while a whole word is left, then byte by byte.
                    while position &+ 8 <= count {
                        let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                        let stops =
                            Self.zeroBytes(word ^ delimiterWord) | Self.zeroBytes(word ^ Self.lineFeeds)
                            | Self.zeroBytes(word ^ Self.carriageReturns)
                        if stops != 0 {
                            position &+= stops.trailingZeroBitCount >> 3
                            break
                        }
                        position &+= 8
                    }
                    while position < count {
                        let byte = base.load(fromByteOffset: position, as: UInt8.self)
                        if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                        position += 1
                    }
                    fieldStarts[fields] = start
                    fieldEnds[fields] = position
                    fields += 1
                }
                if position >= count {
                    atRecordEnd = true
                } else {
                    let byte = base.load(fromByteOffset: position, as: UInt8.self)
                    if byte == delimiter {
                        position += 1
                    } else {
                        if byte == 0x0D { position += 1 }
                        if position < count && buffer[position] == 0x0A { position += 1 }
                        line += 1
                        atRecordEnd = true
                    }
                }
            }
            // A blank line is not a record.
            if fields == 1 && fieldEnds[0] == fieldStarts[0] { continue }
            let keepGoing: Bool
            if scratch.isEmpty {
                keepGoing = try body(
                    CSVRecord(
                        base: base, scratch: nil, starts: fieldStarts, ends: fieldEnds, count: fields,
                        line: recordLine))
            } else {
                keepGoing = try scratch.withUnsafeBytes { scratchBuffer in
                    let record = CSVRecord(
                        base: base, scratch: scratchBuffer.baseAddress, starts: fieldStarts,
                        ends: fieldEnds, count: fields, line: recordLine)
                    return try body(record)
                }
            }
            if !keepGoing { break }
        }
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
            throw SourceError(file: path, message: tr("the file is empty (no header row)"))
        }
        return names
    }
}
