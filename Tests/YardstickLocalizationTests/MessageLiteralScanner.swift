/// Finds string literals in Swift source that are user-facing messages written without `tr`:
/// the literal argument of a message-making call (`report(line, "…")`, `fail("…")`,
/// `SomeError("…")`, `problem(.code, "…")`, `table.error(at: key, "…")`), or the value of a
/// `message:` label or a `message =` assignment, on the same line or the next ones, alone or
/// `+`-concatenated.
///
/// The scan skips comments and the contents of `tr(…)` calls, and looks only at literals that
/// read as prose (a word of two letters or more and a space), so `"id"` or `", "` pass.
enum MessageLiteralScanner {
    /// A literal that looks like a message bypassing `tr`.
    struct Finding: Equatable, CustomStringConvertible {
        /// The 1-based line the literal starts on.
        let line: Int
        /// The call (`report(`), label (`message:`) or assignment (`message=`) it is the message of.
        let shape: String
        /// The literal as written, quotes included.
        let literal: String

        var description: String { "line \(line): \(shape) \(literal)" }
    }

    /// Calls whose literal arguments are messages.
    static let messageCalls: Set<String> = [
        "report", "fail", "failure", "problem", "broken", "mismatch", "error", "note", "warn", "warning",
    ]
    /// Type-name endings whose initialisers take a message.
    static let messageTypeSuffixes = ["Error", "Problem", "Failure", "Reason", "Warning"]
    /// Calls that end like a message type but stop the program on a programmer's mistake.
    static let programmerErrors: Set<String> = ["fatalError", "preconditionFailure", "assertionFailure"]
    /// Labels (`message: "…"`) and variables (`message = "…"`) whose value is a message.
    static let messageLabels: Set<String> = ["message"]

    /// Every literal in `text` that is a message outside `tr`.
    static func findings(in text: String) -> [Finding] {
        let tokens = tokenize(text)
        var found: [Finding] = []
        for (index, token) in tokens.enumerated() {
            guard case .literal(let literal) = token.kind, isProse(literal) else { continue }
            if index >= 2, case .punctuation(let mark) = tokens[index - 1].kind, mark == ":" || mark == "=",
                case .word(let label) = tokens[index - 2].kind, messageLabels.contains(label)
            {
                found.append(Finding(line: token.line, shape: "\(label)\(mark)", literal: literal))
                continue
            }
            guard let callee = enclosingCall(of: index, in: tokens), callee != "tr", !programmerErrors.contains(callee)
            else { continue }
            if messageCalls.contains(callee) || messageTypeSuffixes.contains(where: { callee.hasSuffix($0) }) {
                found.append(Finding(line: token.line, shape: callee + "(", literal: literal))
            }
        }
        return found
    }

    // MARK: - Tokens

    struct Token {
        enum Kind: Equatable {
            case word(String)
            case literal(String)
            case punctuation(Character)
        }
        let kind: Kind
        let line: Int
    }

    /// The name before the unmatched `(` that encloses token `index`, if any.
    private static func enclosingCall(of index: Int, in tokens: [Token]) -> String? {
        var depth = 0
        var cursor = index - 1
        while cursor >= 0 {
            if case .punctuation(let mark) = tokens[cursor].kind {
                if ")]}".contains(mark) {
                    depth += 1
                } else if "([{".contains(mark) {
                    if depth == 0 {
                        guard mark == "(", cursor > 0, case .word(let name) = tokens[cursor - 1].kind else {
                            return nil
                        }
                        return name
                    }
                    depth -= 1
                }
            }
            cursor -= 1
        }
        return nil
    }

    /// Whether a literal reads as prose: a space and a run of two ASCII letters outside its
    /// interpolations (`"\(key).fields.\(name)"` is a key, not prose).
    static func isProse(_ literal: String) -> Bool {
        var outside = ""
        var depth = 0
        var previous: Character = " "
        for character in literal {
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            } else if previous == "\\" && character == "(" {
                depth = 1
                outside.append("%")
            } else {
                outside.append(character)
            }
            previous = character
        }
        guard outside.contains(" ") else { return false }
        var run = 0
        for character in outside {
            run = character.isASCII && character.isLetter ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }

    /// Words, single-line and multi-line string literals (interpolations kept inside), and
    /// punctuation; comments are dropped.
    static func tokenize(_ text: String) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var line = 1
        var index = 0
        func starts(_ prefix: String, at position: Int) -> Bool {
            var cursor = position
            for character in prefix {
                guard cursor < characters.count, characters[cursor] == character else { return false }
                cursor += 1
            }
            return true
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                line += 1
                index += 1
            } else if character.isWhitespace {
                index += 1
            } else if starts("//", at: index) {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if starts("/*", at: index) {
                index += 2
                while index < characters.count, !starts("*/", at: index) {
                    if characters[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if starts("\"\"\"", at: index) {
                let start = index
                index += 3
                while index < characters.count, !starts("\"\"\"", at: index) {
                    if characters[index] == "\n" { line += 1 }
                    index += characters[index] == "\\" ? 2 : 1
                }
                index = min(index + 3, characters.count)
                tokens.append(Token(kind: .literal(String(characters[start..<index])), line: line))
            } else if character == "\"" {
                let start = index
                index = endOfLiteral(characters, from: index)
                tokens.append(Token(kind: .literal(String(characters[start..<index])), line: line))
            } else if character.isLetter || character.isNumber || character == "_" {
                let start = index
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                {
                    index += 1
                }
                tokens.append(Token(kind: .word(String(characters[start..<index])), line: line))
            } else {
                tokens.append(Token(kind: .punctuation(character), line: line))
                index += 1
            }
        }
        return tokens
    }

    /// The index just past the single-line literal opening at `start`, interpolations (and the
    /// literals inside them) included.
    private static func endOfLiteral(_ characters: [Character], from start: Int) -> Int {
        var index = start + 1
        while index < characters.count, characters[index] != "\"", characters[index] != "\n" {
            if characters[index] == "\\", index + 1 < characters.count {
                if characters[index + 1] == "(" {
                    var depth = 1
                    index += 2
                    while index < characters.count, depth > 0 {
                        switch characters[index] {
                        case "\"": index = endOfLiteral(characters, from: index)
                        case "(":
                            depth += 1
                            index += 1
                        case ")":
                            depth -= 1
                            index += 1
                        default: index += 1
                        }
                    }
                } else {
                    index += 2
                }
            } else {
                index += 1
            }
        }
        return min(index + 1, characters.count)
    }
}
