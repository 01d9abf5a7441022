import Foundation
import LuaRuntime
import YardstickLocalization

/// The Lua VM a workspace's model files are loaded into, living on a thread of its own.
///
/// A ``LuaVM`` is not thread-safe and needs a large C stack, so it is created and used only on
/// one worker thread started through ``LuaThread`` (as the engine's evaluation sessions are).
/// Every use is a job handed to that thread with ``perform(_:)``: jobs run one at a time, in the
/// order given, which serialises the calls of the model's Lua functions (target functions,
/// custom scoring functions) from any number of threads. The worker ends, and the VM with it,
/// when the last reference to this object goes: the Lua functions of a definition hold it, so
/// the VM lives as long as a definition can call into it.
final class ModelVM: @unchecked Sendable {
    /// The jobs queue shared with the worker (the worker holds it, never this object).
    private let mailbox: ModelMailbox
    /// The limits every load and call runs under.
    let limits: LuaLimits

    /// Starts the worker and creates the VM with the model prelude on it.
    ///
    /// - Parameter limits: The instruction, memory and time limits of each load and call.
    init(limits: LuaLimits) {
        self.limits = limits
        let mailbox = ModelMailbox()
        self.mailbox = mailbox
        let thread = Thread {
            LuaThread.run {
                let state = Result { () throws(LuaError) -> ModelVMState in try ModelVMState(limits: limits) }
                mailbox.serve(state)
            }
        }
        thread.name = "yardstick.model-vm"
        thread.start()
    }

    deinit {
        mailbox.close()
    }

    /// Runs `body` on the VM's thread and returns its result; the caller waits.
    ///
    /// - Parameter body: The work; it receives the VM's state, or why the VM could not start.
    /// - Returns: What `body` returns.
    /// - Throws: ``ScorecardProblem`` when called from inside another job of this VM (a Lua
    ///   function's host callback calling back into the model), which would deadlock.
    func perform<T>(_ body: @escaping (Result<ModelVMState, LuaError>) -> T) throws(ScorecardProblem) -> T {
        guard !mailbox.isWorkerThread else {
            throw ScorecardProblem(
                file: "model", line: nil, message: tr("a model function was called from inside another one"))
        }
        let outcome = ModelJobOutcome<T>()
        mailbox.post { state in
            outcome.value = body(state)
            outcome.done.signal()
        }
        outcome.done.wait()
        guard let value = outcome.value else { preconditionFailure("ModelVM: a job did not run") }
        return value
    }
}

/// Where a job leaves its result for the waiting caller.
private final class ModelJobOutcome<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}

/// The queue of jobs between the callers of a ``ModelVM`` and its worker thread.
final class ModelMailbox: @unchecked Sendable {
    typealias Job = (Result<ModelVMState, LuaError>) -> Void

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var closed = false
    /// The key under which the worker marks its thread.
    private static let threadKey = "yardstick.model-vm.mailbox"

    /// Hands a job to the worker.
    func post(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Tells the worker to finish once the jobs already posted have run.
    func close() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Whether the calling thread is this mailbox's worker.
    var isWorkerThread: Bool {
        (Thread.current.threadDictionary[Self.threadKey] as? Int) == ObjectIdentifier(self).hashValue
    }

    /// The worker's loop: runs jobs until closed; the state (and its VM) is dropped on return,
    /// on this thread.
    func serve(_ state: Result<ModelVMState, LuaError>) {
        Thread.current.threadDictionary[Self.threadKey] = ObjectIdentifier(self).hashValue
        while let job = next() {
            job(state)
        }
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !closed { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}
