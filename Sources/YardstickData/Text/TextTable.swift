/// A plain-text table whose columns line up in a terminal, CJK text included.
///
/// A table wider than the terminal is split into blocks of whole columns, one under the other,
/// each repeating the leading ``repeatedColumns`` (the subject's identifier and name), so that
/// every line fits and no cell is cut.
package struct TextTable: Sendable {
    /// Column headers.
    package var headers: [String]
    /// Which columns are right-aligned (numbers).
    package var rightAligned: Set<Int>
    /// The rows of cells.
    package var rows: [[String]] = []
    /// The leading columns repeated in every block of a split table (identifier and name).
    package var repeatedColumns: Int

    /// The spaces between two columns.
    package static let gap = 2

    /// Creates an empty table.
    package init(headers: [String], rightAligned: Set<Int> = [], repeatedColumns: Int = 0) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.repeatedColumns = repeatedColumns
    }

    /// The display width of each column: its widest cell or header.
    package var columnWidths: [Int] {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The table as lines of text with two spaces between columns and a rule under the header.
    ///
    /// - Parameters:
    ///   - indent: Text put before every line.
    ///   - width: The widest line allowed, in display columns (nil: no limit). A wider table is
    ///     split into blocks of columns separated by a blank line; each block repeats the
    ///     ``repeatedColumns`` and takes as many of the other columns as fit (at least one).
    /// - Returns: The lines, without a final newline.
    package func render(indent: String = "", width: Int? = nil) -> String {
        let widths = columnWidths
        let blocks = Self.blocks(
            widths: widths, repeated: min(repeatedColumns, headers.count),
            limit: width.map { $0 - DisplayWidth.of(indent) })
        return blocks.map { render(columns: $0, widths: widths, indent: indent) }.joined(separator: "\n\n")
    }

    /// The columns of each block: all of them when they fit in `limit` (or there is no limit),
    /// else the repeated ones followed by as many of the rest, in order, as fit (at least one).
    package static func blocks(widths: [Int], repeated: Int, limit: Int?) -> [[Int]] {
        let all = Array(widths.indices)
        func span(_ columns: [Int]) -> Int {
            columns.reduce(0) { $0 + widths[$1] } + gap * max(0, columns.count - 1)
        }
        guard let limit, span(all) > limit, widths.count > repeated else { return [all] }
        let lead = Array(0..<repeated)
        var blocks: [[Int]] = []
        var current = lead
        for column in repeated..<widths.count {
            if current.count > lead.count, span(current + [column]) > limit {
                blocks.append(current)
                current = lead
            }
            current.append(column)
        }
        blocks.append(current)
        return blocks
    }

    /// The lines of the given columns.
    private func render(columns: [Int], widths: [Int], indent: String) -> String {
        func line(_ cells: [String]) -> String {
            let padded = columns.map { index in
                DisplayWidth.pad(
                    index < cells.count ? cells[index] : "", to: widths[index],
                    alignRight: rightAligned.contains(index))
            }
            var text = indent + padded.joined(separator: String(repeating: " ", count: Self.gap))
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = columns.map { String(repeating: "─", count: widths[$0]) }
        var lines = [line(headers), indent + rule.joined(separator: String(repeating: " ", count: Self.gap))]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
