/// A column of values in column mode, as the prelude names one: an aggregate in a shifted
/// period (aggregate id ≥ 0), or a column the host derived (negative id, see
/// ``EvaluationSession/ratioColumn(_:_:)``).
struct ColumnReference: Sendable, Hashable {
    /// The aggregate's id, or `-n` for the n-th derived column.
    let aggregate: Int
    /// The period, relative to the one in focus.
    let shift: PeriodShift

    /// A column from the prelude's numbers: an aggregate id and a scope slot.
    init(aggregate: Int, slot: Int) {
        self.aggregate = aggregate
        self.shift = PeriodShift(slot: slot)
    }
}
