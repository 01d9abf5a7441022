/// The formats `yardstick score --format` offers, by id.
///
/// ```swift
/// let writer = ScoreReportWriters.writer(for: "csv")
/// let bytes = writer?.write(report, locale: "en")
/// ```
public enum ScoreReportWriters {
    /// Every format id, in the order `--help` lists them: `table` (the leaderboard, the
    /// default), `json`, `csv`, `html`, `md` (the spreadsheet, `xlsx`, is `YardstickXLSX`'s
    /// `XLSXScoreWriter`).
    public static let formats: [String] = all.map(\.formatID)

    /// The writer of a format.
    ///
    /// - Parameter format: A format id (`table`, `json`, `csv`, `html`, `md`), case-insensitive.
    /// - Returns: Its writer, or nil when no format has that id.
    public static func writer(for format: String) -> (any ScoreReportWriter)? {
        let id = format.lowercased()
        return all.first { $0.formatID == id }
    }

    /// The writers, in ``formats`` order.
    private static let all: [any ScoreReportWriter] = [
        ScoreTableWriter(), ScoreJSONWriter(), ScoreCSVWriter(), ScoreHTMLWriter(), ScoreMarkdownWriter(),
    ]
}
