/// The figures of one subject in one period: one row of a terminal table.
public struct ResultRow: Sendable, Equatable {
    /// The period the figures cover.
    public var period: Period
    /// The kind of subject.
    public var grain: Grain
    /// The subject's identifier in the data (`u17`, `team-east`).
    public var subjectID: String
    /// The subject's display name, as its first figure gives it.
    public var subjectName: String
    /// The figures, in the table's order.
    public var figures: [IndicatorResult]

    /// The subject: its grain and id.
    public var subject: SubjectKey { SubjectKey(grain, subjectID) }

    /// The figure of one indicator, if the row has it (the first, if it has several).
    ///
    /// - Parameter indicator: The indicator id.
    public subscript(indicator indicator: String) -> IndicatorResult? {
        figures.first { $0.indicatorID == indicator }
    }
}
