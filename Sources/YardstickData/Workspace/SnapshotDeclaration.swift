/// The workspace's `[snapshot]` table: the data (all of it, or what some indicators read) is a
/// snapshot taken on one day, with no event dates to cut periods on.
///
/// ```toml
/// [snapshot]
/// as_of = "2024-01-31"      # the day the data was extracted
/// scope = "workspace"       # every indicator is a snapshot; "indicators": only those declaring snapshot = true
/// ```
///
/// A snapshot indicator's figures are labelled with the as-of date instead of a period, and a
/// run of snapshot indicators only needs no `--period`.
public struct SnapshotDeclaration: Sendable, Hashable {
    /// Which indicators are snapshots.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Every indicator of the workspace.
        case workspace
        /// Only the indicators declaring `snapshot = true` (they take this as-of date).
        case indicators
    }

    /// The day the snapshot was taken (local day number).
    public var asOf: Int32
    /// Which indicators are snapshots.
    public var scope: Scope

    /// Creates a declaration.
    public init(asOf: Int32, scope: Scope = .workspace) {
        self.asOf = asOf
        self.scope = scope
    }

    /// The day of an ISO date written `YYYY-MM-DD`, or nil when the text is not one.
    package static func day(iso text: String) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }
}
