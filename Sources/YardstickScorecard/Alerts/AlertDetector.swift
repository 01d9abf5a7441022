import YardstickEngine

/// Raises a model's alerts for one period: milestones crossed, behind pace, period-end
/// reminders.
///
/// CONTRACT STUB (issue 9): the alerts helper replaces the body; the signature is what the
/// runner calls.
public struct AlertDetector: Sendable {
    /// The model's alert settings.
    public let settings: AlertSettings

    /// Creates a detector.
    public init(settings: AlertSettings) {
        self.settings = settings
    }

    /// The alerts of one period.
    ///
    /// - Parameters:
    ///   - scores: The period's scored subjects (values, targets, completions, pipeline).
    ///   - period: The scored period.
    ///   - window: The days the values cover.
    ///   - asOf: The as-of day number.
    ///   - indicators: The indicators' directions and titles, by id.
    public func alerts(
        for scores: [ScoredSubject], period: Period, window: Period, asOf: Int32, indicators: [String: IndicatorInfo]
    ) -> [Alert] {
        []
    }
}
