import Foundation

/// Independent pieces of work spread over every core, their results kept in index order: the
/// periods of a score report are scored, and written, side by side.
enum ConcurrentMap {
    /// `transform(0) … transform(count − 1)`, computed concurrently, in index order.
    ///
    /// - Parameters:
    ///   - count: How many pieces there are.
    ///   - transform: The work of one piece; called once per index, from any thread.
    /// - Returns: The results, in index order.
    static func map<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.fill(index, with: transform(index))
        }
        return slots.values
    }

    /// One slot per index, filled by the threads that do the work.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func fill(_ index: Int, with value: Value) {
            lock.withLock { slots[index] = value }
        }

        /// Every result, once all are filled.
        var values: [Value] {
            lock.withLock { slots.map { $0! } }
        }
    }
}
