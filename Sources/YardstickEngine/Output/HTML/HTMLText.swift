import YardstickData

/// Text made safe for an HTML page: everything that comes from data (names, ids, titles,
/// reasons, messages) passes through ``escaped(_:)`` before it is written into a page.
package enum HTMLText {
    /// The text with `&`, `<`, `>`, `"` and `'` written as character references, so that it
    /// reads as text in element content and in double- or single-quoted attribute values.
    /// Control characters are first written as visible escapes (`\n`, `\u{1B}`), as the
    /// terminal tables do, because HTML has no use for them in a name.
    ///
    /// - Parameter text: Any text from data.
    /// - Returns: The text to place in a page.
    package static func escaped(_ text: String) -> String {
        let visible = DisplayText.escaped(text)
        guard visible.utf8.contains(where: { needsEscape($0) }) else { return visible }
        var out = ""
        out.reserveCapacity(visible.utf8.count + 16)
        for character in visible.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// A value for an `id` attribute or a fragment link: the parts joined by `-`, each letter,
    /// digit, `-` and `_` kept and every other character written as `_` followed by its code in
    /// hexadecimal, so that different parts never give the same id and the result needs no
    /// escaping.
    ///
    /// - Parameter parts: The parts (`card`, `2017-Q4`, `u17`).
    /// - Returns: `card-2017-Q4-u17`.
    package static func identifier(_ parts: String...) -> String {
        parts.map { part in
            var out = ""
            for scalar in part.unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "_" + String(scalar.value, radix: 16) + "."
                }
            }
            return out
        }.joined(separator: "-")
    }
}
