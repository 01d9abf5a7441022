import Foundation

/// Runs async work from synchronous code: the loader's opener and reader are synchronous,
/// postgres-nio is async.
enum Blocking {
    /// The result of `body`, waited for on the calling thread.
    ///
    /// The work runs as a task on a ``ThreadTaskExecutor`` of its own and the calling thread
    /// blocks on a semaphore, so a caller on Swift's cooperative pool does not wait for a pool
    /// thread it holds.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        startOnOwnThread(name: "yardstick.postgres") {
            do {
                box.set(.success(try await body()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// A result written by one thread and read by another after a semaphore.
    private final class ResultBox<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Value, any Error>?

        func set(_ value: Result<Value, any Error>) {
            lock.lock()
            result = value
            lock.unlock()
        }

        func get() throws -> Value {
            lock.lock()
            defer { lock.unlock() }
            guard let result else { throw CancellationError() }
            return try result.get()
        }
    }
}
