import YardstickData
import YardstickEngine

/// The alerts of a score report as JSON (`yardstick alerts --format json`), documented field
/// by field in docs/alerts.md.
///
/// One object: the workspace, the time the report was made, the model, the as-of day, the
/// alert settings, and per period its days (how they count, how many elapsed and remain) and
/// its alerts, each with who, which indicator, the kind, the figures (value, target,
/// completion, expected completion, remaining amount and days, need per day, pipeline) and a
/// sentence in the report's locale. Numbers are rounded to six decimal places; a figure that
/// does not apply is `null`. Keys are in byte order.
///
/// The writer is pure: the same report gives the same bytes (UTF-8, LF, a final newline).
public struct AlertsJSONWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The report's alerts as JSON.
    ///
    /// - Parameters:
    ///   - report: The score report; every period's ``PeriodScores/alerts`` are written.
    ///   - locale: The language of each alert's `message` and of the titles (`en`, `zh-CN`).
    /// - Returns: The JSON's UTF-8 bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array((document(report, locale: locale).rendered() + "\n").utf8)
    }

    /// The whole document.
    func document(_ report: ScoreReport, locale: String) -> JSONText {
        let settings = report.definition.alerts
        let calendar = PaceCalendar(settings: settings?.pace)
        let infos = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let definition = report.definition
        return .object([
            "workspace": .string(report.workspace),
            "generated_at": .string(report.generatedAt),
            "as_of": .string(CivilDate.isoString(ofDay: report.asOf)),
            "model": .object([
                "id": .string(definition.id),
                "title": .string(definition.title(locale: locale)),
                "version": definition.version.map(JSONText.string) ?? .null,
                "file": .string(definition.file),
            ]),
            "settings": settings.map(Self.settings) ?? .null,
            "periods": .array(
                report.periods.map { scores in
                    Self.period(scores, asOf: report.asOf, calendar: calendar, infos: infos, locale: locale)
                }),
        ])
    }

    /// The alert settings: marks, pace and reminder.
    static func settings(_ settings: AlertSettings) -> JSONText {
        .object([
            "milestones": .array(settings.milestones.sorted().map(number)),
            "pace": settings.pace.map { pace in
                .object([
                    "tolerance": number(pace.tolerance),
                    "working_days_only": .number(pace.workingDaysOnly ? "true" : "false"),
                    "working_weekdays": .array(pace.workingWeekdays.sorted().map { .number(String($0)) }),
                    "holidays": .array(pace.holidays.sorted().map { .string(CivilDate.isoString(ofDay: $0)) }),
                ])
            } ?? .null,
            "reminder": settings.reminder.map { reminder in
                .object([
                    "lead_days": .number(String(reminder.leadDays)),
                    "below": number(reminder.below),
                ])
            } ?? .null,
        ])
    }

    /// One period: its days and its alerts.
    static func period(
        _ scores: PeriodScores, asOf: Int32, calendar: PaceCalendar, infos: [String: IndicatorInfo], locale: String
    ) -> JSONText {
        let period = scores.period
        let words = AlertText(locale: locale)
        return .object([
            "period": .string(period.label),
            "first": .string(period.firstDate),
            "last": .string(period.lastDate),
            "window": .object(["first": .string(scores.window.firstDate), "last": .string(scores.window.lastDate)]),
            "days": .object([
                "counted": .string(calendar.workingDaysOnly ? "working" : "calendar"),
                "total": .number(String(calendar.countedDays(in: period))),
                "elapsed": .number(String(calendar.elapsedDays(of: period, asOf: asOf))),
                "remaining": .number(String(calendar.remainingDays(of: period, asOf: asOf))),
            ]),
            "alerts": .array(
                scores.alerts.map { alert in
                    let info = infos[alert.indicatorID]
                    return Self.alert(
                        alert, title: info?.title(locale: locale) ?? alert.indicatorID, unit: info?.unit ?? .number,
                        words: words)
                }),
        ])
    }

    /// One alert.
    static func alert(_ alert: Alert, title: String, unit: IndicatorUnit, words: AlertText) -> JSONText {
        .object([
            "kind": .string(alert.kind.rawValue),
            "grain": .string(alert.subject.grain.rawValue),
            "subject_id": .string(alert.subject.id),
            "subject_name": .string(alert.subjectName),
            "indicator": .string(alert.indicatorID),
            "indicator_title": .string(title),
            "unit": .string(unit.rawValue),
            "better": .string(alert.direction.rawValue),
            "value": number(alert.value),
            "target": number(alert.target),
            "target_rule": alert.targetRule.map(JSONText.string) ?? .null,
            "tier": alert.tier.map { .string($0.rawValue) } ?? .null,
            "completion": number(alert.completion),
            "mark": alert.mark.map(number) ?? .null,
            "expected_completion": number(alert.expectedCompletion),
            "paced": .number(alert.isPaced ? "true" : "false"),
            "remaining": number(alert.remaining),
            "remaining_days": .number(String(alert.remainingDays)),
            "needed_per_day": alert.neededPerDay.map(number) ?? .null,
            "pipeline": alert.pipeline.map(number) ?? .null,
            "completion_with_pipeline": alert.completionWithPipeline.map(number) ?? .null,
            "message": .string(words.sentence(alert, title: title, unit: unit)),
        ])
    }

    /// A number rounded to six decimal places (`0.645161`), or `null` when not finite.
    static func number(_ value: Double) -> JSONText {
        value.isFinite ? .number(ResultValue.number(value).tableText(unit: .number)) : .null
    }
}
