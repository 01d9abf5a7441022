import Foundation

/// Counters of how key views were computed, for tests that pin the fast paths (a cached table
/// reused across periods, a column run for every subject at once, a per-key aggregate folded
/// in plain arrays) and for `--timings`. Safe to update from several threads.
package final class KeyStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = Counts()

    /// A snapshot of the counters.
    package struct Counts: Sendable, Equatable {
        /// Key tables built from rows (one per subject, or one for all subjects of `s.all`).
        package var tablesBuilt = 0
        /// Requests for a subject's key table answered from the run's cache.
        package var tablesReused = 0
        /// Per-key aggregates folded into plain arrays while grouping (count, min/max of dates).
        package var fastColumns = 0
        /// Per-key aggregates folded row by row with an accumulator per key.
        package var accumulatorColumns = 0
        /// Key queries computed for every subject of a partition at once.
        package var partitionQueries = 0
        /// Key queries computed for one subject alone.
        package var subjectQueries = 0
    }

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
        partitionQueries: Int = 0, subjectQueries: Int = 0
    ) {
        lock.lock()
        counts.tablesBuilt += tablesBuilt
        counts.tablesReused += tablesReused
        counts.fastColumns += fastColumns
        counts.accumulatorColumns += accumulatorColumns
        counts.partitionQueries += partitionQueries
        counts.subjectQueries += subjectQueries
        lock.unlock()
    }
}
