import Foundation

/// Write-once slots filled from several threads: each thread sets the slots of its own work
/// items, and the caller reads them once all threads are done.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    /// Creates `count` empty slots.
    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Fills a slot.
    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The value of a slot, nil while it is empty.
    package func value(at index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }

    /// The filled slots' values, in slot order.
    package var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
