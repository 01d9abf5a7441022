/// The line on which each key of a TOML file is first written, for messages.
///
/// The TOML library keeps no positions, so the file is scanned for table headers (`[a.b]`,
/// `[[a.b]]`, the n-th of which is also recorded as `a.b[n]`) and `key = value` lines, skipping
/// strings, comments and values spread over several lines. Keys are recorded as dotted paths
/// (`scorecard.weights.win_rate`). It is a hint, not a parser: a key inside an inline table
/// is not found, and ``line(of:)`` then falls back to its nearest enclosing key.
struct WorkspaceKeyLines: Sendable {
    private var lines: [String: Int] = [:]

    /// The line of `key`, or of its nearest enclosing key (dropping an array index, then the
    /// last component) that was found; nil when none was.
    func line(of key: String) -> Int? {
        var path = Substring(key)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                path = path[..<open]
            } else if let dot = path.lastIndex(of: ".") {
                path = path[..<dot]
            } else {
                return nil
            }
        }
        return nil
    }

    /// Scans the text of a TOML file.
    static func scan(_ text: String) -> WorkspaceKeyLines {
        var scanner = Scanner()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            scanner.read(Substring(line), number: offset + 1)
        }
        return WorkspaceKeyLines(lines: scanner.lines)
    }

    private init(lines: [String: Int]) { self.lines = lines }

    /// The state of a scan between lines.
    private struct Scanner {
        var lines: [String: Int] = [:]
        /// The dotted path of the current table header; nil before the first.
        var prefix: String?
        /// How many `[[path]]` headers have been seen, per path.
        var arrayCounts: [String: Int] = [:]
        /// The closing delimiter of a multi-line string the previous line left open.
        var openString: String?
        /// Brackets and braces open in the current value.
        var depth = 0

        mutating func read(_ line: Substring, number: Int) {
            var rest = line
            if let delimiter = openString {
                guard let close = rest.range(of: delimiter) else { return }
                openString = nil
                rest = rest[close.upperBound...]
                scanValue(rest)
                return
            }
            if depth > 0 {
                scanValue(rest)
                return
            }
            let trimmed = rest.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            if trimmed.hasPrefix("[[") {
                guard let end = trimmed.range(of: "]]") else { return }
                let path = Self.normalized(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<end.lowerBound])
                let index = arrayCounts[path, default: 0]
                arrayCounts[path] = index + 1
                record(path, number)
                prefix = path + "[\(index)]"
                record(prefix!, number)
            } else if trimmed.hasPrefix("[") {
                guard let end = trimmed.firstIndex(of: "]") else { return }
                let path = Self.normalized(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
                record(path, number)
                prefix = path
            } else if let equals = Self.keyEnd(trimmed) {
                let key = Self.normalized(trimmed[..<equals])
                guard !key.isEmpty else { return }
                record(prefix.map { $0 + "." + key } ?? key, number)
                scanValue(trimmed[trimmed.index(after: equals)...])
            }
        }

        /// Records a path and its enclosing paths, keeping the first line of each.
        mutating func record(_ path: String, _ number: Int) {
            var current = Substring(path)
            while !current.isEmpty {
                if lines[String(current)] == nil { lines[String(current)] = number }
                guard let dot = current.lastIndex(of: ".") else { break }
                current = current[..<dot]
            }
        }

        /// Follows brackets, braces and strings through a value, to know where the next
        /// statement starts.
        mutating func scanValue(_ value: Substring) {
            var index = value.startIndex
            while index < value.endIndex {
                let character = value[index]
                switch character {
                case "#":
                    return
                case "[", "{":
                    depth += 1
                case "]", "}":
                    depth = max(0, depth - 1)
                case "\"", "'":
                    let triple = String(repeating: character, count: 3)
                    if value[index...].hasPrefix(triple) {
                        let after = value.index(index, offsetBy: 3)
                        guard let close = value[after...].range(of: triple) else {
                            openString = triple
                            return
                        }
                        index = close.upperBound
                        continue
                    }
                    index = value.index(after: index)
                    while index < value.endIndex, value[index] != character {
                        if character == "\"", value[index] == "\\" {
                            index = value.index(after: index)
                            if index == value.endIndex { break }
                        }
                        index = value.index(after: index)
                    }
                default:
                    break
                }
                if index < value.endIndex { index = value.index(after: index) }
            }
        }

        /// The `=` ending a key, outside quotes; nil when the line is not a key line.
        static func keyEnd(_ line: Substring) -> Substring.Index? {
            var quote: Character?
            for index in line.indices {
                let character = line[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "=" {
                    return index
                } else if character == "#" {
                    return nil
                }
            }
            return nil
        }

        /// A key or header path with its parts trimmed and unquoted, joined by dots.
        static func normalized(_ path: Substring) -> String {
            var parts: [String] = []
            var current = ""
            var quote: Character?
            for character in path {
                if let open = quote {
                    if character == open { quote = nil } else { current.append(character) }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "." {
                    parts.append(current)
                    current = ""
                } else if character != " " && character != "\t" {
                    current.append(character)
                }
            }
            parts.append(current)
            return parts.joined(separator: ".")
        }
    }
}
