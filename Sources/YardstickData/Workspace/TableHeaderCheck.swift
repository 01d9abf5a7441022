/// Finds table headers that do not start with a key (`[{`, `[[=`, `[&`) before the TOML
/// library sees them.
///
/// toml++ 3.4.0, vendored by TOMLKit, enters its key parser on such a header with a broken
/// precondition: an assertion failure (the process aborts) in debug builds and undefined
/// behaviour in release builds, where it should report a parse error (toml++ issue 294, fixed
/// upstream after 3.4.0). Found by the workspace fuzz harness (docs/fuzzing.md).
///
/// The scan knows just enough TOML to find where a header can start: at the beginning of a
/// statement, outside strings, comments and multi-line array values.
enum TableHeaderCheck {
    /// The line of the first table header whose first character cannot start a key, and that
    /// character (quoted) or "the end of the line"; nil when every header starts with a key.
    static func firstBadHeader(in text: String) -> (line: Int, found: String)? {
        let bytes = Array(text.utf8)
        // The library skips a byte-order mark.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var depth = 0  // brackets and braces open in the current value
        var atStatementStart = true
        func skipBlanks() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1
                index += 1
                if depth == 0 { atStatementStart = true }
            case 0x20, 0x09, 0x0D:
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                atStatementStart = false
                let delimiter = byte
                let multiline =
                    index + 2 < bytes.count && bytes[index + 1] == delimiter && bytes[index + 2] == delimiter
                index += multiline ? 3 : 1
                while index < bytes.count {
                    let next = bytes[index]
                    if next == 0x5C, delimiter == UInt8(ascii: "\"") {
                        // An escape, or a line-ending backslash in a multi-line string.
                        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { line += 1 }
                        index += 2
                        continue
                    }
                    if next == 0x0A {
                        if !multiline { break }
                        line += 1
                    }
                    if next == delimiter {
                        if !multiline {
                            index += 1
                            break
                        }
                        if index + 2 < bytes.count, bytes[index + 1] == delimiter, bytes[index + 2] == delimiter {
                            index += 3
                            // A closing """ may be followed by up to two more quotes of the content.
                            while index < bytes.count, bytes[index] == delimiter { index += 1 }
                            break
                        }
                    }
                    index += 1
                }
            case UInt8(ascii: "["):
                if atStatementStart {
                    atStatementStart = false
                    index += 1
                    let hadBlank = index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09)
                    skipBlanks()
                    if !hadBlank, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                        index += 1
                        skipBlanks()
                    }
                    guard index < bytes.count else { return nil }
                    let first = bytes[index]
                    // `]` (an empty key) gets the library's own message.
                    if !startsKey(first) && first != UInt8(ascii: "]") {
                        if first == 0x0A || first == 0x0D { return (line, "the end of the line") }
                        let character = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self)
                        return (line, "\"\(character.prefix(1))\"")
                    }
                } else {
                    depth += 1
                    index += 1
                }
            case UInt8(ascii: "{"):
                atStatementStart = false
                depth += 1
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                index += 1
            default:
                atStatementStart = false
                index += 1
            }
        }
        return nil
    }

    /// Whether a byte can start a key: a bare-key character or a quote.
    private static func startsKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""),
            UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
