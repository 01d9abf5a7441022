import YardstickEngine
import YardstickScoring

/// What every score writer reads from a report the same way: the status of each figure and why
/// it is missing, the indicators' units and declared missing-value policies. Built once per
/// write, so the three formats can never disagree on a status or a reason.
struct ScoreFacts {
    /// The report read.
    let report: ScoreReport
    /// Per indicator id: its unit, when the report describes it.
    let units: [String: IndicatorUnit]
    /// Per indicator path: the policy the model declares for it.
    let declaredPolicies: [[String]: MissingValuePolicy]
    /// `grain|subject|period|indicator` → the failure's `file:line: message`.
    private let failures: [String: String]
    /// Indicator id → the failure of an indicator that failed for every subject (a load error).
    private let failuresOfAll: [String: String]

    init(_ report: ScoreReport) {
        self.report = report
        units = Dictionary(report.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var policies: [[String]: MissingValuePolicy] = [:]
        for leaf in report.definition.model.indicatorPaths {
            policies[leaf.path] = leaf.indicator.missingPolicy
        }
        declaredPolicies = policies
        var failures: [String: String] = [:]
        var failuresOfAll: [String: String] = [:]
        for failure in report.failures {
            let text = failure.location + ": " + failure.message
            guard let subjectID = failure.subjectID else {
                if failuresOfAll[failure.indicatorID] == nil { failuresOfAll[failure.indicatorID] = text }
                continue
            }
            let key = Self.key(failure.grain, subjectID, failure.periodLabel, failure.indicatorID)
            if failures[key] == nil { failures[key] = text }
        }
        self.failures = failures
        self.failuresOfAll = failuresOfAll
    }

    private static func key(_ grain: Grain?, _ subjectID: String, _ period: String?, _ indicatorID: String) -> String {
        [grain?.rawValue ?? "", subjectID, period ?? "", indicatorID].joined(separator: "\u{1F}")
    }

    /// The failure of an indicator for a subject in a period (its window's label or the period's,
    /// or any period), if the run or the target function recorded one.
    func failure(of indicatorID: String, for subject: SubjectInfo, in period: PeriodScores) -> String? {
        // Most runs have no failure at all: no key to build.
        guard !failures.isEmpty else { return failuresOfAll[indicatorID] }
        for grain in [Optional(subject.grain), nil] {
            for label in [period.period.label, period.window.label, nil] {
                if let found = failures[Self.key(grain, subject.id, label, indicatorID)] { return found }
            }
        }
        return failuresOfAll[indicatorID]
    }

    /// An indicator row's status and the reason its score is missing.
    ///
    /// `ok` when the function gave a score; `failed` when it gave none and the run (or the
    /// target function) failed for this subject; otherwise `missing`, with the most specific
    /// reason known: the run's reason for a missing value (`no deals closed`), the target's
    /// (`no quota row covers 2017-10`), or the scoring function's.
    func status(
        of indicator: IndicatorScore, in subject: ScoredSubject, period: PeriodScores
    ) -> (status: String, reason: String?) {
        guard indicator.outcome.score == nil else { return ("ok", nil) }
        if let failure = failure(of: indicator.indicatorID, for: subject.subject, in: period) {
            return ("failed", failure)
        }
        if indicator.value == nil {
            return (
                "missing",
                subject.missingValueReasons[indicator.indicatorID] ?? MissingScoreReason.missingValue.description
            )
        }
        if case .missingTarget = indicator.outcome.missingReason,
            let reason = subject.targets[indicator.indicatorID]?.missingReason
        {
            return ("missing", "no target: " + reason)
        }
        return ("missing", indicator.outcome.missingReason?.description ?? "no score")
    }

    /// A dimension row's status: `missing` when every child was left out (no subtotal),
    /// `incomplete` when an indicator below it marks the total incomplete, else `ok`.
    static func status(of dimension: DimensionScore) -> String {
        dimension.score == nil ? "missing" : dimension.isIncomplete ? "incomplete" : "ok"
    }

    /// A total's status: `ok` (complete), `incomplete` or `no-scores`.
    static func status(of total: TotalStatus) -> String {
        total == .complete ? "ok" : total.rawValue
    }

    /// A rollup figure's status (of its value: `ok`, `missing` or `failed`) and the reason the
    /// value, the target or the completion is missing.
    func status(of figure: RollupFigure, in unit: RollupSubject, period: PeriodScores) -> (
        status: String, reason: String?
    ) {
        if figure.value == nil {
            if let failure = failure(of: figure.indicatorID, for: unit.subject, in: period) {
                return ("failed", failure)
            }
            return ("missing", figure.missingValueReason ?? MissingScoreReason.missingValue.description)
        }
        if figure.target.value == nil {
            return ("ok", "no target: " + (figure.target.missingReason ?? "none declared"))
        }
        if let completion = figure.completion, completion.ratio == nil {
            return ("ok", "no completion ratio (\(completion.rule.rawValue))")
        }
        return ("ok", nil)
    }

    /// The missing-value policy the model declares for an indicator (`zero` when unknown).
    func declaredPolicy(of indicator: IndicatorScore) -> MissingValuePolicy {
        declaredPolicies[indicator.path] ?? .countAsZero
    }
}
