import YardstickData
import YardstickEngine

/// The alerts of a score report as terminal tables (`yardstick alerts --format table`): one
/// table per period, a row per alert.
///
/// Each period is headed with its label, the as-of day, how its days count and the completion
/// the linear pace expects by then
/// (`2017-10 · as of 2017-10-20 · 21 working days, 15 elapsed, 6 left · pace 71.4% · 3 alerts`).
/// The columns: who (rollup units with their grain), the indicator's title, the alert
/// (`reached 80%`, `behind pace`, `period end`), value, target, completion, what each remaining
/// day needs (`—` for indicators without pace, ``Alert/isPaced``), and the open pipeline (only
/// when some alert has one). The table fits 100 columns: long subject and indicator names are
/// cut with `…`. In Chinese (`zh-CN`) the labels and titles are Chinese and the columns line up
/// by display width. A period without alerts says so. Numbers follow the indicator's unit
/// (docs/alerts.md).
///
/// The writer is pure: the same report gives the same bytes (UTF-8, LF, a final newline).
public struct AlertsTableWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The report's alerts as tables.
    ///
    /// - Parameters:
    ///   - report: The score report; every period's ``PeriodScores/alerts`` are written.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text's UTF-8 bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array(text(report, locale: locale).utf8)
    }

    /// The report's alerts as tables (the text of ``write(_:locale:)``).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text, ending with a newline.
    public func text(_ report: ScoreReport, locale: String) -> String {
        let words = AlertText(locale: locale)
        let chinese = words.chinese
        let calendar = PaceCalendar(settings: report.definition.alerts?.pace)
        let infos = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sections: [String] = []
        for scores in report.periods {
            let heading = Self.heading(
                scores, asOf: report.asOf, calendar: calendar, count: scores.alerts.count, chinese: chinese)
            guard !scores.alerts.isEmpty else {
                sections.append(heading + "\n" + (chinese ? "没有提醒。" : "No alerts."))
                continue
            }
            let (headers, rows) = Self.cells(scores.alerts, infos: infos, words: words, locale: locale)
            var table = TextTable(headers: headers, rightAligned: Set(3..<headers.count))
            table.rows = Self.fitted(rows, headers: headers)
            sections.append(heading + "\n" + table.render())
        }
        if sections.isEmpty { sections.append(chinese ? "没有提醒。" : "No alerts.") }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The header and the rows of a period's alerts as shown for reading (the terminal table
    /// and the Markdown table): who, the indicator's title, the alert, value, target,
    /// completion, what each remaining day needs (`—` without pace), and the open pipeline when
    /// some alert has one.
    ///
    /// - Parameters:
    ///   - alerts: The period's alerts, in order.
    ///   - infos: The report's indicators by id (titles and units).
    ///   - words: The labels in the locale.
    ///   - locale: `en` or `zh-CN`, for the titles.
    /// - Returns: The header cells and one row of cells per alert.
    static func cells(
        _ alerts: [Alert], infos: [String: IndicatorInfo], words: AlertText, locale: String
    ) -> (headers: [String], rows: [[String]]) {
        let withPipeline = alerts.contains { $0.pipeline != nil }
        var headers =
            words.chinese
            ? ["对象", "指标", "提醒", "实际", "目标", "完成率", "每天需"]
            : ["Subject", "Indicator", "Alert", "Value", "Target", "Done", "Per day"]
        if withPipeline { headers.append(words.chinese ? "在途" : "Pipeline") }
        let rows = alerts.map { alert -> [String] in
            let info = infos[alert.indicatorID]
            let unit = info?.unit ?? .number
            var row = [
                words.subject(alert), info?.title(locale: locale) ?? alert.indicatorID, words.kind(alert),
                AlertText.amount(alert.value, unit: unit), AlertText.amount(alert.target, unit: unit),
                AlertText.percent(alert.completion),
                alert.neededPerDay.map { AlertText.amount($0, unit: unit) } ?? "—",
            ]
            if withPipeline { row.append(alert.pipeline.map { AlertText.amount($0, unit: unit) } ?? "") }
            return row
        }
        return (headers, rows)
    }

    /// The widest a table may be, in terminal columns.
    package static let maximumWidth = 100
    /// The narrowest the subject and indicator columns are cut to.
    package static let minimumNameWidth = 12

    /// The rows with the subject and indicator cells (the first two columns) cut with `…` so the
    /// table fits ``maximumWidth`` columns: the wider of the two loses a column at a time, down
    /// to ``minimumNameWidth``.
    package static func fitted(_ rows: [[String]], headers: [String]) -> [[String]] {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        var excess = widths.reduce(0, +) + 2 * (widths.count - 1) - maximumWidth
        guard excess > 0 else { return rows }
        while excess > 0, max(widths[0], widths[1]) > minimumNameWidth {
            widths[widths[0] >= widths[1] ? 0 : 1] -= 1
            excess -= 1
        }
        return rows.map { row in
            var row = row
            row[0] = DisplayWidth.truncated(row[0], to: widths[0])
            row[1] = DisplayWidth.truncated(row[1], to: widths[1])
            return row
        }
    }

    /// `2017-10 · as of 2017-10-20 · 31 days, 20 elapsed, 11 left · pace 64.5% · 4 alerts`.
    static func heading(
        _ scores: PeriodScores, asOf: Int32, calendar: PaceCalendar, count: Int, chinese: Bool
    ) -> String {
        let period = scores.period
        let total = calendar.countedDays(in: period)
        let elapsed = calendar.elapsedDays(of: period, asOf: asOf)
        let left = calendar.remainingDays(of: period, asOf: asOf)
        let date = CivilDate.isoString(ofDay: asOf)
        let pace = AlertText.percent(AlertClock(period: period, asOf: asOf, calendar: calendar).expectedCompletion)
        if chinese {
            let kind = calendar.workingDaysOnly ? "个工作日" : "天"
            return
                "\(period.label) · 截至 \(date) · 共 \(total) \(kind)，已过 \(elapsed)，剩余 \(left) · 应达 \(pace) · \(count) 条提醒"
        }
        let kind = calendar.workingDaysOnly ? "working days" : "days"
        let alerts = count == 1 ? "1 alert" : "\(count) alerts"
        return
            "\(period.label) · as of \(date) · \(total) \(kind), \(elapsed) elapsed, \(left) left · pace \(pace) · \(alerts)"
    }
}
