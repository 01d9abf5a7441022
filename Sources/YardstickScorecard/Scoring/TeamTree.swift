import YardstickData
import YardstickEngine

/// The `teams` entity as a tree, for rollups: which team, department or company row each scored
/// subject sits under (a user through its team, a team through its parents).
struct TeamTree {
    /// Team id → its parent's id.
    private let parents: [String: String]
    /// Team id → its name.
    let names: [String: String]

    /// Reads the `teams` rows of `dataset` (an empty tree when it has none).
    init(_ dataset: Dataset) {
        var parents: [String: String] = [:]
        var names: [String: String] = [:]
        if let teams = dataset["teams"] {
            let parentRows = teams["parent"]?.referencedRows ?? []
            let nameColumn = teams["name"]
            for row in 0..<teams.rowCount {
                guard let id = teams.key(ofRow: row) else { continue }
                if let nameColumn, !nameColumn.isNull(row) { names[id] = nameColumn.value(at: row).description }
                if row < parentRows.count, parentRows[row] >= 0, let parentID = teams.key(ofRow: Int(parentRows[row])) {
                    parents[id] = parentID
                }
            }
        }
        self.parents = parents
        self.names = names
    }

    /// The ids of the units `subject` belongs to, nearest first: a user's team and that team's
    /// ancestors; a team's or department's ancestors (not itself). A cycle in the data stops at
    /// the first repeat.
    func units(containing subject: SubjectInfo) -> [String] {
        var found: [String] = []
        var next: String?
        switch subject.grain {
        case .user: next = subject.team
        case .team, .department: next = parents[subject.id]
        default: next = nil
        }
        var seen: Set<String> = [subject.id]
        while let id = next, seen.insert(id).inserted {
            found.append(id)
            next = parents[id]
        }
        return found
    }
}
