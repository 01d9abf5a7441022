import YardstickEngine

/// One point of a subject's trend: its total in an earlier (or the current) period.
public struct ScoreTrendPoint: Sendable, Hashable {
    /// The period's label (`2017-10`).
    public var periodLabel: String
    /// The total scored in that period, or nil when it had none (incomplete, no scores).
    public var total: Double?

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - periodLabel: The period's label.
    ///   - total: The total in that period, or nil.
    public init(periodLabel: String, total: Double?) {
        self.periodLabel = periodLabel
        self.total = total
    }
}

/// The totals of subjects over past periods, which the HTML report draws as a trend on each
/// subject's card.
///
/// The series come from the run history (a store of earlier runs' results); a report made
/// without history has none, and the cards then show no trend. Each series is in the order the
/// periods should be drawn, oldest first. The writer appends the reported period's own total
/// when the series does not already hold that period, and draws a trend from two points on.
///
/// ```swift
/// var trends = ScoreTrends()
/// trends[SubjectKey(.user, "u1")] = [
///     ScoreTrendPoint(periodLabel: "2017-07", total: 81.5),
///     ScoreTrendPoint(periodLabel: "2017-08", total: 88),
/// ]
/// let page = ScoreHTMLWriter(trends: trends).write(report, locale: "en")
/// ```
public struct ScoreTrends: Sendable {
    private var series: [SubjectKey: [ScoreTrendPoint]]

    /// Creates trends from series by subject; empty by default.
    ///
    /// - Parameter series: Per subject, its totals oldest first.
    public init(_ series: [SubjectKey: [ScoreTrendPoint]] = [:]) {
        self.series = series
    }

    /// A subject's series, oldest first (empty when there is none).
    public subscript(subject: SubjectKey) -> [ScoreTrendPoint] {
        get { series[subject] ?? [] }
        set { series[subject] = newValue.isEmpty ? nil : newValue }
    }

    /// Whether no subject has a series.
    public var isEmpty: Bool { series.isEmpty }

    /// The points to draw for a subject in a period: its series, then the period's own total
    /// when the series lacks that period.
    func points(of subject: SubjectKey, periodLabel: String, total: Double?) -> [ScoreTrendPoint] {
        var points = self[subject]
        guard !points.isEmpty else { return [] }
        if !points.contains(where: { $0.periodLabel == periodLabel }) {
            points.append(ScoreTrendPoint(periodLabel: periodLabel, total: total))
        }
        return points
    }
}
