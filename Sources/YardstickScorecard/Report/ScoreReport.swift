import YardstickEngine
import YardstickScoring

/// Everything `yardstick score` computed: the model, and per period every subject's scorecard,
/// the rollups and the alerts. Writers (table, CSV, JSON), `explain --model`, `alerts` and
/// `compare-models` all read this one value.
public struct ScoreReport: Sendable {
    /// The workspace's name.
    public var workspace: String
    /// When the report was made (ISO 8601).
    public var generatedAt: String
    /// The model scored (merged, when it extends another).
    public var definition: ScorecardDefinition
    /// The day "today" was taken to be (`--as-of`), as a day number.
    public var asOf: Int32
    /// The indicators the model reads (titles, units, directions), in model order.
    public var indicators: [IndicatorInfo]
    /// One entry per scored period, in the order asked.
    public var periods: [PeriodScores]
    /// Indicator failures of the underlying run (file and line), and target-function failures.
    public var failures: [IndicatorFailure]
    /// How the runner computed the report (empty for a report made otherwise).
    package var statistics = ScoringStatistics()

    /// Creates a report.
    public init(
        workspace: String, generatedAt: String, definition: ScorecardDefinition, asOf: Int32,
        indicators: [IndicatorInfo], periods: [PeriodScores], failures: [IndicatorFailure]
    ) {
        self.workspace = workspace
        self.generatedAt = generatedAt
        self.definition = definition
        self.asOf = asOf
        self.indicators = indicators
        self.periods = periods
        self.failures = failures
    }
}

/// One period's scores.
public struct PeriodScores: Sendable {
    /// The scored period as asked (`2017-10`): targets are this period's.
    public var period: Period
    /// The days the values cover: the whole period, or from its first day to the as-of day when
    /// the period is still running (a to-date view: MTD, QTD, YTD).
    public var window: Period
    /// The window of the previous period (环比 basis): as many days into the previous period.
    public var previousWindow: Period
    /// The window of the same period last year (同比 basis).
    public var lastYearWindow: Period
    /// The model's subjects, each with its scorecard, in the subject catalogue's order.
    public var subjects: [ScoredSubject]
    /// The rollup subjects (teams, departments, the company), grain by grain as declared.
    public var rollups: [RollupSubject]
    /// The alerts raised, in subject order.
    public var alerts: [Alert]

    /// Whether the values cover only part of the period (the as-of day falls inside it).
    public var isToDate: Bool { window.lastDay < period.lastDay }

    /// Creates a period's scores.
    public init(
        period: Period, window: Period, previousWindow: Period, lastYearWindow: Period,
        subjects: [ScoredSubject], rollups: [RollupSubject], alerts: [Alert]
    ) {
        self.period = period
        self.window = window
        self.previousWindow = previousWindow
        self.lastYearWindow = lastYearWindow
        self.subjects = subjects
        self.rollups = rollups
        self.alerts = alerts
    }
}

/// One scored subject in one period.
public struct ScoredSubject: Sendable {
    /// Who (grain, id, name, team, role).
    public var subject: SubjectInfo
    /// The peer group it was ranked in (`all`, `role = sales`, `team = east`).
    public var peerGroup: String
    /// Its scorecard: values, targets, completions, scores, weights, contributions, dimension
    /// subtotals, total, status, grade, rank, distributed grade.
    public var scorecard: SubjectScorecard
    /// Per indicator id: the target and where it came from.
    public var targets: [String: ResolvedTarget]
    /// Per indicator id: why its value is missing (from the run), when it is.
    public var missingValueReasons: [String: String]
    /// Per indicator id: the 环比 and 同比 comparisons.
    public var comparisons: [String: IndicatorComparison]
    /// Per indicator id: the open pipeline beside the won value, for indicators that declare
    /// a pipeline indicator.
    public var pipeline: [String: Double]

    /// Creates a scored subject.
    public init(
        subject: SubjectInfo, peerGroup: String, scorecard: SubjectScorecard, targets: [String: ResolvedTarget],
        missingValueReasons: [String: String] = [:], comparisons: [String: IndicatorComparison] = [:],
        pipeline: [String: Double] = [:]
    ) {
        self.subject = subject
        self.peerGroup = peerGroup
        self.scorecard = scorecard
        self.targets = targets
        self.missingValueReasons = missingValueReasons
        self.comparisons = comparisons
        self.pipeline = pipeline
    }
}

/// An indicator's value against the previous period (环比) and the same period last year
/// (同比), as values and deltas.
public struct IndicatorComparison: Sendable, Hashable {
    /// The value in the period.
    public var value: Double?
    /// The value in the previous period's window.
    public var previous: Double?
    /// The value in the same window last year.
    public var lastYear: Double?

    /// Creates a comparison.
    public init(value: Double?, previous: Double?, lastYear: Double?) {
        self.value = value
        self.previous = previous
        self.lastYear = lastYear
    }

    /// `value − previous`, when both are known.
    public var changeFromPrevious: Double? { Self.delta(value, previous) }
    /// `(value − previous) / |previous|`, when both are known and previous is not 0.
    public var relativeChangeFromPrevious: Double? { Self.relative(value, previous) }
    /// `value − lastYear`, when both are known.
    public var changeFromLastYear: Double? { Self.delta(value, lastYear) }
    /// `(value − lastYear) / |lastYear|`, when both are known and lastYear is not 0.
    public var relativeChangeFromLastYear: Double? { Self.relative(value, lastYear) }

    static func delta(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a - b
    }

    static func relative(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b != 0 else { return nil }
        return (a - b) / abs(b)
    }
}

/// A team, department or the company in one period: its own figures against its own targets,
/// and the distribution of its members' scores. A rollup is never the model's formula applied
/// to numbers that only make sense per person.
public struct RollupSubject: Sendable {
    /// Who (grain, id, name).
    public var subject: SubjectInfo
    /// Per indicator of the model, in model order: the unit's own value (the indicator
    /// evaluated at this grain) against its own target.
    public var figures: [RollupFigure]
    /// The ids of the scored subjects within it.
    public var memberIDs: [String]
    /// The distribution of the members' complete totals.
    public var totalStatistics: PeerStatistics
    /// The distribution of the members' scores per dimension and indicator, by path, in model
    /// order.
    public var nodeStatistics: [(path: [String], statistics: PeerStatistics)]

    /// Creates a rollup subject.
    public init(
        subject: SubjectInfo, figures: [RollupFigure], memberIDs: [String], totalStatistics: PeerStatistics,
        nodeStatistics: [(path: [String], statistics: PeerStatistics)]
    ) {
        self.subject = subject
        self.figures = figures
        self.memberIDs = memberIDs
        self.totalStatistics = totalStatistics
        self.nodeStatistics = nodeStatistics
    }
}

/// One indicator of a rollup subject: its own value, target and completion (部门完成率).
public struct RollupFigure: Sendable {
    /// The indicator id.
    public var indicatorID: String
    /// The unit's own value, or nil when missing.
    public var value: Double?
    /// Why the value is missing, when it is.
    public var missingValueReason: String?
    /// The unit's target: its own quota row, or its members' targets summed (the rule says
    /// which).
    public var target: ResolvedTarget
    /// The completion, direction-aware, when there is a value and a target.
    public var completion: Completion?

    /// Creates a figure.
    public init(
        indicatorID: String, value: Double?, missingValueReason: String? = nil, target: ResolvedTarget,
        completion: Completion?
    ) {
        self.indicatorID = indicatorID
        self.value = value
        self.missingValueReason = missingValueReason
        self.target = target
        self.completion = completion
    }
}
