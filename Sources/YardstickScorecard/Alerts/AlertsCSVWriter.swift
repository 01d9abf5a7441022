import YardstickData
import YardstickEngine

/// The alerts of a score report as CSV (`yardstick alerts --format csv`): one row per alert,
/// for spreadsheets and scripts.
///
/// RFC 4180 with a header row; the columns (``columns``) are those of the JSON format's alerts,
/// in the same meaning, preceded by the period (label, first and last day) and the as-of day.
/// Numbers are rounded to six decimal places as in the JSON; a figure that does not apply is
/// an empty cell; booleans are `true`/`false`. Ids, kinds and units are locale-free; only
/// `indicator_title` and `message` follow the locale.
///
/// The writer is pure: the same report gives the same bytes (UTF-8, LF, a final newline).
public struct AlertsCSVWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The header row's columns, in order.
    public static let columns = [
        "period", "period_first", "period_last", "as_of", "kind", "grain", "subject_id", "subject_name",
        "indicator", "indicator_title", "unit", "better", "value", "target", "target_rule", "tier", "completion",
        "mark", "expected_completion", "paced", "remaining", "remaining_days", "needed_per_day", "pipeline",
        "completion_with_pipeline", "message",
    ]

    /// The report's alerts as CSV.
    ///
    /// - Parameters:
    ///   - report: The score report; every period's ``PeriodScores/alerts`` are written.
    ///   - locale: The language of `indicator_title` and `message` (`en`, `zh-CN`).
    /// - Returns: The CSV's UTF-8 bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        let words = AlertText(locale: locale)
        let infos = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let asOf = CivilDate.isoString(ofDay: report.asOf)
        var lines = [Self.columns.joined(separator: ",")]
        for scores in report.periods {
            let period = scores.period
            for alert in scores.alerts {
                let info = infos[alert.indicatorID]
                let title = info?.title(locale: locale) ?? alert.indicatorID
                let unit = info?.unit ?? .number
                let cells = [
                    period.label, period.firstDate, period.lastDate, asOf, alert.kind.rawValue,
                    alert.subject.grain.rawValue, alert.subject.id, alert.subjectName, alert.indicatorID, title,
                    unit.rawValue, alert.direction.rawValue, Self.number(alert.value), Self.number(alert.target),
                    alert.targetRule ?? "", alert.tier?.rawValue ?? "", Self.number(alert.completion),
                    Self.number(alert.mark), Self.number(alert.expectedCompletion), alert.isPaced ? "true" : "false",
                    Self.number(alert.remaining), String(alert.remainingDays), Self.number(alert.neededPerDay),
                    Self.number(alert.pipeline), Self.number(alert.completionWithPipeline),
                    words.sentence(alert, title: title, unit: unit),
                ]
                lines.append(cells.map(CSVReportWriter.field).joined(separator: ","))
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A number rounded to six decimal places, or an empty cell when absent or not finite.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return ResultValue.number(value).tableText(unit: .number)
    }
}
