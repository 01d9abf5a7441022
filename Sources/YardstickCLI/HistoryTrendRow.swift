import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickSQLite

/// One line of `yardstick history`: a recorded figure and its change from the previous period
/// of its series (same grain, subject, indicator, model and version).
struct HistoryTrendRow {
    /// The recorded figure.
    var point: HistoryPoint
    /// The value minus the previous period's value in the series; nil for a series' first
    /// period or when either is missing.
    var change: Double?

    /// The rows of `points` (ordered by series, then period), with their changes.
    static func rows(_ points: [HistoryPoint]) -> [HistoryTrendRow] {
        var rows: [HistoryTrendRow] = []
        var previous: HistoryPoint?
        for point in points {
            var change: Double?
            if let previous, sameSeries(previous, point), let before = previous.result.value,
                let now = point.result.value
            {
                change = now - before
            }
            rows.append(HistoryTrendRow(point: point, change: change))
            previous = point
        }
        return rows
    }

    private static func sameSeries(_ a: HistoryPoint, _ b: HistoryPoint) -> Bool {
        a.result.grain == b.result.grain && a.result.subject == b.result.subject
            && a.result.indicator == b.result.indicator && a.model == b.model && a.modelVersion == b.modelVersion
    }

    /// The model as shown: `maven-sales 1.2`, or `—` for a run of indicators alone.
    private var modelText: String {
        point.model.isEmpty ? "—" : point.modelVersion.isEmpty ? point.model : "\(point.model) \(point.modelVersion)"
    }

    /// A figure for reading in its indicator's unit, as a run's table shows it (money
    /// `1,054.50`, percent `31.3%`, seconds `2:56`); without a unit (totals, figures recorded
    /// before units were kept) rounded to two places without trailing zeros. Signed when asked
    /// (a change: `+1,054.50`).
    static func text(_ value: Double?, unit: String?, signed: Bool = false) -> String {
        guard let value, let unit = unit.flatMap(IndicatorUnit.init(rawValue:)) else {
            return text(value, signed: signed)
        }
        let text = ReadableNumber.text(value, unit: unit)
        return signed && value > 0 && text.contains(where: { $0.isNumber && $0 != "0" }) ? "+" + text : text
    }

    /// A number rounded to two places without trailing zeros (`+1054.5`), signed when asked.
    static func text(_ value: Double?, signed: Bool = false) -> String {
        guard let value else { return "" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return signed && value > 0 && text != "0" ? "+" + text : text
    }

    /// An aligned table, or a sentence when nothing matches.
    static func table(_ rows: [HistoryTrendRow]) -> String {
        guard !rows.isEmpty else { return tr("no recorded figures match") + "\n" }
        var table = TextTable(
            headers: [
                tr("subject"), tr("indicator"), tr("model"), tr("period"), tr("value"), tr("score"), tr("change"),
            ],
            rightAligned: [4, 5, 6])
        for row in rows {
            let result = row.point.result
            let value =
                result.status == "ok"
                ? result.value.map { text($0, unit: result.unit) } ?? result.valueText : "— (\(result.status))"
            table.rows.append([
                result.subjectName == result.subject || result.subjectName.isEmpty
                    ? result.subject : "\(result.subjectName) (\(result.subject))",
                result.indicator, row.modelText, result.period, value,
                result.score.map { ReadableNumber.score($0) } ?? "",
                text(row.change, unit: result.unit, signed: true),
            ])
        }
        return table.render() + "\n"
    }

    /// The CSV columns.
    static let csvHeader = [
        "grain", "subject", "subject_name", "indicator", "model", "model_version", "period", "period_start",
        "period_end", "status", "value", "score", "change", "reason", "run_id", "recorded_at", "unit",
    ]

    /// RFC 4180 CSV with a header; values exactly as recorded.
    static func csv(_ rows: [HistoryTrendRow]) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for row in rows {
            lines.append(fields(row).map { CSVReportWriter.field($0 ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"history": [ {…}, … ]}`, one object per row; numbers as numbers, absent ones null.
    static func json(_ rows: [HistoryTrendRow]) -> String {
        let numeric: Set<String> = ["value", "score", "change"]
        let objects = rows.map { row in
            JSONText.object(
                Dictionary(
                    uniqueKeysWithValues: zip(csvHeader, fields(row)).map { name, value -> (String, JSONText) in
                        guard let value else { return (name, .null) }
                        return (name, numeric.contains(name) ? .number(value) : .string(value))
                    }))
        }
        return JSONText.object(["history": .array(objects)]).rendered() + "\n"
    }

    /// The CSV fields of a row (nil: empty, or null in JSON).
    private static func fields(_ row: HistoryTrendRow) -> [String?] {
        let result = row.point.result
        return [
            result.grain, result.subject, result.subjectName, result.indicator, row.point.model,
            row.point.modelVersion, result.period, result.periodStart, result.periodEnd, result.status,
            result.status == "ok" && !result.valueText.isEmpty ? result.valueText : nil,
            result.score.map(plain), row.change.map(plain), result.reason, row.point.runID,
            ISO8601DateFormatter().string(from: row.point.recordedAt), result.unit,
        ]
    }

    /// A number in the shortest text that reads back the same (`0.3333333333333333`, `2`).
    private static func plain(_ value: Double) -> String {
        ResultValue.number(value).plainText
    }
}
