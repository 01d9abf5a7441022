import YardstickData
import YardstickLocalization
import YardstickQuery

/// Key views: the values of key queries for the focus, computed in Swift (``KeyEvaluator``).
extension EvaluationSession {
    /// A key query's value for the subject in focus.
    ///
    /// A partition member's value comes from one computation for every subject of the
    /// partition, kept in the run's ``KeyTableCache`` (so the other members, on any thread,
    /// read it); a subject alone computes its own, kept in the session's cache.
    func keyValue(_ id: Int) throws(QueryError) -> QueryValue {
        let query = keys.queries[id]
        switch mode {
        case .discovering:
            return .missing("not computed while discovering queries")
        case .member, .column:
            guard let member = mode.member else { break }
            return try partitionKeyValues(query, runs: member.runs)[member.index]
        case .idle, .subject, .tracedSubject:
            break
        }
        guard let subject = mode.subject, let period else { throw QueryError(tr("no subject in focus")) }
        if keys.ownCache.tableCount > KeyRegistry.ownCacheBound { keys.ownCache.removeAll() }
        let evaluator = KeyEvaluator(
            engine: engine, subjects: .one(subject.subject), cache: keys.ownCache, focus: period.queryDays,
            period: slotDays)
        return try evaluator.values(query)[0]
    }

    /// In column mode, a key query's values for every subject as a column computed here (its id,
    /// negative, as ``ratioColumn(_:_:)``'s).
    func keyColumn(_ id: Int) throws(QueryError) -> Int {
        guard case .column(let runs) = mode else { throw QueryError(tr("not in a column run")) }
        derivedColumns.append(try partitionKeyValues(keys.queries[id], runs: runs))
        return -derivedColumns.count
    }

    private func partitionKeyValues(_ query: KeyQuery, runs: PartitionRuns) throws(QueryError) -> [QueryValue] {
        guard let period else { throw QueryError(tr("no period in focus")) }
        let evaluator = KeyEvaluator(
            engine: engine, subjects: .partition(runs.partition), cache: runs.keyTables, focus: period.queryDays,
            period: slotDays, runPeriods: runs.periods)
        return try evaluator.values(query)
    }

    /// The days of a scope slot's period (0: the period in focus, 1: `s.previous`…).
    private func slotDays(_ slot: Int) throws(QueryError) -> PeriodDays {
        guard let shifted = shiftedPeriod(PeriodShift(slot: slot)) else { throw QueryError(tr("no period in focus")) }
        return shifted.queryDays
    }
}
