/// The value of one indicator for one subject in one period: one row of the long-format output.
public struct IndicatorResult: Sendable, Equatable {
    /// The period the value covers.
    public var period: Period
    /// The kind of subject.
    public var grain: Grain
    /// The subject's identifier in the data (`u17`, `team-east`).
    public var subjectID: String
    /// The subject's display name (`王芳`).
    public var subjectName: String
    /// The indicator's identifier (`win_rate`).
    public var indicatorID: String
    /// The indicator's title, used when the report has no ``IndicatorInfo`` for it.
    public var title: String
    /// What the value measures.
    public var unit: Unit
    /// The value, or why there is none.
    public var value: ResultValue

    /// Creates a result.
    public init(
        period: Period, grain: Grain, subjectID: String, subjectName: String, indicatorID: String, title: String,
        unit: Unit, value: ResultValue
    ) {
        self.period = period
        self.grain = grain
        self.subjectID = subjectID
        self.subjectName = subjectName
        self.indicatorID = indicatorID
        self.title = title
        self.unit = unit
        self.value = value
    }
}
