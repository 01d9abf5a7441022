import LuaRuntime
import YardstickLocalization
import YardstickScoring

/// What lives on a ``ModelVM``'s thread: the Lua VM with the model prelude, the model
/// functions kept for later calls, and the quota lookup of the target call running now.
///
/// Only ever used on that thread, through ``ModelVM/perform(_:)``.
final class ModelVMState {
    /// The VM, with the DSL's globals installed.
    let vm: LuaVM
    /// The prelude's `t.quota` function handed to target functions.
    private var quotaFunction: LuaFunction
    /// Functions of the model files that definitions refer to, by handle.
    private var functions: [LuaFunction] = []
    /// Answers `t.quota(metric, tier)` during a target function's call.
    private var currentQuota: (@Sendable (String, QuotaTier) -> Double?)?

    /// Creates the VM and runs the model prelude in it.
    ///
    /// - Parameter limits: The limits of every load and call.
    /// - Throws: ``LuaError`` when the VM cannot be created or the prelude fails.
    init(limits: LuaLimits) throws(LuaError) {
        vm = try LuaVM(limits: limits)
        quotaFunction = try vm.load("return nil", chunkName: "=placeholder")
        try vm.register("model_quota") { [unowned self] arguments throws(HostError) in
            guard let metric = arguments.first?.stringValue else {
                throw .badArgument(1, of: "quota", expected: "string", got: arguments.first)
            }
            let tierName = arguments.dropFirst().first?.stringValue ?? QuotaTier.target.rawValue
            guard let tier = QuotaTier(rawValue: tierName) else {
                let known = QuotaTier.allCases.map(\.rawValue).joined(separator: ", ")
                throw HostError(tr("t.quota: unknown tier \"%@\" (tiers: %@)", tierName, known))
            }
            return [self.currentQuota?(metric, tier).map(LuaValue.number) ?? .nil]
        }
        let prelude = try vm.loadTrusted(ModelPrelude.source, chunkName: ModelPrelude.chunkName)
        guard case .table(let exports)? = try vm.call(prelude).first, let quota = exports["quota"].functionValue
        else {
            throw LuaError(kind: .hostAPI, message: tr("the model prelude did not return its helpers"))
        }
        quotaFunction = quota
    }

    /// Runs a model file and returns what it returned.
    ///
    /// - Parameters:
    ///   - source: The file's text.
    ///   - file: Its path relative to the workspace, the chunk name in messages.
    /// - Returns: The returned value (nil when the file returns nothing).
    /// - Throws: ``ScorecardProblem`` with the file and line Lua reported.
    func run(_ source: String, file: String) throws(ScorecardProblem) -> LuaValue {
        do {
            let chunk = try vm.load(source, chunkName: file)
            return try vm.call(chunk).first ?? .nil
        } catch {
            throw Self.problem(error, file: file, line: nil)
        }
    }

    /// Keeps a function for later calls.
    ///
    /// - Returns: Its handle, and the line where it is defined when Lua knows it.
    func keep(_ function: LuaFunction) -> (handle: Int, line: Int?) {
        functions.append(function)
        let line = (try? vm.prototype(of: function)).map(\.lineDefined).flatMap { $0 > 0 ? $0 : nil }
        return (functions.count - 1, line)
    }

    /// Calls a kept function under the VM's limits with the quota lookup in place.
    ///
    /// - Parameters:
    ///   - handle: What ``keep(_:)`` returned.
    ///   - arguments: The arguments.
    ///   - quota: What `t.quota` answers during the call.
    ///   - place: Where the function is, for errors Lua cannot place.
    /// - Returns: The function's first result.
    /// - Throws: ``ScorecardProblem`` `file:line: message` for a Lua error or a limit hit.
    func call(
        _ handle: Int, _ arguments: [LuaValue], quota: (@Sendable (String, QuotaTier) -> Double?)? = nil,
        place: ModelLocation
    ) throws(ScorecardProblem) -> LuaValue {
        currentQuota = quota
        defer { currentQuota = nil }
        do {
            return try vm.call(functions[handle], arguments).first ?? .nil
        } catch {
            throw Self.problem(error, file: place.file, line: place.line)
        }
    }

    /// The prelude's `t.quota` function, to put into a target function's argument.
    var quotaValue: LuaValue { .function(quotaFunction) }

    /// A Lua error as a problem: at the place Lua gave (a prelude place is not the user's:
    /// the given file and line instead).
    static func problem(_ error: LuaError, file: String, line: Int?) -> ScorecardProblem {
        guard let chunk = error.chunk, !chunk.hasPrefix(ModelPrelude.chunkPrefix), !chunk.hasPrefix("[") else {
            return ScorecardProblem(file: file, line: line, message: error.message)
        }
        return ScorecardProblem(file: chunk, line: error.line ?? line, message: error.message)
    }
}
