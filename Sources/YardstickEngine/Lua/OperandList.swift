import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// The operands of an `in` / `not in` list, as the prelude sends them: one string of operand
/// codes joined by commas, whatever the length of the list (a list of 10⁶ values is one
/// string, not 10⁶ values counted against the conversion limits).
///
/// Codes (the prelude's `encode`): `s<bytes>:<text>` for text (the byte count makes commas in
/// the text harmless), `n<integer>`, `f<hexadecimal float>` (`%a`, exact), `m<scaled decimal>`,
/// `d<day number>` for dates, and `btrue` / `bfalse`. Decoding is one pass over the bytes.
enum OperandList {
    /// Decodes a list of operand codes.
    ///
    /// - Parameters:
    ///   - codes: The codes joined by commas; empty for an empty list.
    ///   - field: The filtered field, named in errors.
    /// - Returns: The operands in list order.
    /// - Throws: ``HostError`` when the text is not a list of codes (a prelude bug, not a
    ///   script error).
    static func decode(_ codes: String, field: String) throws(HostError) -> [Operand] {
        let bytes = Array(codes.utf8)
        var operands: [Operand] = []
        var index = 0
        func fail() -> HostError { HostError(tr("where{%@ = {\"in\", …}}: malformed value list", field)) }
        while index < bytes.count {
            let tag = bytes[index]
            index += 1
            if tag == UInt8(ascii: "s") {
                var length = 0
                while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit), length < Int.max / 10 - 9 else { throw fail() }
                    length = length * 10 + digit
                    index += 1
                }
                guard index < bytes.count, bytes.count - (index + 1) >= length else { throw fail() }
                index += 1
                operands.append(.text(String(decoding: bytes[index..<index + length], as: UTF8.self)))
                index += length
            } else {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end
                switch tag {
                case UInt8(ascii: "n"):
                    guard let number = Int64(text) else { throw fail() }
                    operands.append(.integer(number))
                case UInt8(ascii: "f"):
                    guard let number = Double(text) else { throw fail() }
                    operands.append(.number(number))
                case UInt8(ascii: "m"):
                    guard let scaled = Int64(text) else { throw fail() }
                    operands.append(.decimal(ExactDecimal(scaled: scaled)))
                case UInt8(ascii: "d"):
                    guard let day = Int64(text) else { throw fail() }
                    operands.append(.date(Int32(clamping: day)))
                case UInt8(ascii: "b"):
                    guard text == "true" || text == "false" else { throw fail() }
                    operands.append(.boolean(text == "true"))
                default:
                    throw fail()
                }
            }
            if index < bytes.count {
                guard bytes[index] == UInt8(ascii: ",") else { throw fail() }
                index += 1
            }
        }
        return operands
    }
}
