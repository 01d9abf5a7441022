/// Values as they are shown to people in messages, `check` and `explain`: control characters
/// escaped (so a stray carriage return or escape sequence cannot rewrite the terminal) and long
/// values cut short.
package enum DisplayText {
    /// The longest example shown, in characters, before it is cut with `…`.
    package static let exampleLimit = 80

    /// The text with each control character written as an escape: `\n`, `\r`, `\t`, `\0`, and
    /// `\u{1B}` for the others (C0, DEL and C1 controls).
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            case _ where isControl(scalar):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text escaped and cut to about `limit` characters; a cut value ends with `…` and says
    /// how long it was.
    package static func example(_ text: String, limit: Int = exampleLimit) -> String {
        let escapedText = escaped(text)
        guard escapedText.count > limit else { return escapedText }
        return String(escapedText.prefix(limit)) + "… (\(text.utf8.count) bytes)"
    }

    /// The bytes as text (invalid UTF-8 replaced), escaped and cut; only the first bytes are
    /// decoded, so a huge value costs nothing.
    package static func example(bytes: UnsafeRawBufferPointer, limit: Int = exampleLimit) -> String {
        // Four bytes per character at most, plus room for the escapes' lengths.
        let head = String(decoding: bytes.prefix(limit * 4 + 4), as: UTF8.self)
        let escapedText = escaped(head)
        guard escapedText.count > limit || bytes.count > limit * 4 + 4 else { return escapedText }
        return String(escapedText.prefix(limit)) + "… (\(bytes.count) bytes)"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
