import YardstickData

/// Plain-text layout for the `plugins` commands.
enum PluginsText {
    /// Rows as left-aligned columns separated by two spaces; the first row is the header.
    /// Columns are measured in terminal cells, so that Chinese titles align.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
