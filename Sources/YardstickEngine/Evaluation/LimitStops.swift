import Foundation
import LuaRuntime

/// The indicators a limit stopped during one run, shared by the run's workers.
///
/// Once an instruction, wall-clock, memory or stack limit stops an indicator for one subject,
/// every later evaluation of that indicator in the run (other subjects, grains and periods)
/// fails with the same error without running: a runaway script costs one limit per worker,
/// not one per subject (see docs/decisions/0004-bounded-failures.md). Thread-safe.
final class LimitStops: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String: LuaError] = [:]
    private var counts: [String: Int] = [:]

    /// Whether an error means a limit stopped the script, rather than the script raising it.
    ///
    /// Lua's own "stack overflow" (unbounded recursion) counts as a limit: it is as costly to
    /// reach again and as certain to happen again.
    static func isLimit(_ error: LuaError) -> Bool {
        switch error.kind {
        case .timeout, .instructionLimit, .memory: true
        case .runtime: error.message.hasSuffix("stack overflow")
        default: false
        }
    }

    /// The error an indicator fails with for the rest of the run, if a limit stopped it.
    func error(for id: String) -> LuaError? {
        lock.lock()
        defer { lock.unlock() }
        return errors[id]
    }

    /// Records that a limit stopped `id` and returns the error its evaluations fail with from
    /// now on: the first one recorded, so that every worker reports the same error.
    func record(_ id: String, _ error: LuaError) -> LuaError {
        lock.lock()
        defer { lock.unlock() }
        counts[id, default: 0] += 1
        if let first = errors[id] { return first }
        errors[id] = error
        return error
    }

    /// How many evaluations a limit actually stopped, by indicator.
    var hits: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
