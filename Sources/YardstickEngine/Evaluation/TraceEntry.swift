import YardstickQuery

/// One query an indicator ran, recorded for `yardstick explain`.
public struct TraceEntry: Sendable {
    /// The plan: entity, subject restriction, filters.
    public var plan: QueryPlan
    /// The aggregate asked for (nil for `rows()`).
    public var aggregate: Aggregate?
    /// The grouping field, if any.
    public var groupedBy: Measure?
    /// The period the query saw (label).
    public var period: String
    /// The rows behind the value.
    public var rows: [Int32]
    /// The value the query returned.
    public var value: QueryValue
}
