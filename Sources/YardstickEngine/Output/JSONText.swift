/// A JSON value ready to print; numbers are kept as the text to write. Package access: the score
/// report's JSON writer (YardstickScorecard) renders with it too.
package enum JSONText {
    case object([String: JSONText])
    /// An object whose fields are already in key byte order.
    case orderedObject([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case number(String)
    case null

    /// The value pretty-printed with two-space indentation and keys in byte order.
    package func rendered(indent: String = "") -> String {
        var bytes: [UInt8] = []
        render(into: &bytes, indent: Array(indent.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the pretty-printed value's UTF-8 to `bytes` (one growing buffer).
    package func render(into bytes: inout [UInt8], indent: [UInt8]) {
        switch self {
        case .object(let fields):
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            JSONText.orderedObject(sorted.map { ($0.key, $0.value) }).render(into: &bytes, indent: indent)
        case .orderedObject(let fields):
            Self.renderContainer(fields, open: "{", close: "}", into: &bytes, indent: indent) { field, bytes, inner in
                Self.appendQuoted(field.0, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(0x20)
                field.1.render(into: &bytes, indent: inner)
            }
        case .array(let items):
            Self.renderContainer(items, open: "[", close: "]", into: &bytes, indent: indent) { item, bytes, inner in
                item.render(into: &bytes, indent: inner)
            }
        case .string(let value): Self.appendQuoted(value, to: &bytes)
        case .number(let value): bytes += value.utf8
        case .null: bytes += Array("null".utf8)
        }
    }

    /// An object or array: `open`, one element per line indented two spaces deeper, `close`
    /// on its own line at `indent`; `open` and `close` together when there are no elements.
    @inline(__always)
    private static func renderContainer<Element>(
        _ elements: [Element], open: Unicode.Scalar, close: Unicode.Scalar, into bytes: inout [UInt8],
        indent: [UInt8], element: (Element, inout [UInt8], [UInt8]) -> Void
    ) {
        bytes.append(UInt8(ascii: open))
        guard !elements.isEmpty else {
            bytes.append(UInt8(ascii: close))
            return
        }
        let inner = indent + [0x20, 0x20]
        bytes.append(0x0A)
        for (index, item) in elements.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x0A)
            }
            bytes += inner
            element(item, &bytes, inner)
        }
        bytes.append(0x0A)
        bytes += indent
        bytes.append(UInt8(ascii: close))
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string; UTF-8 other than quotes, backslashes and control
    /// characters is copied as it is.
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            case 0x09:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            case ..<0x20:
                let hex = String(byte, radix: 16)
                bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
