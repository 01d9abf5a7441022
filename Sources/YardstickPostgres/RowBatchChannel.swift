import Foundation

/// Hands decoded batches of rows from the reading thread (or event loop), which decodes them as
/// they arrive, to the loader's thread, and the read batches back for reuse.
///
/// Both sides block: ``put(_:)`` waits while ``capacity`` batches are queued, which is safe
/// because each read has a thread of its own (``PostgresRecordSource``): while it waits,
/// the connection's socket is not read and the server's sends stop, so at most a few batches
/// of a result are in memory, never the whole result.
final class RowBatchChannel: @unchecked Sendable {
    /// How many batches may wait.
    let capacity: Int
    private let condition = NSCondition()
    private var queued: [DecodedRowBatch] = []
    private var head = 0
    private var free: [DecodedRowBatch] = []
    private var finished = false
    private var failure: (any Error)?
    private var abandoned = false
    private var before = 0

    /// Creates a channel holding up to `capacity` batches.
    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// The rows of the result stored before the first batch (a later range of a table's
    /// pages), set by the reading side before its first batch; 0 by default.
    var rowsBefore: Int {
        condition.lock()
        defer { condition.unlock() }
        return before
    }

    /// Sets ``rowsBefore``.
    func setRowsBefore(_ count: Int) {
        condition.lock()
        before = count
        condition.unlock()
    }

    /// An empty batch: one the loader gave back, or a new one made by `make`.
    func emptyBatch(_ make: () -> DecodedRowBatch) -> DecodedRowBatch {
        condition.lock()
        let batch = free.popLast()
        condition.unlock()
        guard let batch else { return make() }
        batch.reset()
        return batch
    }

    /// Queues a batch, waiting while the channel is full; false when the loader gave up.
    func put(_ batch: DecodedRowBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !abandoned && queued.count - head >= capacity { condition.wait() }
        if abandoned { return false }
        queued.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of the rows, with the error that ended them early if any.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end. Give it back with ``recycle(_:)`` once read.
    ///
    /// - Throws: The error the reading side finished with, after the batches before it.
    func take() throws -> DecodedRowBatch? {
        condition.lock()
        while head == queued.count && !finished { condition.wait() }
        var batch: DecodedRowBatch?
        if head < queued.count {
            batch = queued[head]
            head += 1
            if head == queued.count {
                queued.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
        }
        let failure = self.failure
        condition.unlock()
        if let batch { return batch }
        if let failure { throw failure }
        return nil
    }

    /// Gives a read batch back for the reading side to fill again.
    func recycle(_ batch: DecodedRowBatch) {
        condition.lock()
        free.append(batch)
        condition.unlock()
    }

    /// Stops the reading side at its next batch (the loader stopped early).
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
