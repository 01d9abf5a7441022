import LuaRuntime

/// What a column run computed for one block (a grain and period): each indicator's values,
/// one per subject, and the indicators that read peer bins not computed yet.
///
/// A pending indicator is pending for every subject alike (no bin of the stage exists yet), so
/// the column run answers for all of them at once: its figures fail with the same error the
/// per-subject path gives, and the run evaluates it again in its next stage (see
/// `Evaluator.runWithPeerBins`) instead of once per subject now.
struct ColumnBlockValues: Sendable {
    /// The values by indicator id, one per subject of the block in task order (pending
    /// indicators included, as failures).
    var values: [String: [ResultValue]] = [:]
    /// The error of each pending indicator, by id.
    var pending: [String: LuaError] = [:]
}
