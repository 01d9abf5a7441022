import YardstickData
import YardstickLocalization

extension QueryEngine {
    /// Runs a prepared aggregate for every subject of a partition in several periods at once.
    ///
    /// The rows are read once: each row goes to the period its date falls in (by the plan's
    /// first `during` filter) and to the subject of its user (or account), then each subject's
    /// value per period is folded as ``run(_:in:)`` would fold it. A single short period is read
    /// through the date index instead of a scan. Plans without a `during` filter are read once
    /// per period (or once in all when no filter depends on the period).
    ///
    /// - Returns: Per period (in the order given), one value per subject.
    /// - Throws: ``QueryError`` when the entity has no field attributing rows to a user (or an
    ///   account).
    public func run(_ prepared: PreparedAggregate, for partition: SubjectPartition, periods: [PeriodDays])
        throws(QueryError) -> [[QueryValue]]
    {
        let compiled = prepared.plan.compiled
        let table = compiled.table
        let memberOfRow = partition.members?.members(of: table.entity.name)
        if let members = partition.members, memberOfRow == nil {
            // The entity does not have the path: every member of a subject sees all its rows.
            let base = try run(prepared, for: partition.unsplit, periods: periods)
            return base.map { list in (0..<partition.count).map { list[$0 / members.count] } }
        }
        if partition.everyRow {
            var selector = PartitionSelector(compiled: compiled, owners: [], subjectOfTarget: [])
            selector.everyRow = true
            return fold(prepared, selector, memberOfRow: memberOfRow, partition: partition, periods: periods)
        }
        guard prepared.plan.plan.restrictedToSubject else {
            if let members = partition.members {
                // `s.all` in a breakdown: the company's value for each member, for every subject.
                let company = try run(prepared, for: .company(splitBy: members), periods: periods)
                return company.map { list in (0..<partition.count).map { list[$0 % members.count] } }
            }
            // `s.all`: the same company-wide value for every subject.
            var values: [[QueryValue]] = []
            for period in periods {
                let scope = QueryScope(subject: .company, firstDay: period.firstDay, lastDay: period.lastDay)
                values.append(Array(repeating: try run(prepared, in: scope), count: partition.count))
            }
            return values
        }
        let fieldName = try partitionField(compiled, partition.kind)
        var owners: [Int32] = []
        if fieldName != "id" {
            guard let column = table[fieldName], table.referenceIndexes[fieldName] != nil else {
                throw QueryError(tr("%@.%@ does not reference a loaded entity", table.entity.name, fieldName))
            }
            owners = column.referencedRows
        }
        let selector = PartitionSelector(compiled: compiled, owners: owners, subjectOfTarget: partition.subjectOfTarget)
        return fold(prepared, selector, memberOfRow: memberOfRow, partition: partition, periods: periods)
    }

    /// One fold over (period, subject) cells, cell = period * subjects + subject (a subject
    /// being a subject × member cell when the partition is split by members).
    private func fold(
        _ prepared: PreparedAggregate, _ selector: PartitionSelector, memberOfRow: [Int32]?,
        partition: SubjectPartition, periods: [PeriodDays]
    ) -> [[QueryValue]] {
        var selector = selector
        if let memberOfRow, let members = partition.members {
            selector.memberOfRow = memberOfRow
            selector.memberCount = members.count
        }
        let (values, periodCount) = PartitionFolder(prepared: prepared).fold(
            selector, periods: periods, subjectCount: partition.count)
        return periods.indices.map { period in
            let first = min(period, periodCount - 1) * partition.count
            return Array(values[first..<first + partition.count])
        }
    }
}

extension QueryEngine {
    /// The field of a plan's entity attributing its rows to the subjects of a partition: the
    /// user field, the account field, or the field attaching records to a subject entity.
    ///
    /// - Throws: ``QueryError`` when the entity has no such field.
    func partitionField(_ compiled: CompiledPlan, _ kind: SubjectPartition.Kind) throws(QueryError) -> String {
        let table = compiled.table
        switch kind {
        case .users:
            guard let field = compiled.subjectField else {
                throw QueryError(
                    tr("%@ has no user field (owner, agent or user) to restrict to a user", table.entity.name))
            }
            return field
        case .accounts:
            guard let field = compiled.accountField else {
                throw QueryError(tr("%@ has no account field to restrict to an account", table.entity.name))
            }
            return field
        case .entity(let entity, let references):
            return try EntitySubject.field(of: table.entity, attachingTo: entity, declared: references)
        }
    }
}
