import YardstickData

/// A declarative query over one entity: the filters a script chained on a view and the
/// aggregate it asked for. Plans are data: they are built once per call site and run for every
/// subject and period, and `explain` renders them in words.
public struct QueryPlan: Sendable, Hashable {
    /// The entity queried (`opportunities`).
    public var entity: String
    /// Whether the rows are restricted to the subject (`s.opportunities`) or span the whole
    /// company (`s.all.opportunities`).
    public var restrictedToSubject: Bool
    /// The filters, ANDed, in the order they were chained.
    public var filters: [QueryFilter]

    /// Creates a plan.
    public init(entity: String, restrictedToSubject: Bool = true, filters: [QueryFilter] = []) {
        self.entity = entity
        self.restrictedToSubject = restrictedToSubject
        self.filters = filters
    }
}
