/// A JSON value ready to print; numbers are kept as the text to write.
enum JSONText {
    case object([String: JSONText])
    /// An object whose fields are already in key byte order.
    case orderedObject([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case number(String)
    case null

    /// The value pretty-printed with two-space indentation and keys in byte order.
    func rendered(indent: String = "") -> String {
        var bytes: [UInt8] = []
        render(into: &bytes, indent: Array(indent.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the pretty-printed value's UTF-8 to `bytes` (one growing buffer).
    func render(into bytes: inout [UInt8], indent: [UInt8]) {
        switch self {
        case .object(let fields):
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            JSONText.orderedObject(sorted.map { ($0.key, $0.value) }).render(into: &bytes, indent: indent)
        case .orderedObject(let fields):
            guard !fields.isEmpty else {
                bytes += Array("{}".utf8)
                return
            }
            let inner = indent + [0x20, 0x20]
            bytes.append(UInt8(ascii: "{"))
            bytes.append(0x0A)
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(0x0A)
                }
                bytes += inner
                Self.appendQuoted(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(0x20)
                value.render(into: &bytes, indent: inner)
            }
            bytes.append(0x0A)
            bytes += indent
            bytes.append(UInt8(ascii: "}"))
        case .array(let items):
            guard !items.isEmpty else {
                bytes += Array("[]".utf8)
                return
            }
            let inner = indent + [0x20, 0x20]
            bytes.append(UInt8(ascii: "["))
            bytes.append(0x0A)
            for (index, item) in items.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(0x0A)
                }
                bytes += inner
                item.render(into: &bytes, indent: inner)
            }
            bytes.append(0x0A)
            bytes += indent
            bytes.append(UInt8(ascii: "]"))
        case .string(let value): Self.appendQuoted(value, to: &bytes)
        case .number(let value): bytes += value.utf8
        case .null: bytes += Array("null".utf8)
        }
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
