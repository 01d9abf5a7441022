import YardstickData

/// One worksheet: a name, a header row and typed rows. Written with the header row frozen, an
/// autofilter over the header and the rows, and each column as wide as its widest cell (within
/// bounds).
package struct XLSXSheet: Sendable {
    /// The tab's name as given; ``XLSXWorkbook`` makes it valid and unique.
    package var name: String
    /// The header row's cells (bold).
    package var headers: [String]
    /// The rows under the header, each at most as long as ``headers``.
    package var rows: [[XLSXCell]]

    /// Creates a sheet.
    package init(name: String, headers: [String], rows: [[XLSXCell]] = []) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }

    /// Column widths in characters: the widest of the header and the cells (East Asian wide
    /// characters counting two), plus padding, between 6 and 60.
    var columnWidths: [Int] {
        var widths = headers.map { Self.width(of: $0) + 3 }  // room for the filter button
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.width(of: cell.shownText))
            }
        }
        return widths.map { min(max($0 + 2, 6), 60) }
    }

    /// The display width of `text`: two columns for East Asian wide characters.
    static func width(of text: String) -> Int { DisplayWidth.of(text) }
}
