import Foundation

/// The values of prepared aggregates for every subject of a partition, computed together and
/// kept for the evaluation threads that ask for them next.
///
/// A run names its periods up front: the first request for an aggregate in one of them computes
/// its values for every subject in every run period in one pass over the table
/// (``QueryEngine/run(_:for:periods:)``). Other periods (`s.previous` of the first month, say)
/// are computed alone on first request. Threads asking for a list being computed wait for it;
/// lists are found by the aggregate's content, so each thread may prepare its own equal
/// aggregates.
package final class PartitionRuns: @unchecked Sendable {
    /// The engine that runs the aggregates.
    package let engine: QueryEngine
    /// The subjects.
    package let partition: SubjectPartition
    /// The run's periods, computed together.
    package let periods: [PeriodDays]
    private let periodIndex: [PeriodDays: Int]
    /// The key tables and key query values of the run (``KeyTableCache``).
    package let keyTables = KeyTableCache()
    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]

    private struct Key: Hashable {
        let aggregate: QueryEngine.AggregateKey
        /// Nil for the run's periods, computed together.
        let period: PeriodDays?
    }

    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Result<[[QueryValue]], QueryError>?
        /// Whether the aggregate is one every subject asks for (see ``values(of:in:common:)``).
        var common = false
    }

    /// Creates an empty set of results for a partition of subjects and the periods of a run.
    package init(engine: QueryEngine, partition: SubjectPartition, periods: [PeriodDays]) {
        self.engine = engine
        self.partition = partition
        var unique: [PeriodDays] = []
        var index: [PeriodDays: Int] = [:]
        for period in periods where index[period] == nil {
            index[period] = unique.count
            unique.append(period)
        }
        self.periods = unique
        self.periodIndex = index
    }

    /// How many aggregates have been computed (or are being computed) so far, each once for
    /// every subject and for the run's periods together or one other period.
    package var computedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return slots.count
    }

    /// The values of an aggregate for every subject in a period, computed on first request.
    ///
    /// - Parameter common: Whether the asker knows every subject asks for it (the discovery's
    ///   prefill, a column run), so that per-subject evaluations are given its values ahead;
    ///   an aggregate only some subjects share (one subject's first purchase day, say) is not.
    package func values(of prepared: QueryEngine.PreparedAggregate, in period: PeriodDays, common: Bool = false)
        throws(QueryError) -> [QueryValue]
    {
        if let index = periodIndex[period] {
            return try lists(Key(aggregate: prepared.key, period: nil), prepared, periods, common)[index]
        }
        return try lists(Key(aggregate: prepared.key, period: period), prepared, [period], common)[0]
    }

    /// The values of an aggregate for every subject in a period when they were already computed
    /// (or are being computed: then this waits for them); nil when nobody asked for them yet.
    package func computedValues(of prepared: QueryEngine.PreparedAggregate, in period: PeriodDays)
        throws(QueryError) -> (values: [QueryValue], common: Bool)?
    {
        let index = periodIndex[period]
        let key = Key(aggregate: prepared.key, period: index == nil ? period : nil)
        lock.lock()
        let slot = slots[key]
        lock.unlock()
        guard let slot else { return nil }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        guard let lists = try slot.value?.get() else { return nil }
        return (lists[index ?? 0], slot.common)
    }

    private func lists(
        _ key: Key, _ prepared: QueryEngine.PreparedAggregate, _ periods: [PeriodDays], _ common: Bool
    ) throws(QueryError) -> [[QueryValue]] {
        lock.lock()
        let slot: Slot
        if let existing = slots[key] {
            slot = existing
        } else {
            slot = Slot()
            slots[key] = slot
        }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if common { slot.common = true }
        if let value = slot.value { return try value.get() }
        let value: Result<[[QueryValue]], QueryError>
        do {
            value = .success(try engine.run(prepared, for: partition, periods: periods))
        } catch {
            value = .failure(error)
        }
        slot.value = value
        return try value.get()
    }
}
