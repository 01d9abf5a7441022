/// Finds the literal keys of `tr("…"` calls in Swift source text.
enum TrCallScanner {
    /// The unescaped string literals that open `tr(` calls in `text`.
    static func keys(in text: String) -> [String] {
        var keys: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "t", scalars[index + 1] == "r", scalars[index + 2] == "(" else { continue }
            if index > 0, isIdentifier(scalars[index - 1]) { continue }
            var cursor = index + 3
            while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\n" { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == "\"" else { continue }
            cursor += 1
            var key = ""
            while cursor < scalars.count, scalars[cursor] != "\"" {
                if scalars[cursor] == "\\", cursor + 1 < scalars.count {
                    cursor += 1
                    switch scalars[cursor] {
                    case "n": key += "\n"
                    case "t": key += "\t"
                    default: key.unicodeScalars.append(scalars[cursor])
                    }
                } else {
                    key.unicodeScalars.append(scalars[cursor])
                }
                cursor += 1
            }
            keys.append(key)
            index = cursor
        }
        return keys
    }

    private static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
    }
}
