/// A plain-text table whose columns line up in a terminal, CJK text included.
package struct TextTable: Sendable {
    /// Column headers.
    package var headers: [String]
    /// Which columns are right-aligned (numbers).
    package var rightAligned: Set<Int>
    /// The rows of cells.
    package var rows: [[String]] = []

    /// Creates an empty table.
    package init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// The table as lines of text with two spaces between columns and a rule under the header.
    package func render(indent: String = "") -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[index], alignRight: rightAligned.contains(index))
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(headers), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
