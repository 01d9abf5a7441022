import YardstickData
import YardstickLocalization
import YardstickQuery

/// Lists the subjects of a grain: users, teams and departments (with their members through the
/// team tree), the company, accounts, the rows of an entity grain (campaigns, products, a
/// workspace's own entities) or the queues.
package enum SubjectCatalog {
    /// The subjects of a grain, in row order (queues in the order of their names).
    ///
    /// - Throws: ``EvaluationError`` when the grain needs an entity the workspace does not map,
    ///   or is not a grain of the workspace.
    package static func subjects(of grain: Grain, in dataset: Dataset, workspace: Workspace) throws(EvaluationError)
        -> [SubjectInfo]
    {
        let companyName = workspace.name
        switch grain {
        case .company:
            // The company sees every row; it takes the id and name of the teams row of kind
            // company when there is one.
            if let teams = dataset["teams"], case let kinds = RowTexts(teams, "kind"),
                let row = (0..<teams.rowCount).first(where: { kinds[$0] == "company" })
            {
                let id = teams.key(ofRow: row) ?? "company"
                return [
                    SubjectInfo(grain: .company, id: id, name: RowTexts(teams, "name")[row] ?? id, subject: .company)
                ]
            }
            return [SubjectInfo(grain: .company, id: "company", name: companyName, subject: .company)]
        case .user:
            guard let users = dataset["users"] else {
                throw EvaluationError(tr("per user needs the users entity mapped"))
            }
            let ids = RowTexts(keysOf: users)
            let names = RowTexts(users, "name")
            let teams = RowTexts(users, "team")
            let roles = RowTexts(users, "role")
            return (0..<users.rowCount).map { row in
                let id = ids[row] ?? String(row)
                return SubjectInfo(
                    grain: .user, id: id, name: names[row] ?? id, team: teams[row], role: roles[row],
                    subject: .users([Int32(row)]))
            }
        case .team, .department:
            guard let teams = dataset["teams"], let users = dataset["users"] else {
                throw EvaluationError(tr("per %@ needs the teams and users entities mapped", grain.rawValue))
            }
            let members = membersByTeam(teams: teams, users: users)
            let ids = RowTexts(keysOf: teams)
            let names = RowTexts(teams, "name")
            let kinds = RowTexts(teams, "kind")
            var result: [SubjectInfo] = []
            for row in 0..<teams.rowCount where (kinds[row] ?? "team") == grain.rawValue {
                let id = ids[row] ?? String(row)
                result.append(SubjectInfo(grain: grain, id: id, name: names[row] ?? id, subject: .users(members[row])))
            }
            return result
        case .account:
            guard let accounts = dataset["accounts"] else {
                throw EvaluationError(tr("per account needs the accounts entity mapped"))
            }
            let ids = RowTexts(keysOf: accounts)
            let names = RowTexts(accounts, "name")
            return (0..<accounts.rowCount).map { row in
                let id = ids[row] ?? String(row)
                return SubjectInfo(grain: .account, id: id, name: names[row] ?? id, subject: .accounts([Int32(row)]))
            }
        case .queue:
            return queues(in: dataset)
        default:
            let grains = SubjectGrains(workspace: workspace)
            guard let entityGrain = grains.entityGrains[grain.rawValue] else {
                _ = try grains.require(grain.rawValue)
                throw EvaluationError(tr("per %@ needs its entity mapped", grain.rawValue))
            }
            return try entitySubjects(entityGrain, in: dataset)
        }
    }

    /// One subject per row of an entity grain's entity, named by its name field.
    static func entitySubjects(_ entityGrain: SubjectGrains.EntityGrain, in dataset: Dataset) throws(EvaluationError)
        -> [SubjectInfo]
    {
        let declaration = entityGrain.declaration
        guard let table = dataset[declaration.entity] else {
            throw EvaluationError(tr("per %@ needs the %@ entity mapped", declaration.name, declaration.entity))
        }
        let nameField = declaration.nameField ?? (table["name"] != nil ? "name" : nil)
        let ids = RowTexts(keysOf: table)
        let names = nameField.map { RowTexts(table, $0) }
        return (0..<table.rowCount).map { row in
            let id = ids[row] ?? String(row)
            return SubjectInfo(
                grain: entityGrain.grain, id: id, name: names?[row] ?? id,
                subject: .entity(
                    EntitySubject(entity: declaration.entity, rows: [Int32(row)], references: declaration.references)))
        }
    }

    /// One subject per distinct queue among the entities with a string `queue` field, in the
    /// order of their names.
    static func queues(in dataset: Dataset) -> [SubjectInfo] {
        let entities = SubjectGrains.queueEntities(dataset.tables.values.map(\.entity))
        var names: Set<String> = []
        for entity in entities {
            guard let table = dataset[entity] else { continue }
            let queues = RowTexts(table, "queue")
            for row in 0..<table.rowCount {
                if let value = queues[row] { names.insert(value) }
            }
        }
        return names.sorted().map {
            SubjectInfo(grain: .queue, id: $0, name: $0, subject: .value(field: "queue", value: $0))
        }
    }

    /// For each team row, the user rows in it or in any team below it.
    static func membersByTeam(teams: Table, users: Table) -> [[Int32]] {
        var members = [[Int32]](repeating: [], count: teams.rowCount)
        let parents = teams["parent"]?.referencedRows ?? []
        guard let userTeams = users["team"]?.referencedRows else { return members }
        for (userRow, teamRow) in userTeams.enumerated() where teamRow >= 0 {
            var current = Int(teamRow)
            var visited = Set<Int>()
            while current >= 0, !visited.contains(current) {
                visited.insert(current)
                members[current].append(Int32(userRow))
                current = parents.isEmpty ? -1 : Int(parents[current])
            }
        }
        return members
    }
}
