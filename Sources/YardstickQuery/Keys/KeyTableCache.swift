import Foundation

/// The key tables and key query values of one run, shared by its threads: a `per` node whose
/// plan has no period filter (a key's whole history) is built once per subject for the whole
/// run, not once per period; a `per` node with a period filter once per period (or once for all
/// the run's periods, ``periodTables(_:_:)``); a combination of key views once per set of
/// periods it reads (`s.previous`'s union in one month is the union of the month before); a key
/// query's values for every subject once per period. Threads asking for an entry being computed
/// wait for it.
package final class KeyTableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [TableKey: Slot<[KeyTable]>] = [:]
    private var values: [ValueKey: Slot<[QueryValue]>] = [:]
    private var periodTables: [TableKey: Slot<[PeriodDays: [KeyTable]]>] = [:]
    private var combinations: [CombinationKey: Slot<[KeyTable]>] = [:]

    /// The key tables of a `per` node: its source's plan, key and aggregates, the period its
    /// plan reads (nil when it reads no period) and the subject (nil for a partition's subjects).
    struct TableKey: Hashable {
        let plan: QueryPlan
        let key: FieldPath
        let columns: [KeyColumn]
        var period: PeriodDays?
        let subject: QueryScope.Subject?
    }

    /// A key query's values in a focused period.
    struct ValueKey: Hashable {
        let query: KeyQuery
        let focus: PeriodDays
        let subject: QueryScope.Subject?
    }

    /// The key tables of a combination of key views, with the periods its scope slots read.
    struct CombinationKey: Hashable {
        let view: ResolvedKeyView
        let subject: QueryScope.Subject?
    }

    private final class Slot<Value>: @unchecked Sendable {
        let lock = NSLock()
        var value: Result<Value, QueryError>?
    }

    /// Creates an empty cache.
    package init() {}

    /// The number of key tables (per subject set) held.
    package var tableCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return tables.count + periodTables.count + combinations.count
    }

    func tables(_ key: TableKey, statistics: KeyStatistics, _ compute: () throws(QueryError) -> [KeyTable])
        throws(QueryError) -> [KeyTable]
    {
        let (slot, found) = Self.slot(key, in: &tables, lock)
        let tables = try Self.fill(slot, compute)
        if found { statistics.record(tablesReused: tables.count) }
        return tables
    }

    /// The key tables of a `per` node in each of a run's periods, computed together on first
    /// request (`key`'s period is nil: the entry stands for all of them).
    func periodTables(_ key: TableKey, _ compute: () throws(QueryError) -> [PeriodDays: [KeyTable]])
        throws(QueryError) -> [PeriodDays: [KeyTable]]
    {
        try Self.fill(Self.slot(key, in: &periodTables, lock).slot, compute)
    }

    /// The key tables of a combination of key views.
    func combinedTables(
        _ key: CombinationKey, statistics: KeyStatistics, _ compute: () throws(QueryError) -> [KeyTable]
    ) throws(QueryError) -> [KeyTable] {
        let (slot, found) = Self.slot(key, in: &combinations, lock)
        let tables = try Self.fill(slot, compute)
        if found { statistics.record(combinationsReused: 1) }
        return tables
    }

    func values(_ key: ValueKey, _ compute: () throws(QueryError) -> [QueryValue]) throws(QueryError)
        -> [QueryValue]
    {
        try Self.fill(Self.slot(key, in: &values, lock).slot, compute)
    }

    /// Drops every entry (a session's own cache, when it grows past its bound).
    package func removeAll() {
        lock.lock()
        tables = [:]
        values = [:]
        periodTables = [:]
        combinations = [:]
        lock.unlock()
    }

    /// The slot of `key`, made empty when there is none, and whether it was there.
    private static func slot<Key: Hashable, Value>(
        _ key: Key, in slots: inout [Key: Slot<Value>], _ lock: NSLock
    ) -> (slot: Slot<Value>, found: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let found = slots[key] { return (found, true) }
        let slot = Slot<Value>()
        slots[key] = slot
        return (slot, false)
    }

    private static func fill<Value>(_ slot: Slot<Value>, _ compute: () throws(QueryError) -> Value) throws(QueryError)
        -> Value
    {
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return try value.get() }
        let value: Result<Value, QueryError>
        do {
            value = .success(try compute())
        } catch {
            value = .failure(error)
        }
        slot.value = value
        return try value.get()
    }
}
