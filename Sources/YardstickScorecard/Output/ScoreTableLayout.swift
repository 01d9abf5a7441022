import YardstickData

/// A table with fixed columns on the left and optional columns after them that are left out,
/// rightmost first, until the table fits a width (the leaderboard's dimension columns, a
/// rollup's indicator columns).
struct ScoreTableLayout {
    /// An optional column: its full name (for the footnote), its header and its cells.
    struct Column {
        var name: String
        var header: String
        var cells: [String]
    }

    /// The rendered table, without a final newline.
    let text: String
    /// The names of the optional columns left out, left to right.
    let dropped: [String]

    /// Lays the table out.
    ///
    /// - Parameters:
    ///   - fixedHeaders: The headers of the columns always shown.
    ///   - fixedRows: Their cells, one array per row.
    ///   - rightAligned: Which fixed columns are right-aligned (optional ones always are).
    ///   - optional: The columns shown while they fit, in order.
    ///   - width: The widest a line may be, in display columns.
    init(fixedHeaders: [String], fixedRows: [[String]], rightAligned: Set<Int>, optional: [Column], width: Int) {
        var kept = optional.count
        var rendered = ""
        while true {
            let shown = optional.prefix(kept)
            var table = TextTable(
                headers: fixedHeaders + shown.map(\.header),
                rightAligned: rightAligned.union(fixedHeaders.count..<(fixedHeaders.count + kept)))
            table.rows = fixedRows.enumerated().map { index, row in row + shown.map { $0.cells[index] } }
            rendered = table.render()
            let widest = rendered.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
            if widest <= width || kept == 0 { break }
            kept -= 1
        }
        text = rendered
        dropped = optional.suffix(optional.count - kept).map(\.name)
    }
}
