import Foundation

/// One result per work item of a `DispatchQueue.concurrentPerform`: each iteration stores its
/// own item's result, and the caller reads them all once the loop has returned.
public final class ParallelResults<Value>: @unchecked Sendable {
    private var results: [Value?]
    private let lock = NSLock()

    /// Creates room for `count` results, none stored yet.
    public init(count: Int) { results = Array(repeating: nil, count: count) }

    /// Stores the result of item `index`.
    public func store(_ value: Value, at index: Int) {
        lock.withLock { results[index] = value }
    }

    /// The stored results in item order; nil when an item has none.
    public var all: [Value?] { lock.withLock { results } }
}
