import YardstickEngine
import YardstickScoring

/// One alert: who, which target, where they stand, and what the rest of the period needs.
public struct Alert: Sendable, Hashable {
    /// What the alert is about.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A completion mark (50 %, 80 %, 100 %, 120 %) has been reached.
        case milestone
        /// Completion trails the linear pace by more than the tolerance.
        case behindPace = "behind-pace"
        /// Within the reminder lead of the period's end and below the reminder level.
        case periodEnd = "period-end"
    }

    /// What the alert is about.
    public var kind: Kind
    /// The subject.
    public var subject: SubjectKey
    /// The subject's display name.
    public var subjectName: String
    /// The indicator whose target it is.
    public var indicatorID: String
    /// The period's label.
    public var periodLabel: String
    /// The value so far.
    public var value: Double
    /// The target.
    public var target: Double
    /// The completion so far (fraction; direction-aware).
    public var completion: Double
    /// For milestones: the highest mark reached (fraction).
    public var mark: Double?
    /// The completion the linear pace expects by the as-of day (fraction of working or calendar
    /// days elapsed).
    public var expectedCompletion: Double
    /// Days (working days when the calendar says so) left after the as-of day.
    public var remainingDays: Int
    /// What is still needed to reach the target (0 when reached).
    public var remaining: Double
    /// What is still needed per remaining day, when days remain.
    public var neededPerDay: Double?
    /// The open pipeline beside the won value, when the indicator declares one.
    public var pipeline: Double?
    /// Which way the indicator improves: decides what ``remaining`` means (the amount still to
    /// win when higher is better, the excess to cut when lower is better) and whether pace
    /// applies (docs/alerts.md).
    public var direction: Direction
    /// How the target was obtained (``ResolvedTarget/rule``: `constant 0.3`, `quota revenue: …`),
    /// when known.
    public var targetRule: String?
    /// The quota tier scored against (target, stretch, challenge), for quota targets.
    public var tier: QuotaTier?
    /// Whether a linear pace applies: the indicator is higher-is-better and accumulates over the
    /// period (a count or money). When false the expected completion is 1 and there is no need
    /// per day (``AlertDetector/isPaced(direction:unit:)``).
    public var isPaced: Bool

    /// Creates an alert.
    public init(
        kind: Kind, subject: SubjectKey, subjectName: String, indicatorID: String, periodLabel: String,
        value: Double, target: Double, completion: Double, mark: Double? = nil, expectedCompletion: Double,
        remainingDays: Int, remaining: Double, neededPerDay: Double?, pipeline: Double? = nil,
        direction: Direction = .higherIsBetter, targetRule: String? = nil, tier: QuotaTier? = nil,
        isPaced: Bool = true
    ) {
        self.kind = kind
        self.subject = subject
        self.subjectName = subjectName
        self.indicatorID = indicatorID
        self.periodLabel = periodLabel
        self.value = value
        self.target = target
        self.completion = completion
        self.mark = mark
        self.expectedCompletion = expectedCompletion
        self.remainingDays = remainingDays
        self.remaining = remaining
        self.neededPerDay = neededPerDay
        self.pipeline = pipeline
        self.direction = direction
        self.targetRule = targetRule
        self.tier = tier
        self.isPaced = isPaced
    }
}

extension Alert {
    /// The completion if the open pipeline were won as well — `(value + pipeline) / target`
    /// (actual vs in progress, as Dynamics 365 shows it) — for higher-is-better indicators with
    /// a pipeline and a positive target; nil otherwise.
    public var completionWithPipeline: Double? {
        guard direction == .higherIsBetter, let pipeline, target > 0, value >= 0, pipeline >= 0 else { return nil }
        return (value + pipeline) / target
    }
}
