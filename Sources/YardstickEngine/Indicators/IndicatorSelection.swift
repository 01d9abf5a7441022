/// What a run evaluates: the indicator sets, and the qualified ids to keep when only some
/// indicators were asked for.
public struct IndicatorSelection: Sendable, Hashable {
    /// The sets, in the order their indicators are reported (the workspace's own first).
    public var sets: [IndicatorSet]
    /// The ids to keep (`win_rate`, `sales-core.win_rate`), or nil for all.
    public var ids: Set<String>?

    /// Creates a selection.
    ///
    /// - Parameters:
    ///   - sets: The sets, in report order.
    ///   - ids: The qualified ids to keep, or nil for all.
    public init(sets: [IndicatorSet], ids: Set<String>? = nil) {
        self.sets = sets
        self.ids = ids
    }
}
