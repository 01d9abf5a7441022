import Foundation

/// Hands out unit numbers 0..<count to worker threads, each once.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextUnit = 0
    private let count: Int

    /// A queue of `count` units.
    init(count: Int) { self.count = count }

    /// The next unit not yet handed out; nil when all have been.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextUnit < count else { return nil }
        nextUnit += 1
        return nextUnit - 1
    }
}
