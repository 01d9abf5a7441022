/// How key views (`view:per(…)`) were computed: the counters of `KeyStatistics`, which tests
/// read to pin the fast paths (a cached table reused across periods, a column run for every
/// subject at once, a per-key aggregate folded in plain arrays…) and `--timings` and the JSON
/// report show.
public struct KeyViewStatistics: Sendable, Equatable {
    /// Key tables built from rows (one per subject, or one for all subjects of `s.all`).
    public var tablesBuilt = 0
    /// Requests for a subject's key table answered from the run's cache.
    public var tablesReused = 0
    /// Per-key aggregates folded into plain arrays while grouping (count, min/max of dates).
    public var fastColumns = 0
    /// Per-key aggregates folded row by row with an accumulator per key.
    public var accumulatorColumns = 0
    /// Key queries computed for every subject of a partition at once.
    public var partitionQueries = 0
    /// Key queries computed for one subject alone.
    public var subjectQueries = 0
    /// Sources read once for all of a run's periods (a `during` view's rows, bucketed by
    /// period and subject in one pass), their tables kept per period.
    public var periodBatches = 0
    /// `before` views without per-key fields answered from their history's first days.
    public var firstDayViews = 0
    /// Requests for a combination of key views answered from the run's cache (the union
    /// `s.previous` reads in one period, computed as `s`'s in the period before).
    public var combinationsReused = 0

    /// Zeroed counters.
    public init() {}

    /// Whether no key table was built or reused.
    public var isEmpty: Bool { tablesBuilt == 0 && tablesReused == 0 && firstDayViews == 0 }
}
