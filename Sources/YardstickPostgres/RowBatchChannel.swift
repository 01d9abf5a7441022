import Foundation
import PostgresNIO

/// Hands batches of rows from the task that reads them off the connection to the loader's
/// thread, which is synchronous.
///
/// The reading task (``put(_:)``) waits without blocking a thread when ``capacity`` batches are
/// queued; the loader's thread (``take()``) blocks until a batch, the end or an error arrives.
/// With postgres-nio's own back-pressure on the socket, at most a few batches of a result are
/// in memory at once, never the whole result.
final class RowBatchChannel: @unchecked Sendable {
    /// How many batches may wait.
    let capacity: Int
    private let condition = NSCondition()
    private var batches: [[PostgresRow]] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var abandoned = false
    private var spaceWaiter: CheckedContinuation<Void, Never>?

    /// Creates a channel holding up to `capacity` batches.
    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Queues a batch, waiting while the channel is full; false when the reader gave up.
    func put(_ batch: [PostgresRow]) async -> Bool {
        while true {
            let queued: Bool? = {
                condition.lock()
                defer { condition.unlock() }
                if abandoned { return false }
                guard batches.count - head < capacity else { return nil }
                batches.append(batch)
                condition.signal()
                return true
            }()
            if let queued { return queued }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                condition.lock()
                if abandoned || batches.count - head < capacity {
                    condition.unlock()
                    continuation.resume()
                } else {
                    spaceWaiter = continuation
                    condition.unlock()
                }
            }
        }
    }

    /// Marks the end of the rows, with the error that ended them early if any.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.signal()
        condition.unlock()
    }

    /// The next batch; nil at the end.
    ///
    /// - Throws: The error the reading task finished with, after the batches before it.
    func take() throws -> [PostgresRow]? {
        condition.lock()
        while head == batches.count && !finished { condition.wait() }
        var batch: [PostgresRow]?
        var waiter: CheckedContinuation<Void, Never>?
        if head < batches.count {
            batch = batches[head]
            batches[head] = []
            head += 1
            if head == batches.count {
                batches.removeAll(keepingCapacity: true)
                head = 0
            }
            waiter = spaceWaiter
            spaceWaiter = nil
        }
        let failure = self.failure
        condition.unlock()
        waiter?.resume()
        if let batch { return batch }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading task at its next batch (the loader stopped early).
    func abandon() {
        condition.lock()
        abandoned = true
        let waiter = spaceWaiter
        spaceWaiter = nil
        condition.unlock()
        waiter?.resume()
    }
}
