/// A compiled date or date-time pattern such as `%d/%m/%Y` or `%Y-%m-%d %H:%M:%S`.
///
/// Supported directives: `%Y` (year), `%y` (two-digit year, 2000–2068 / 1969–1999), `%m`,
/// `%d`, `%H`, `%M`, `%S` (seconds, with an optional `.fraction` that is truncated), `%z`
/// (`Z`, `+08:00`, `+0800`), `%b` (English month abbreviation), `%%`. Any other character
/// must match itself. The special pattern `auto` accepts ISO 8601 forms: `2026-10-31`,
/// `2026/10/31`, `2026-10-31 09:15`, `2026-10-31T09:15:00.5+08:00`, and the same with a
/// trailing `Z`.
public struct TemporalFormat: Sendable, Hashable, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        case year, shortYear, month, monthName, day, hour, minute, second, offset
        case literal(UInt8)
    }

    /// Fixed layouts read without interpreting pieces: a value of exactly that shape parses
    /// to the same fields as through the pattern.
    enum FastLayout: Sendable, Hashable {
        case none
        /// `%Y-%m-%d`, or `auto` with a value like `2026-10-31`.
        case date
        /// `%Y-%m-%d %H:%M:%S`.
        case dateTime
        /// `auto`: `2026-10-31`, `2026-10-31 09:15:00` or `2026-10-31T09:15:00`.
        case automatic
    }

    /// The pattern text as written in the workspace file.
    public let pattern: String
    let pieces: [Piece]?
    let fastLayout: FastLayout

    /// The ISO 8601 reader.
    public static let automatic = TemporalFormat(pattern: "auto", pieces: nil)

    private init(pattern: String, pieces: [Piece]?) {
        self.pattern = pattern
        self.pieces = pieces
        let date: [Piece] = [.year, .literal(0x2D), .month, .literal(0x2D), .day]
        let time: [Piece] = [.literal(0x20), .hour, .literal(0x3A), .minute, .literal(0x3A), .second]
        switch pieces {
        case nil: fastLayout = .automatic
        case date?: fastLayout = .date
        case (date + time)?: fastLayout = .dateTime
        default: fastLayout = .none
        }
    }

    /// Compiles a pattern.
    ///
    /// - Throws: `TemporalFormat.InvalidPattern` naming the unknown directive.
    public init(_ pattern: String) throws(InvalidPattern) {
        if pattern == "auto" || pattern == "iso8601" {
            self = .automatic
            return
        }
        var pieces: [Piece] = []
        var bytes = Array(pattern.utf8).makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                pieces.append(.literal(byte))
                continue
            }
            switch bytes.next().map({ Character(Unicode.Scalar($0)) }) {
            case "Y": pieces.append(.year)
            case "y": pieces.append(.shortYear)
            case "m": pieces.append(.month)
            case "b": pieces.append(.monthName)
            case "d": pieces.append(.day)
            case "H": pieces.append(.hour)
            case "M": pieces.append(.minute)
            case "S": pieces.append(.second)
            case "z": pieces.append(.offset)
            case "%": pieces.append(.literal(UInt8(ascii: "%")))
            case let other:
                throw InvalidPattern(pattern: pattern, directive: other.map { "%\($0)" } ?? "%")
            }
        }
        self.init(pattern: pattern, pieces: pieces)
    }

    /// The pattern, for messages (`expected a date (%d/%m/%Y)`).
    public var description: String { pattern == "auto" ? "ISO 8601" : pattern }

    /// A pattern that cannot be compiled.
    public struct InvalidPattern: Error, Sendable, Equatable {
        /// The whole pattern.
        public let pattern: String
        /// The directive that is not supported.
        public let directive: String
    }

    /// Fields read from one value; the time zone offset is nil when the text has none.
    public struct Parsed: Sendable, Equatable {
        /// Calendar fields.
        public var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0
        /// Seconds east of UTC when the text carried an offset.
        public var offsetSeconds: Int?
    }

    /// Reads a value; nil when it does not match the pattern or names no real day or time.
    @inline(__always)
    public func parse(_ text: UnsafeRawBufferPointer) -> Parsed? {
        if fastLayout != .none, let fields = Self.parseFixed(text, layout: fastLayout) {
            return fields.valid ? fields.parsed : nil
        }
        return parseByPieces(text)
    }

    /// The fields of `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (or `T` between, for `auto`) when
    /// the text has exactly that shape; nil to leave it to the general reader.
    @inline(__always)
    static func parseFixed(_ text: UnsafeRawBufferPointer, layout: FastLayout) -> (
        parsed: Parsed, valid: Bool
    )? {
        let count = text.count
        guard count == 10 || count == 19, text[4] == 0x2D, text[7] == 0x2D else { return nil }
        @inline(__always) func digit(_ index: Int) -> Int? {
            let value = text[index] &- 0x30
            return value < 10 ? Int(value) : nil
        }
        @inline(__always) func pair(_ index: Int) -> Int? {
            guard let high = digit(index), let low = digit(index + 1) else { return nil }
            return high * 10 + low
        }
        guard let century = pair(0), let yearOfCentury = pair(2), let month = pair(5), let day = pair(8)
        else { return nil }
        var parsed = Parsed()
        parsed.year = century * 100 + yearOfCentury
        parsed.month = month
        parsed.day = day
        if count == 19 {
            switch layout {
            case .dateTime: guard text[10] == 0x20 else { return nil }
            case .automatic: guard text[10] == 0x20 || text[10] == UInt8(ascii: "T") else { return nil }
            case .date, .none: return nil
            }
            guard text[13] == 0x3A, text[16] == 0x3A, let hour = pair(11), let minute = pair(14),
                let second = pair(17)
            else { return nil }
            parsed.hour = hour
            parsed.minute = minute
            parsed.second = second
        } else if layout == .dateTime {
            return nil
        }
        let valid =
            CivilDate.isValid(year: parsed.year, month: month, day: day) && parsed.hour < 24
            && parsed.minute < 60 && parsed.second < 61
        return (parsed, valid)
    }

    func parseByPieces(_ text: UnsafeRawBufferPointer) -> Parsed? {
        var cursor = Cursor(bytes: text)
        cursor.skipSpaces()
        var result = Parsed()
        if let pieces {
            for piece in pieces {
                guard cursor.read(piece, into: &result) else { return nil }
            }
        } else {
            guard cursor.readISO(into: &result) else { return nil }
        }
        cursor.skipSpaces()
        guard cursor.atEnd, CivilDate.isValid(year: result.year, month: result.month, day: result.day),
            result.hour < 24, result.minute < 60, result.second < 61
        else { return nil }
        return result
    }
}

private struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var atEnd: Bool { index >= bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpaces() {
        while let byte = current, byte == 0x20 { index += 1 }
    }

    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, let byte = current, byte >= 0x30, byte <= 0x39 {
            value = value * 10 + Int(byte - 0x30)
            count += 1
            index += 1
        }
        return count >= min ? value : nil
    }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    mutating func fraction() {
        if current == UInt8(ascii: ".") || current == UInt8(ascii: ",") {
            index += 1
            while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
        }
    }

    mutating func offset() -> Int? {
        if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) { return 0 }
        guard let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            return nil
        }
        index += 1
        guard let hours = digits(min: 2, max: 2) else { return nil }
        _ = expect(UInt8(ascii: ":"))
        let minutes = digits(min: 2, max: 2) ?? 0
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    mutating func monthName() -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard index + 3 <= bytes.count else { return nil }
        let word = String(decoding: bytes[index..<index + 3], as: UTF8.self).lowercased()
        guard let position = names.firstIndex(of: word) else { return nil }
        index += 3
        return position + 1
    }

    mutating func read(_ piece: TemporalFormat.Piece, into result: inout TemporalFormat.Parsed)
        -> Bool
    {
        switch piece {
        case .year:
            guard let value = digits(min: 4, max: 4) else { return false }
            result.year = value
        case .shortYear:
            guard let value = digits(min: 2, max: 2) else { return false }
            result.year = value < 69 ? 2000 + value : 1900 + value
        case .month:
            guard let value = digits(min: 1, max: 2) else { return false }
            result.month = value
        case .monthName:
            guard let value = monthName() else { return false }
            result.month = value
        case .day:
            guard let value = digits(min: 1, max: 2) else { return false }
            result.day = value
        case .hour:
            guard let value = digits(min: 1, max: 2) else { return false }
            result.hour = value
        case .minute:
            guard let value = digits(min: 2, max: 2) else { return false }
            result.minute = value
        case .second:
            guard let value = digits(min: 2, max: 2) else { return false }
            result.second = value
            fraction()
        case .offset:
            guard let value = offset() else { return false }
            result.offsetSeconds = value
        case .literal(let byte):
            return expect(byte)
        }
        return true
    }

    mutating func readISO(into result: inout TemporalFormat.Parsed) -> Bool {
        guard let year = digits(min: 4, max: 4) else { return false }
        let separator = current
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return false }
        index += 1
        guard let month = digits(min: 1, max: 2), let separator, expect(separator),
            let day = digits(min: 1, max: 2)
        else { return false }
        result.year = year
        result.month = month
        result.day = day
        guard let next = current, next == UInt8(ascii: "T") || next == 0x20 else { return true }
        index += 1
        skipSpaces()
        guard let hour = digits(min: 1, max: 2), expect(UInt8(ascii: ":")),
            let minute = digits(min: 2, max: 2)
        else { return false }
        result.hour = hour
        result.minute = minute
        if expect(UInt8(ascii: ":")) {
            guard let second = digits(min: 2, max: 2) else { return false }
            result.second = second
            fraction()
        }
        skipSpaces()
        if !atEnd {
            guard let offset = offset() else { return false }
            result.offsetSeconds = offset
        }
        return true
    }
}
