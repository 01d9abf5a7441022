import YardstickData
import YardstickLocalization

/// A run's indicators split by what they are evaluated in: the run's periods, or the snapshot
/// of an as-of day (an indicator declaring `snapshot`, or every indicator of a workspace whose
/// `[snapshot]` scope is `workspace`).
struct SnapshotGroups {
    /// The indicators evaluated per period, in declaration order.
    private(set) var periodIDs: [String] = []
    /// The snapshot indicators by as-of day, days in the order their first indicator is declared.
    private(set) var snapshots: [(day: Int32, ids: [String])] = []
    /// Indicators declaring `snapshot = true` in a workspace without an as-of date.
    private(set) var failures: [IndicatorFailure] = []
    /// Every indicator id in declaration order, for ordering the joined report.
    private(set) var order: [String] = []

    /// Splits `definitions` (those in `ids` when given).
    init(_ definitions: [IndicatorDefinition], snapshot: SnapshotDeclaration?, only ids: Set<String>?) {
        for definition in definitions where ids?.contains(definition.id) ?? true {
            order.append(definition.id)
            let day: Int32?
            switch definition.snapshot {
            case .asOf(let own)?: day = own
            case .workspaceDate?:
                guard let snapshot else {
                    failures.append(
                        IndicatorFailure(
                            indicatorID: definition.id,
                            message: tr(
                                "snapshot = true needs the as-of date of the workspace's snapshot ([snapshot] as_of = \"2024-01-31\" in yardstick.toml), or write the date: snapshot = \"2024-01-31\""
                            ),
                            file: definition.file))
                    continue
                }
                day = snapshot.asOf
            case nil: day = snapshot?.scope == .workspace ? snapshot?.asOf : nil
            }
            guard let day else {
                periodIDs.append(definition.id)
                continue
            }
            if let index = snapshots.firstIndex(where: { $0.day == day }) {
                snapshots[index].ids.append(definition.id)
            } else {
                snapshots.append((day, [definition.id]))
            }
        }
    }

    /// Whether every indicator is evaluated per period (the run needs no split).
    var isEmpty: Bool { snapshots.isEmpty && failures.isEmpty }
}
