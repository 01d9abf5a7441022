import YardstickData
import YardstickEngine
import YardstickScoring

/// The JSON document of a score report (`json`), in the shape docs/score-output.md documents:
/// the workspace, the model (settings and tree), the as-of day, and per period its windows,
/// every subject's scorecard (total, grade, rank, the dimension tree, every indicator with its
/// value, target, completion, function, score, weights and contribution), the rollups, the
/// alerts; then the failures.
///
/// Keys are sorted (byte order) in every object, as in the run's JSON, so the key order is
/// stable. Numbers are written at full precision (non-finite ones as the strings `"NaN"`,
/// `"inf"`, `"-inf"`). The core figures (`value`, `target`, `completion`, `score`,
/// `contribution`, `total`, `grade`, `rank`) are always present, `null` when missing, with a
/// `missing_reason` beside them; descriptive fields that do not apply (a tier for a constant
/// target, comparisons the run did not compute) are left out. The JSON is language-neutral: it
/// carries both titles and the locale changes nothing.
public struct ScoreJSONWriter: ScoreReportWriter {
    /// `json`.
    public var formatID: String { "json" }
    /// `json`.
    public var fileExtension: String { "json" }

    /// Creates the writer.
    public init() {}

    /// The report as pretty-printed JSON (two-space indentation, a final newline).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: Ignored: the JSON holds both titles.
    /// - Returns: The JSON's UTF-8 bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        var bytes: [UInt8] = []
        Self.document(report).render(into: &bytes, indent: [])
        bytes.append(0x0A)
        return bytes
    }

    /// The whole document.
    static func document(_ report: ScoreReport) -> JSONText {
        let facts = ScoreFacts(report)
        return .object([
            "workspace": .string(report.workspace),
            "generated_at": .string(report.generatedAt),
            "as_of": .string(CivilDate.isoString(ofDay: report.asOf)),
            "model": modelJSON(report.definition),
            "indicators": .array(report.indicators.map(indicatorJSON)),
            "periods": .array(report.periods.map { periodJSON($0, facts: facts) }),
            "failures": .array(report.failures.map(failureJSON)),
        ])
    }

    // MARK: The model

    static func modelJSON(_ definition: ScorecardDefinition) -> JSONText {
        let model = definition.model
        var fields: [String: JSONText] = [
            "id": .string(definition.id),
            "title": .string(definition.title),
            "file": .string(definition.file),
            "per": .string(definition.per.rawValue),
            "filter": .object(definition.filter.conditions.mapValues { .array($0.map(JSONText.string)) }),
            "peers": .string(definition.peers.rawValue),
            "weights": .string(model.weightRule.rawValue),
            "cap": ScoreNumberText.json(model.cap),
            "rollups": .array(definition.rollups.map { .string($0.rawValue) }),
            "tree": .array(model.children.map { treeJSON($0, definition: definition) }),
        ]
        if let titleZH = definition.titleZH { fields["title_zh"] = .string(titleZH) }
        if let version = definition.version { fields["version"] = .string(version) }
        if let extends = definition.extends { fields["extends"] = .string(extends) }
        if let grades = model.grades {
            fields["grades"] = .array(
                grades.bands.map { .object(["grade": .string($0.grade), "minimum": ScoreNumberText.json($0.minimum)]) })
        }
        if let distribution = model.forcedDistribution {
            fields["distribution"] = .array(
                distribution.shares.map {
                    .object(["grade": .string($0.grade), "percent": ScoreNumberText.json($0.percent)])
                })
        }
        if let alerts = definition.alerts { fields["alerts"] = alertSettingsJSON(alerts) }
        return .object(fields)
    }

    /// One node of the model's tree with what it declares.
    static func treeJSON(_ node: ScorecardNode, definition: ScorecardDefinition) -> JSONText {
        var fields: [String: JSONText] = ["id": .string(node.id), "weight": ScoreNumberText.json(node.weight)]
        if let line = node.location?.line { fields["line"] = ScoreNumberText.json(line) }
        switch node {
        case .dimension(let dimension):
            fields["kind"] = .string("dimension")
            fields["children"] = .array(dimension.children.map { treeJSON($0, definition: definition) })
        case .indicator(let indicator):
            fields["kind"] = .string("indicator")
            fields["function"] = .string(indicator.function.name)
            fields["parameters"] = .string(indicator.function.explanation)
            fields["better"] = .string(indicator.direction.rawValue)
            fields["missing"] = .string(indicator.missingPolicy.rawValue)
            if let cap = indicator.cap { fields["cap"] = ScoreNumberText.json(cap) }
            let settings = definition.settings(of: indicator.id)
            if let rule = settings.target { fields["target"] = .string(Self.text(of: rule)) }
            if !settings.overrides.isEmpty {
                fields["overrides"] = .array(
                    settings.overrides.map {
                        .object(["where": .string($0.filter.description), "target": .string(Self.text(of: $0.rule))])
                    })
            }
            if let pipeline = settings.pipelineIndicator { fields["pipeline"] = .string(pipeline) }
        }
        return .object(fields)
    }

    /// A target rule as declared: `constant 0.3`, `quota revenue`, `quota revenue (stretch)`,
    /// or the function's identifier.
    static func text(of rule: TargetRule) -> String {
        switch rule {
        case .constant(let value): "constant " + ScoreNumberText.plain(value)
        case .quota(let metric, let tier): "quota \(metric)" + (tier == .target ? "" : " (\(tier.rawValue))")
        case .function(let function): function.identifier
        }
    }

    static func alertSettingsJSON(_ settings: AlertSettings) -> JSONText {
        var fields: [String: JSONText] = ["at": .array(settings.milestones.map(ScoreNumberText.json))]
        if let pace = settings.pace {
            fields["pace"] = .object([
                "tolerance": ScoreNumberText.json(pace.tolerance),
                "working_days": boolean(pace.workingDaysOnly),
                "holidays": .array(pace.holidays.sorted().map { .string(CivilDate.isoString(ofDay: $0)) }),
            ])
        }
        if let reminder = settings.reminder {
            fields["remind"] = .object([
                "days_before_end": ScoreNumberText.json(reminder.leadDays),
                "below": ScoreNumberText.json(reminder.below),
            ])
        }
        return .object(fields)
    }

    static func indicatorJSON(_ info: IndicatorInfo) -> JSONText {
        var fields: [String: JSONText] = [
            "id": .string(info.id), "title": .string(info.title), "unit": .string(info.unit.rawValue),
            "better": .string(info.better.rawValue), "source_file": .string(info.sourceFile),
        ]
        if let titleZH = info.titleZH { fields["title_zh"] = .string(titleZH) }
        return .object(fields)
    }

    // MARK: Periods

    static func periodJSON(_ period: PeriodScores, facts: ScoreFacts) -> JSONText {
        .object([
            "period": windowJSON(period.period, includesKind: true),
            "window": windowJSON(period.window),
            "to_date": boolean(period.isToDate),
            "previous_window": windowJSON(period.previousWindow),
            "last_year_window": windowJSON(period.lastYearWindow),
            "subjects": .array(period.subjects.map { subjectJSON($0, period: period, facts: facts) }),
            "rollups": .array(period.rollups.map { rollupJSON($0, period: period, facts: facts) }),
            "alerts": .array(period.alerts.map(alertJSON)),
        ])
    }

    /// A period or window: label, first and last day, number of days; the period's kind too
    /// for the scored period itself.
    static func windowJSON(_ period: Period, includesKind: Bool = false) -> JSONText {
        var fields: [String: JSONText] = [
            "label": .string(period.label), "start": .string(period.firstDate), "end": .string(period.lastDate),
            "days": .number(String(max(0, Int(period.lastDay) - Int(period.firstDay) + 1))),
        ]
        if includesKind { fields["kind"] = .string(period.kind.rawValue) }
        return .object(fields)
    }

    /// `true` or `false` (a JSON literal, written like a number).
    static func boolean(_ value: Bool) -> JSONText {
        .number(value ? "true" : "false")
    }

    static func failureJSON(_ failure: IndicatorFailure) -> JSONText {
        var fields: [String: JSONText] = [
            "indicator": .string(failure.indicatorID), "message": .string(failure.message),
            "file": .string(failure.file),
        ]
        if let subjectID = failure.subjectID { fields["subject_id"] = .string(subjectID) }
        if let grain = failure.grain { fields["grain"] = .string(grain.rawValue) }
        if let periodLabel = failure.periodLabel { fields["period"] = .string(periodLabel) }
        if let line = failure.line { fields["line"] = .number(String(line)) }
        return .object(fields)
    }
}
