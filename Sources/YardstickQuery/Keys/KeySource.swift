/// The rows a key view is built from: a view's plan, read in the period of one scope slot.
///
/// The slot is the prelude's number for the scope the view came from (0 for `s`, 1 for
/// `s.previous`, 100 for `s.same_period_last_year`; see the engine's `PeriodShift`): a plan
/// with `during` reads that slot's period, a plan without a period filter reads the subject's
/// whole history whatever the slot.
package struct KeySource: Sendable, Hashable {
    /// The view's plan.
    package var plan: QueryPlan
    /// The scope slot whose period the plan's period filters read.
    package var slot: Int

    /// Creates a source.
    package init(plan: QueryPlan, slot: Int) {
        self.plan = plan
        self.slot = slot
    }
}
