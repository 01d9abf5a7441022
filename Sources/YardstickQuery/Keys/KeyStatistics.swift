import Foundation

/// Counters of how key views were computed, for tests that pin the fast paths (a cached table
/// reused across periods, a column run for every subject at once, a per-key aggregate folded
/// in plain arrays) and for `--timings`. Safe to update from several threads.
package final class KeyStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = Counts()

    /// A snapshot of the counters.
    package typealias Counts = KeyViewStatistics

    /// Creates zeroed counters.
    package init() {}

    /// The counters now.
    package var snapshot: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Adds to the counters.
    package func record(
        tablesBuilt: Int = 0, tablesReused: Int = 0, fastColumns: Int = 0, accumulatorColumns: Int = 0,
        partitionQueries: Int = 0, subjectQueries: Int = 0, periodBatches: Int = 0,
        firstDayViews: Int = 0, combinationsReused: Int = 0
    ) {
        lock.lock()
        counts.tablesBuilt += tablesBuilt
        counts.tablesReused += tablesReused
        counts.fastColumns += fastColumns
        counts.accumulatorColumns += accumulatorColumns
        counts.partitionQueries += partitionQueries
        counts.subjectQueries += subjectQueries
        counts.periodBatches += periodBatches
        counts.firstDayViews += firstDayViews
        counts.combinationsReused += combinationsReused
        lock.unlock()
    }
}
