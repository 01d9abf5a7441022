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

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - engine: The engine whose dataset is read.
    ///   - subjects: One subject or a partition's subjects.
    ///   - cache: Where tables and values are kept (a run's, or a session's own).
    ///   - focus: The period in focus (part of the cache keys).
    ///   - period: The period of a scope slot (0 is `focus`).
    package init(
        engine: QueryEngine, subjects: Subjects, cache: KeyTableCache, focus: PeriodDays,
        period: @escaping (Int) throws(QueryError) -> PeriodDays
    ) {
        self.engine = engine
        self.subjects = subjects
        self.cache = cache
        self.focus = focus
        self.period = period
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
            let lefts = try tables(left)
            let rights = try tables(right)
            return zip(lefts, rights).map { KeySetCombiner.combine($0, operation, $1) }
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
        return try cache.tables(cacheKey, statistics: statistics) { () throws(QueryError) -> [KeyTable] in
            let builder = try KeyTableBuilder(
                key: key, columns: columns, table: compiled.table, dataset: engine.dataset, statistics: statistics)
            switch subjects {
            case .one(let subject):
                let scope = QueryScope(subject: subject, firstDay: days.firstDay, lastDay: days.lastDay)
                let rows = try engine.rows(prepared, in: scope)
                statistics.record(tablesBuilt: 1)
                return [builder.build(rows[...])]
            case .partition(let partition):
                guard source.plan.restrictedToSubject else {
                    let scope = QueryScope(subject: .company, firstDay: days.firstDay, lastDay: days.lastDay)
                    let table = builder.build(try engine.rows(prepared, in: scope)[...])
                    statistics.record(tablesBuilt: 1)
                    return Array(repeating: table, count: partition.count)
                }
                let (offsets, rows) = try engine.partitionRows(prepared, partition: partition, period: days)
                statistics.record(tablesBuilt: partition.count)
                return (0..<partition.count).map { subject in
                    builder.build(rows[offsets[subject]..<offsets[subject + 1]])
                }
            }
        }
    }
}

extension QueryEngine {
    /// The rows a prepared plan selects in a period for every subject of a partition, in one
    /// pass: the rows of subject `i` are `rows[offsets[i]..<offsets[i + 1]]`, in row order.
    func partitionRows(_ prepared: PreparedPlan, partition: SubjectPartition, period: PeriodDays)
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
        _ = selector.select([period], subjectCount: partition.count, into: &sink)
        let (offsets, rows) = Bucketing.bucket(sink.rows, by: sink.cells, bucketCount: partition.count)
        return (offsets, rows)
    }
}
