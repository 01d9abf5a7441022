/// A key view with each scope slot replaced by the period it reads: two key views of different
/// slots that read the same periods (`s.previous`'s view in one month, `s`'s in the month
/// before) resolve equal, so their combined tables are computed once.
indirect enum ResolvedKeyView: Hashable {
    /// A `per` node: its plan, key and aggregates, and the period of its slot.
    case per(plan: QueryPlan, key: FieldPath, columns: [KeyColumn], period: PeriodDays)
    /// A filter on key rows, and the period of its slot.
    case filtered(ResolvedKeyView, QueryFilter, period: PeriodDays)
    /// Two key views combined.
    case combined(ResolvedKeyView, KeySetOperation, ResolvedKeyView)

    /// Resolves `view`, reading each slot's period with `period`.
    init(_ view: KeyView, period: (Int) throws(QueryError) -> PeriodDays) throws(QueryError) {
        switch view {
        case .per(let source, let key, let columns):
            self = .per(plan: source.plan, key: key, columns: columns, period: try period(source.slot))
        case .filtered(let inner, let filter, let slot):
            self = .filtered(try ResolvedKeyView(inner, period: period), filter, period: try period(slot))
        case .combined(let left, let operation, let right):
            self = .combined(
                try ResolvedKeyView(left, period: period), operation, try ResolvedKeyView(right, period: period))
        }
    }
}
