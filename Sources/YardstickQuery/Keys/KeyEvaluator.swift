import Foundation
import YardstickData
import YardstickLocalization

/// Computes key queries (``KeyQuery``) for one subject or for every subject of a partition at
/// once, with a view's scope rules: a source's plan restricted to the subject reads the
/// subject's rows, `s.all` the company's; a plan without a period filter reads all history.
///
/// For a partition, each source is read in one pass over the table for every subject
/// (``PartitionSelector``), its rows bucketed by subject and each subject's key table built
/// once; tables of plans without a period filter are kept for the whole run (``KeyTableCache``).
package struct KeyEvaluator {
    /// Whose key tables are built.
    package enum Subjects {
        /// One subject alone.
        case one(QueryScope.Subject)
        /// Every subject of a partition, in the partition's order.
        case partition(SubjectPartition)
    }

    let engine: QueryEngine
    let subjects: Subjects
    let cache: KeyTableCache
    let focus: PeriodDays
    let period: (Int) throws(QueryError) -> PeriodDays
    let runPeriods: Set<PeriodDays>

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - engine: The engine whose dataset is read.
    ///   - subjects: One subject or a partition's subjects.
    ///   - cache: Where tables and values are kept (a run's, or a session's own).
    ///   - focus: The period in focus (part of the cache keys).
    ///   - period: The period of a scope slot (0 is `focus`).
    ///   - runPeriods: The periods of the run, for a partition: a source whose rows fall in one
    ///     period (`during`) is read once for all of them, and its tables in each kept.
    package init(
        engine: QueryEngine, subjects: Subjects, cache: KeyTableCache, focus: PeriodDays,
        period: @escaping (Int) throws(QueryError) -> PeriodDays, runPeriods: [PeriodDays] = []
    ) {
        self.engine = engine
        self.subjects = subjects
        self.cache = cache
        self.focus = focus
        self.period = period
        self.runPeriods = Set(runPeriods)
    }

    private var subjectCount: Int {
        switch subjects {
        case .one: 1
        case .partition(let partition): partition.count
        }
    }

    private var single: QueryScope.Subject? {
        if case .one(let subject) = subjects { return subject }
        return nil
    }

    /// Checks a key query against the tables once, before it runs: its fields, filters and
    /// aggregates.
    package static func check(_ query: KeyQuery, engine: QueryEngine) throws(QueryError) {
        try check(query.view, engine: engine)
        try KeyFold.check(query.aggregate, fields: query.view.fieldNames)
    }

    private static func check(_ view: KeyView, engine: QueryEngine) throws(QueryError) {
        switch view {
        case .per(let source, let key, let columns):
            let table = try engine.prepare(source.plan).compiled.table
            _ = try KeyTableBuilder(
                key: key, columns: columns, table: table, dataset: engine.dataset, statistics: KeyStatistics())
            var seen: Set<String> = ["key"]
            for column in columns where !seen.insert(column.name).inserted {
                throw QueryError(tr("per: the aggregate name %@ is used twice (or is \"key\")", column.name))
            }
        case .filtered(let inner, let filter, _):
            try check(inner, engine: engine)
            let field = KeyFilterTest.fieldName(filter)
            guard inner.fieldNames.contains(field) else {
                throw QueryError(
                    tr("a key view has no field %@ (fields: %@)", field, inner.fieldNames.joined(separator: ", ")))
            }
        case .combined(let left, _, let right):
            try check(left, engine: engine)
            try check(right, engine: engine)
        }
    }

    /// The query's value for each subject (one value for ``Subjects/one(_:)``).
    package func values(_ query: KeyQuery) throws(QueryError) -> [QueryValue] {
        let key = KeyTableCache.ValueKey(query: query, focus: focus, subject: single)
        return try cache.values(key) { () throws(QueryError) -> [QueryValue] in
            switch subjects {
            case .one: engine.keyStatistics.record(subjectQueries: 1)
            case .partition: engine.keyStatistics.record(partitionQueries: 1)
            }
            let tables = try self.tables(query.view)
            var values: [QueryValue] = []
            values.reserveCapacity(tables.count)
            for table in tables { values.append(try KeyFold.fold(query.aggregate, table)) }
            return values
        }
    }

    /// A key view's tables, one per subject.
    func tables(_ view: KeyView) throws(QueryError) -> [KeyTable] {
        switch view {
        case .per(let source, let key, let columns):
            return try sourceTables(source, key: key, columns: columns)
        case .filtered(let inner, let filter, let slot):
            let test = KeyFilterTest(
                filter: filter, period: try period(slot), clock: ZoneClock(timeZone: engine.dataset.timeZone))
            var result: [KeyTable] = []
            for table in try tables(inner) { result.append(try test.apply(table)) }
            return result
        case .combined(let left, let operation, let right):
            let key = KeyTableCache.CombinationKey(view: try ResolvedKeyView(view, period: period), subject: single)
            return try cache.combinedTables(key, statistics: engine.keyStatistics) {
                () throws(QueryError) -> [KeyTable] in
                let lefts = try tables(left)
                let rights = try tables(right)
                return zip(lefts, rights).map { KeySetCombiner.combine($0, operation, $1) }
            }
        }
    }

    private func sourceTables(_ source: KeySource, key: FieldPath, columns: [KeyColumn]) throws(QueryError)
        -> [KeyTable]
    {
        let prepared = try engine.prepare(source.plan)
        let compiled = prepared.compiled
        let days = try period(source.slot)
        let readsPeriod = compiled.dayFilters.contains { $0.range.dependsOnPeriod }
        let cacheKey = KeyTableCache.TableKey(
            plan: source.plan, key: key, columns: columns, period: readsPeriod ? days : nil, subject: single)
        let statistics = engine.keyStatistics
        if columns.isEmpty, let history = Self.historyOfBefore(source.plan, compiled) {
            return try cache.tables(cacheKey, statistics: statistics) { () throws(QueryError) -> [KeyTable] in
                try keysBefore(days, history: history, source: source, key: key)
            }
        }
        if case .partition(let partition) = subjects, readsPeriod, source.plan.restrictedToSubject,
            runPeriods.count > 1, runPeriods.contains(days), compiled.dayFilters.contains(where: { $0.range.isPeriod })
        {
            var batchKey = cacheKey
            batchKey.period = nil
            let tables = try cache.periodTables(batchKey) {
                () throws(QueryError) -> [PeriodDays: [KeyTable]] in
                try periodTables(prepared, key: key, columns: columns, partition: partition)
            }
            guard let found = tables[days] else { throw QueryError(tr("no period in focus")) }
            return found
        }
        return try cache.tables(cacheKey, statistics: statistics) { () throws(QueryError) -> [KeyTable] in
            let builder = try KeyTableBuilder(
                key: key, columns: columns, table: compiled.table, dataset: engine.dataset, statistics: statistics)
            return try build(builder, prepared, restrictedToSubject: source.plan.restrictedToSubject, days: days)
        }
    }

    /// Each subject's key table of a plan's rows in a period (the period matters only to a plan
    /// that reads it).
    private func build(
        _ builder: KeyTableBuilder, _ prepared: QueryEngine.PreparedPlan, restrictedToSubject: Bool, days: PeriodDays
    ) throws(QueryError) -> [KeyTable] {
        let statistics = engine.keyStatistics
        switch subjects {
        case .one(let subject):
            let scope = QueryScope(subject: subject, firstDay: days.firstDay, lastDay: days.lastDay)
            let rows = try engine.rows(prepared, in: scope)
            statistics.record(tablesBuilt: 1)
            builder.recordColumns(tables: 1)
            return [builder.build(rows[...])]
        case .partition(let partition):
            guard restrictedToSubject else {
                let scope = QueryScope(subject: .company, firstDay: days.firstDay, lastDay: days.lastDay)
                let table = builder.build(try engine.rows(prepared, in: scope)[...])
                statistics.record(tablesBuilt: 1)
                builder.recordColumns(tables: 1)
                return Array(repeating: table, count: partition.count)
            }
            let (offsets, rows) = try engine.partitionRows(prepared, partition: partition, periods: [days])
            statistics.record(tablesBuilt: partition.count)
            return Self.buildSideBySide(builder, rows: rows, offsets: offsets, cells: 0..<partition.count)
        }
    }

    /// The key tables of `cells` (`rows[offsets[c]..<offsets[c + 1]]` each), built in chunks on
    /// all cores when there are many: the run's other workers wait for them.
    private static func buildSideBySide(
        _ builder: KeyTableBuilder, rows: [Int32], offsets: [Int], cells: Range<Int>
    ) -> [KeyTable] {
        let chunk = 256
        defer { builder.recordColumns(tables: cells.count) }
        guard cells.count >= 2 * chunk else {
            return cells.map { builder.build(rows[offsets[$0]..<offsets[$0 + 1]]) }
        }
        let chunks = (cells.count + chunk - 1) / chunk
        let built = ResultSlots<[KeyTable]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let first = cells.lowerBound + index * chunk
            let part = first..<min(first + chunk, cells.upperBound)
            built.set(index, part.map { builder.build(rows[offsets[$0]..<offsets[$0 + 1]]) })
        }
        var tables: [KeyTable] = []
        tables.reserveCapacity(cells.count)
        for index in 0..<chunks { tables += built.value(at: index) ?? [] }
        return tables
    }

    /// A plan whose only filter that moves with the period is `before(field)`, as the plan
    /// without it and the field's local days: the keys of its rows are those whose first day
    /// over the plan's history comes before the period.
    private static func historyOfBefore(_ plan: QueryPlan, _ compiled: QueryEngine.CompiledPlan)
        -> (plan: QueryPlan, field: String, days: [Int32], validity: Validity)?
    {
        let moving = compiled.dayFilters.filter { $0.range.dependsOnPeriod }
        guard moving.count == 1, case .beforePeriod = moving[0].range else { return nil }
        let field = moving[0].field
        let befores = plan.filters.indices.filter {
            if case .before(let name) = plan.filters[$0] { return name == field }
            return false
        }
        guard befores.count == 1 else { return nil }
        var history = plan
        history.filters.remove(at: befores[0])
        return (history, field, moving[0].days, moving[0].validity)
    }

    /// The name of the first-day field of a history table (not a name scripts can give).
    static let firstDayField = "\u{1}first_day"

    /// `view:before(field):per(key)` with no per-key field, from the history's key tables
    /// (built once for the run, each key with its first day): the keys whose first day comes
    /// before the period. Which keys a key view holds, not their order, is what its aggregates
    /// and set operations read when it has no other field.
    private func keysBefore(
        _ days: PeriodDays, history: (plan: QueryPlan, field: String, days: [Int32], validity: Validity),
        source: KeySource, key: FieldPath
    ) throws(QueryError) -> [KeyTable] {
        let statistics = engine.keyStatistics
        let prepared = try engine.prepare(history.plan)
        let first = KeyColumn(name: Self.firstDayField, aggregate: .minimum(.field(FieldPath(history.field))))
        let cacheKey = KeyTableCache.TableKey(
            plan: history.plan, key: key, columns: [first], period: nil, subject: single)
        let tables = try cache.tables(cacheKey, statistics: statistics) { () throws(QueryError) -> [KeyTable] in
            let builder = try KeyTableBuilder(
                key: key, firstDaysOf: history.field, days: history.days, validity: history.validity,
                named: Self.firstDayField, table: prepared.compiled.table, dataset: engine.dataset,
                statistics: statistics)
            return try build(builder, prepared, restrictedToSubject: history.plan.restrictedToSubject, days: days)
        }
        statistics.record(firstDayViews: 1)
        return tables.map { table in
            let limit = days.firstDay
            var kept: [Int] = []
            kept.reserveCapacity(table.count)
            for (index, value) in table.columns[0].enumerated() {
                if case .date(let day) = value, day < limit { kept.append(index) }
            }
            var result = table.selecting(kept)
            result.names = []
            result.columns = []
            return result
        }
    }

    /// The key tables of every subject in each of the run's periods, from one pass over the
    /// table: a plan with `during` puts each row in one period at most.
    private func periodTables(
        _ prepared: QueryEngine.PreparedPlan, key: FieldPath, columns: [KeyColumn], partition: SubjectPartition
    ) throws(QueryError) -> [PeriodDays: [KeyTable]] {
        let statistics = engine.keyStatistics
        let builder = try KeyTableBuilder(
            key: key, columns: columns, table: prepared.compiled.table, dataset: engine.dataset,
            statistics: statistics)
        let periods = runPeriods.sorted { $0.firstDay < $1.firstDay }
        let (offsets, rows) = try engine.partitionRows(prepared, partition: partition, periods: periods)
        statistics.record(tablesBuilt: periods.count * partition.count, periodBatches: 1)
        let tables = Self.buildSideBySide(
            builder, rows: rows, offsets: offsets, cells: 0..<periods.count * partition.count)
        var result: [PeriodDays: [KeyTable]] = [:]
        for (index, period) in periods.enumerated() {
            let first = index * partition.count
            result[period] = Array(tables[first..<first + partition.count])
        }
        return result
    }
}

extension QueryEngine {
    /// The rows a prepared plan selects in each period for every subject of a partition, in one
    /// pass: the rows of subject `i` in period `p` are `rows[offsets[c]..<offsets[c + 1]]` with
    /// `c = p * partition.count + i`, in row order.
    func partitionRows(_ prepared: PreparedPlan, partition: SubjectPartition, periods: [PeriodDays])
        throws(QueryError) -> (offsets: [Int], rows: [Int32])
    {
        let compiled = prepared.compiled
        let table = compiled.table
        let fieldName = try partitionField(compiled, partition.kind)
        var owners: [Int32] = []
        if fieldName != "id" {
            guard let column = table[fieldName], table.referenceIndexes[fieldName] != nil else {
                throw QueryError(tr("%@.%@ does not reference a loaded entity", table.entity.name, fieldName))
            }
            owners = column.referencedRows
        }
        let selector = PartitionSelector(compiled: compiled, owners: owners, subjectOfTarget: partition.subjectOfTarget)
        var sink = RowListSink()
        let covered = selector.select(periods, subjectCount: partition.count, into: &sink)
        let (offsets, rows) = Bucketing.bucket(sink.rows, by: sink.cells, bucketCount: covered * partition.count)
        return (offsets, rows)
    }
}
