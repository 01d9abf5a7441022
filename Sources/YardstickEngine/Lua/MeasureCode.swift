import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// The code of a `field(…)` expression, as the prelude (`fields.lua`) writes it, read back
/// into a ``Measure``.
///
/// Prefix notation, one pass, no separators needed: `F<bytes>:<path>` a field,
/// `n<integer>;` `f<hexadecimal float>;` `m<scaled decimal>;` constants,
/// `D<d|h><bytes>:<from><bytes>:<to>` a duration in days or hours, and `+ - * /` followed by
/// their two operands. So `-F6:amountF4:cost` is `amount - cost`. The code is also the cache
/// key of the views and aggregates that use the expression: equal codes, equal measures.
enum MeasureCode {
    /// Decodes an expression's code.
    ///
    /// - Throws: ``HostError`` when the text is not one expression (a prelude bug, not a
    ///   script error) or nests deeper than the query engine evaluates.
    static func decode(_ code: String) throws(HostError) -> Measure {
        var reader = Reader(bytes: Array(code.utf8))
        let measure = try reader.measure(depth: 0)
        guard reader.index == reader.bytes.count else { throw Reader.malformed }
        return measure
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        static let malformed = HostError(tr("field(…): malformed expression"))
        /// The prelude stops at 32 levels; the engine evaluates up to 64.
        static let maximumDepth = 64

        mutating func measure(depth: Int) throws(HostError) -> Measure {
            guard depth < Self.maximumDepth else { throw HostError(tr("field(…): the expression nests too deeply")) }
            guard index < bytes.count else { throw Self.malformed }
            let tag = bytes[index]
            index += 1
            switch tag {
            case UInt8(ascii: "F"):
                return .field(FieldPath(try text()))
            case UInt8(ascii: "n"):
                guard let value = Int64(try token()) else { throw Self.malformed }
                return .constant(.integer(value))
            case UInt8(ascii: "f"):
                guard let value = Double(try token()), value.isFinite else { throw Self.malformed }
                return .constant(.number(value))
            case UInt8(ascii: "m"):
                guard let scaled = Int64(try token()) else { throw Self.malformed }
                return .constant(.decimal(ExactDecimal(scaled: scaled)))
            case UInt8(ascii: "D"):
                guard index < bytes.count else { throw Self.malformed }
                let unit = bytes[index]
                guard unit == UInt8(ascii: "d") || unit == UInt8(ascii: "h") else { throw Self.malformed }
                index += 1
                let from = try text()
                let to = try text()
                return .duration(from: from, to: to, hours: unit == UInt8(ascii: "h"))
            default:
                guard let op = ArithmeticOperator(rawValue: String(UnicodeScalar(tag))) else { throw Self.malformed }
                let left = try measure(depth: depth + 1)
                let right = try measure(depth: depth + 1)
                return .arithmetic(op, left, right)
            }
        }

        /// `<bytes>:<text>`.
        mutating func text() throws(HostError) -> String {
            var length = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit), length < 1 << 24 else { throw Self.malformed }
                length = length * 10 + digit
                index += 1
            }
            guard index < bytes.count, bytes.count - (index + 1) >= length else { throw Self.malformed }
            index += 1
            let text = String(decoding: bytes[index..<index + length], as: UTF8.self)
            index += length
            return text
        }

        /// The text up to the next `;`.
        mutating func token() throws(HostError) -> String {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            guard index < bytes.count else { throw Self.malformed }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}
