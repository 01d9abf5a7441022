import YardstickData
import YardstickEngine

/// The alerts of a score report as Markdown (`yardstick alerts --format md`), for wikis and
/// chat.
///
/// A title (the model's title in the locale, then `alerts`), the workspace, and per period a
/// heading as the table's (`2017-10 · as of 2017-10-20 · 31 days, 20 elapsed, 11 left · pace
/// 64.5% · 4 alerts`) over a GitHub-flavoured table with the terminal table's columns (who,
/// indicator, alert, value, target, completion, need per day, pipeline when some alert has
/// one), numbers right-aligned. Names are never cut and are escaped for Markdown; a period
/// without alerts says so. Labels follow the locale.
///
/// The writer is pure: the same report gives the same bytes (UTF-8, LF, a final newline).
public struct AlertsMarkdownWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The report's alerts as Markdown.
    ///
    /// - Parameters:
    ///   - report: The score report; every period's ``PeriodScores/alerts`` are written.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text's UTF-8 bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array(text(report, locale: locale).utf8)
    }

    /// The report's alerts as Markdown (the text of ``write(_:locale:)``).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The document, ending with a newline.
    public func text(_ report: ScoreReport, locale: String) -> String {
        let words = AlertText(locale: locale)
        let calendar = PaceCalendar(settings: report.definition.alerts?.pace)
        let infos = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let title = report.definition.title(locale: locale)
        var sections = [
            "# " + MarkdownText.escaped(title) + (words.chinese ? " — 提醒" : " — alerts"),
            (words.chinese ? "工作区：" : "Workspace: ") + MarkdownText.escaped(report.workspace),
        ]
        for scores in report.periods {
            let heading = AlertsTableWriter.heading(
                scores, asOf: report.asOf, calendar: calendar, count: scores.alerts.count, chinese: words.chinese)
            guard !scores.alerts.isEmpty else {
                sections.append("## " + heading + "\n\n" + (words.chinese ? "没有提醒。" : "No alerts."))
                continue
            }
            let (headers, rows) = AlertsTableWriter.cells(scores.alerts, infos: infos, words: words, locale: locale)
            let table = MarkdownText.table(
                headers: headers, rows: rows.map { $0.map(MarkdownText.escaped) },
                rightAligned: Set(3..<headers.count))
            sections.append("## " + heading + "\n\n" + table)
        }
        if report.periods.isEmpty { sections.append(words.chinese ? "没有提醒。" : "No alerts.") }
        return sections.joined(separator: "\n\n") + "\n"
    }
}
