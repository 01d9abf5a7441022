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
        /// For a big table read in ranges of pages on several connections, this range's
        /// place (0-based) and the number of ranges; nil for a read of the whole result.
        public var segment: Segment?

        /// The batches of decoded rows the reading thread handed to the loader (rows
        /// decoded as they arrive, never one row at a time across threads).
        public var batches: Int

        /// How the rows traveled: ``Transfer/copyBinary`` on a plain connection,
        /// ``Transfer/extendedQuery`` through postgres-nio when TLS is used.
        public var transfer: Transfer

        /// How a read's rows traveled from the server.
        public enum Transfer: String, Sendable, Hashable {
            /// `COPY … TO STDOUT (FORMAT binary)` read by Yardstick's own connection, each
            /// tuple decoded where it lies in the received bytes.
            case copyBinary = "copy-binary"
            /// A query over postgres-nio (binary results, a `PostgresRow` per row).
            case extendedQuery = "extended-query"
        }

        /// A range of a table read on its own connection.
        public struct Segment: Sendable, Hashable {
            /// The range's place, from 0.
            public var index: Int
            /// How many ranges the table was cut into.
            public var count: Int
        }

        init(
            source: String, sql: String, columns: [String], windowed: Bool, rows: Int, segment: (Int, Int)? = nil,
            batches: Int = 0, transfer: Transfer = .extendedQuery
        ) {
            self.transfer = transfer
            self.batches = batches
            self.source = source
            self.sql = sql
            self.columns = columns
            self.windowed = windowed
            self.rows = rows
            self.segment = segment.map { Segment(index: $0.0, count: $0.1) }
        }
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
