import Foundation

/// An observer of a load's progress: told after each source (a mapped file or table) is read,
/// with what it held and the totals so far — the seam a progress bar hangs on, without the
/// loader knowing anything of terminals.
///
/// The observer is called on the loading thread, once per source, in the order the sources
/// finish; it should return quickly (a progress bar throttles its own drawing). Set it on
/// ``LoadOptions/progress``. A snapshot-cache hit reads no source and reports nothing.
///
/// ```swift
/// let progress = LoadProgress { step in print(step.sourcesDone, step.totalRows) }
/// let options = LoadOptions(progress: progress)
/// ```
public final class LoadProgress: @unchecked Sendable {
    /// One source read, and the load so far.
    public struct Step: Sendable, Equatable {
        /// The source's path as messages show it (`data/deals.csv`).
        public var source: String
        /// The entity it was mapped to (`opportunities`).
        public var entity: String
        /// The rows kept from this source.
        public var rows: Int
        /// The source's size in bytes (0 when it is not a file).
        public var bytes: Int
        /// The sources read so far, this one included.
        public var sourcesDone: Int
        /// The sources of the load.
        public var sourcesTotal: Int
        /// The rows kept from every source read so far.
        public var totalRows: Int
        /// The bytes of every source read so far.
        public var totalBytes: Int
        /// The bytes of every source of the load (0 for those that are not files).
        public var expectedBytes: Int

        /// Creates a step (the loader makes them; tests and other observers may too).
        public init(
            source: String, entity: String, rows: Int, bytes: Int, sourcesDone: Int, sourcesTotal: Int,
            totalRows: Int, totalBytes: Int, expectedBytes: Int
        ) {
            self.source = source
            self.entity = entity
            self.rows = rows
            self.bytes = bytes
            self.sourcesDone = sourcesDone
            self.sourcesTotal = sourcesTotal
            self.totalRows = totalRows
            self.totalBytes = totalBytes
            self.expectedBytes = expectedBytes
        }
    }

    private let observe: @Sendable (Step) -> Void
    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var rows = 0
    private var bytes = 0
    private var expectedBytes = 0

    /// Creates an observer.
    ///
    /// - Parameter observe: Called after each source with the step.
    public init(_ observe: @escaping @Sendable (Step) -> Void) {
        self.observe = observe
    }

    /// Starts a load of `sources` sources holding `bytes` bytes.
    func begin(sources: Int, bytes: Int) {
        lock.withLock {
            (done, total, rows, self.bytes, expectedBytes) = (0, sources, 0, 0, bytes)
        }
    }

    /// Records one source read and tells the observer.
    func finished(source: String, entity: String, rows sourceRows: Int, bytes sourceBytes: Int) {
        let step = lock.withLock { () -> Step in
            done += 1
            rows += sourceRows
            bytes += sourceBytes
            return Step(
                source: source, entity: entity, rows: sourceRows, bytes: sourceBytes, sourcesDone: done,
                sourcesTotal: max(total, done), totalRows: rows, totalBytes: bytes, expectedBytes: expectedBytes)
        }
        observe(step)
    }
}
