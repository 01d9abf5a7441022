import Foundation

/// What a ``PostgresSourceOpener`` sent to the server and how many rows came back, read by
/// tests and benchmarks to see that columns and periods were pushed into the SQL.
public final class PostgresLoadStatistics: @unchecked Sendable {
    /// One read of one mapping part.
    public struct Read: Sendable, Hashable {
        /// The part's display path (`crm:opportunities`).
        public var source: String
        /// The statement that read the rows.
        public var sql: String
        /// The columns it selected, in order.
        public var columns: [String]
        /// Whether a ``PostgresPeriodWindow`` was pushed into its `WHERE` clause.
        public var windowed: Bool
        /// The rows the server returned.
        public var rows: Int
    }

    private let lock = NSLock()
    private var recorded: [Read] = []

    /// Creates empty statistics.
    public init() {}

    /// Every read so far, in the order they finished.
    public var reads: [Read] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Adds a finished read.
    func record(_ read: Read) {
        lock.lock()
        recorded.append(read)
        lock.unlock()
    }
}
