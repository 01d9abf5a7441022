import YardstickData
import YardstickEngine
import YardstickQuery

/// The team tree as targets need it: each unit's direct sub-units and direct members, and the
/// company's id as `SubjectCatalog` gives it.
///
/// The company (the `teams` row of kind `company`, else the id `company`) has as direct children
/// the units whose parent is the company row and every top-level unit (no parent, or a parent
/// that names no row), and as direct members the users of the company row or of no team.
struct OrganisationTree: Sendable {
    /// One team, department or company row.
    struct Unit: Sendable, Hashable {
        /// Its id.
        let id: String
        /// Its display name.
        let name: String
        /// Its level (`kind`, `team` when not given).
        let grain: Grain
    }

    /// Units by id.
    private(set) var units: [String: Unit] = [:]
    /// Direct sub-units by unit id, in row order.
    private var childUnits: [String: [String]] = [:]
    /// Direct members (user ids) by unit id, in row order.
    private var memberUsers: [String: [String]] = [:]
    /// Users by id (id, name, team, role), for filters.
    private(set) var users: [String: SubjectInfo] = [:]
    /// The company's subject id.
    let companyID: String

    /// Reads the `teams` and `users` tables (either may be absent).
    init(dataset: Dataset) {
        var companyID = "company"
        var foundCompany = false
        var topLevel: [String] = []
        if let teams = dataset["teams"] {
            var parents: [(child: String, parent: String?)] = []
            for row in 0..<teams.rowCount {
                guard let id = teams.key(ofRow: row) else { continue }
                let kind = Self.text(teams, "kind", row) ?? "team"
                let grain = Grain(rawValue: kind) ?? .team
                if grain == .company, !foundCompany {
                    companyID = id
                    foundCompany = true
                }
                units[id] = Unit(id: id, name: Self.text(teams, "name", row) ?? id, grain: grain)
                parents.append((id, Self.text(teams, "parent", row)))
            }
            for (child, parent) in parents where child != companyID {
                if let parent, units[parent] != nil, parent != child {
                    childUnits[parent, default: []].append(child)
                } else {
                    topLevel.append(child)
                }
            }
        }
        self.companyID = companyID
        for unit in topLevel where !(childUnits[companyID] ?? []).contains(unit) {
            childUnits[companyID, default: []].append(unit)
        }
        if let table = dataset["users"] {
            for row in 0..<table.rowCount {
                let id = table.key(ofRow: row) ?? String(row)
                let team = Self.text(table, "team", row)
                users[id] = SubjectInfo(
                    grain: .user, id: id, name: Self.text(table, "name", row) ?? id, team: team,
                    role: Self.text(table, "role", row), subject: .users([Int32(row)]))
                let unit = team.flatMap { units[$0] != nil ? $0 : nil } ?? companyID
                memberUsers[unit, default: []].append(id)
            }
        }
    }

    /// The direct sub-units and direct members of a unit.
    func children(of unitID: String) -> (units: [Unit], users: [String]) {
        ((childUnits[unitID] ?? []).compactMap { units[$0] }, memberUsers[unitID] ?? [])
    }

    /// The grain of a unit id (`company` for the company's id).
    func grain(of unitID: String) -> Grain? {
        unitID == companyID ? .company : units[unitID]?.grain
    }

    private static func text(_ table: Table, _ field: String, _ row: Int) -> String? {
        guard let column = table[field], !column.isNull(row) else { return nil }
        let text = column.value(at: row).description
        return text.isEmpty ? nil : text
    }
}
