import Foundation

/// A task executor with a thread of its own, for the async work behind a synchronous read.
///
/// The loader blocks its thread while postgres-nio's async code runs. Were that code to run on
/// Swift's cooperative pool, a caller that is itself on that pool (a test, a server handling
/// requests) would block pool threads waiting for work that needs them: with as many blocked
/// callers as cores, nothing would run again. A task started with this executor as its
/// preference runs its jobs here instead (SE-0417), on a thread nothing else waits on; the
/// thread ends when ``shutdown()`` is called by the task's last job.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    /// Starts `body` as a task on a new thread of its own (on systems without task executors,
    /// as a plain task), the thread ending with the task.
    static func start(name: String, _ body: @escaping @Sendable () async -> Void) {
        let executor = ThreadTaskExecutor(name: name)
        Task(executorPreference: executor) {
            defer { executor.shutdown() }
            await body()
        }
    }

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once the jobs queued so far have run.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    /// The thread's loop: runs jobs in order until shut down and drained.
    private func run() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}

/// Starts `body` on a thread of its own where task executors exist (``ThreadTaskExecutor``).
func startOnOwnThread(name: String, _ body: @escaping @Sendable () async -> Void) {
    if #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) {
        ThreadTaskExecutor.start(name: name, body)
    } else {
        Task { await body() }
    }
}
