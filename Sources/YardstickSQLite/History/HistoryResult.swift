/// One recorded figure: a subject's value (and score, for a scored run) of one indicator in
/// one period.
public struct HistoryResult: Sendable, Hashable {
    /// The period's label (`2017-10`, `2017-Q4`).
    public var period: String
    /// The period's first day, ISO 8601 (`2017-10-01`): trends are ordered by it.
    public var periodStart: String
    /// The period's last day, ISO 8601.
    public var periodEnd: String
    /// The subject's grain (`user`, `team`).
    public var grain: String
    /// The subject's id.
    public var subject: String
    /// The subject's display name.
    public var subjectName: String
    /// The indicator's id, or ``HistoryStore/totalIndicator`` for a scored subject's total.
    public var indicator: String
    /// `ok`, `missing` or `failed`.
    public var status: String
    /// The value as a number; nil when missing or failed.
    public var value: Double?
    /// The value exactly as a run's CSV writes it (`1054.5`); empty when missing or failed.
    public var valueText: String
    /// Why the value is missing, or what failed; nil when present.
    public var reason: String?
    /// The score (0–100 or as the model scales it) for a scored run; nil otherwise or when
    /// there is none.
    public var score: Double?
    /// The indicator's unit as its raw value (`money`, `percent`, `seconds`…), so the figure can
    /// be shown as a run's table shows it; nil for a total, and for figures recorded before
    /// units were kept.
    public var unit: String?

    /// Creates a result.
    public init(
        period: String, periodStart: String, periodEnd: String, grain: String, subject: String,
        subjectName: String, indicator: String, status: String = "ok", value: Double?, valueText: String? = nil,
        reason: String? = nil, score: Double? = nil, unit: String? = nil
    ) {
        self.period = period
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.grain = grain
        self.subject = subject
        self.subjectName = subjectName
        self.indicator = indicator
        self.status = status
        self.value = value
        self.valueText = valueText ?? value.map { HistoryResult.text($0) } ?? ""
        self.reason = reason
        self.score = score
        self.unit = unit
    }

    /// A number as plain text: whole numbers without a fraction, others in the shortest form
    /// that reads back the same.
    static func text(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }
}
