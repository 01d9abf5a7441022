/// How an indicator declares that it reads a snapshot (data taken on one day, with no event
/// dates): its figures are labelled with the as-of date instead of a period.
public enum IndicatorSnapshot: Sendable, Hashable {
    /// `snapshot = true`: the as-of date of the workspace's `[snapshot]` table.
    case workspaceDate
    /// `snapshot = "2024-01-31"`: its own as-of date (a local day number).
    case asOf(Int32)
}
