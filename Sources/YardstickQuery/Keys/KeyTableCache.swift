import Foundation

/// The key tables and key query values of one run, shared by its threads: a `per` node whose
/// plan has no period filter (a key's whole history) is built once per subject for the whole
/// run, not once per period; a `per` node with a period filter once per period; a key query's
/// values for every subject once per period. Threads asking for an entry being computed wait
/// for it.
package final class KeyTableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [TableKey: Slot<[KeyTable]>] = [:]
    private var values: [ValueKey: Slot<[QueryValue]>] = [:]

    /// The key tables of a `per` node: its source's plan, key and aggregates, the period its
    /// plan reads (nil when it reads no period) and the subject (nil for a partition's subjects).
    struct TableKey: Hashable {
        let plan: QueryPlan
        let key: FieldPath
        let columns: [KeyColumn]
        let period: PeriodDays?
        let subject: QueryScope.Subject?
    }

    /// A key query's values in a focused period.
    struct ValueKey: Hashable {
        let query: KeyQuery
        let focus: PeriodDays
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
        return tables.count
    }

    func tables(_ key: TableKey, statistics: KeyStatistics, _ compute: () throws(QueryError) -> [KeyTable])
        throws(QueryError) -> [KeyTable]
    {
        lock.lock()
        let slot: Slot<[KeyTable]>
        let found = tables[key]
        if let found {
            slot = found
        } else {
            slot = Slot()
            tables[key] = slot
        }
        lock.unlock()
        return try Self.fill(slot, found != nil, statistics, compute)
    }

    func values(_ key: ValueKey, _ compute: () throws(QueryError) -> [QueryValue]) throws(QueryError)
        -> [QueryValue]
    {
        lock.lock()
        let slot: Slot<[QueryValue]>
        if let found = values[key] {
            slot = found
        } else {
            slot = Slot()
            values[key] = slot
        }
        lock.unlock()
        return try Self.fill(slot, false, nil, compute)
    }

    /// Drops every entry (a session's own cache, when it grows past its bound).
    package func removeAll() {
        lock.lock()
        tables = [:]
        values = [:]
        lock.unlock()
    }

    private static func fill<Value>(
        _ slot: Slot<Value>, _ reused: Bool, _ statistics: KeyStatistics?, _ compute: () throws(QueryError) -> Value
    ) throws(QueryError) -> Value {
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value {
            if reused, let statistics, case .success(let tables as [KeyTable]) = value {
                statistics.record(tablesReused: tables.count)
            }
            return try value.get()
        }
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
