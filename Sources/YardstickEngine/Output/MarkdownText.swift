/// Text made safe for GitHub-flavoured Markdown, and its tables and footnotes.
package enum MarkdownText {
    /// `text` with every character Markdown would read as markup escaped with a backslash (`|`,
    /// `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `~`, `&`, `\`), and line breaks as `<br>`, so a
    /// name shows as written inside a table cell or a heading. Other characters (Chinese
    /// included) are kept as they are.
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for character in text.unicodeScalars {
            switch character {
            case "\r":
                result += "<br>"
                previousWasReturn = true
                continue
            case "\n":
                if !previousWasReturn { result += "<br>" }
            case "|", "*", "_", "`", "[", "]", "<", ">", "~", "&", "\\":
                result.append("\\")
                result.unicodeScalars.append(character)
            default:
                result.unicodeScalars.append(character)
            }
            previousWasReturn = false
        }
        return result
    }

    /// A table: a header row, the alignment row (`---` or `--:` for right-aligned columns) and
    /// one row per line of `rows`; cells are used as given (escape them first).
    ///
    /// - Parameters:
    ///   - headers: The header cells.
    ///   - rows: The body, one array of cells per row (as many as headers).
    ///   - rightAligned: The columns aligned right (numbers).
    /// - Returns: The table's lines joined with LF, without a final newline.
    package static func table(headers: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        var lines = [line(headers)]
        lines.append(line(headers.indices.map { rightAligned.contains($0) ? "--:" : "---" }))
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }
}

/// The footnotes of a Markdown document: each distinct text gets a number on first use
/// (`[^1]`), and the definitions are listed at the end.
package struct MarkdownFootnotes {
    private var numbers: [String: Int] = [:]
    private var texts: [String] = []

    /// No footnotes yet.
    package init() {}

    /// The reference to `text`'s footnote (`[^2]`), numbering it on first use.
    package mutating func reference(_ text: String) -> String {
        if let number = numbers[text] { return "[^\(number)]" }
        texts.append(text)
        numbers[text] = texts.count
        return "[^\(texts.count)]"
    }

    /// Whether any footnote was referred to.
    package var isEmpty: Bool { texts.isEmpty }

    /// The definitions, one a line (`[^1]: no deals closed`), without a final newline.
    package var definitions: String {
        texts.enumerated().map { "[^\($0.offset + 1)]: " + MarkdownText.escaped($0.element) }.joined(separator: "\n")
    }
}
