import CLuaShim
import YardstickLocalization

/// One sandboxed Lua 5.4 state with its limits, host functions and module cache.
///
/// Create one VM per (plugin pack, evaluation job) and drop it afterwards; never share
/// one across packs or tenants. The VM is not `Sendable`: create and use it on one
/// thread, preferably one started by ``LuaThread/run(stackSize:_:)`` (deep Lua C
/// recursion needs more than a Dispatch thread's 512 KiB stack).
///
/// Untrusted code sees the environment described by ``SandboxPolicy``; each chunk gets
/// its own global table whose misses fall through to the shared, read-only base. Trusted
/// prelude code (``loadTrusted(_:chunkName:)``) additionally sees `__host`.
///
/// ```swift
/// let vm = try LuaVM()
/// let f = try vm.load("return 1 + ...", chunkName: "pack/one.lua")
/// let results = try vm.call(f, [41])  // [.integer(42)]
/// ```
public final class LuaVM {
    /// A registered Swift host function.
    struct HostFunction {
        let name: String
        let body: ([LuaValue]) throws(HostError) -> [LuaValue]
    }

    /// The owned state; closed in `deinit`.
    let state: OpaquePointer
    /// The shim's per-state budget (owned by the state, freed by `ys_close`).
    let budget: UnsafeMutablePointer<ys_budget>
    /// Host functions by id.
    var hostFunctions: [HostFunction] = []
    /// Registry references released by `LuaFunction` and not yet unreferenced.
    var pendingReleases: [Int32] = []
    /// Whether a call is running (calls do not nest).
    var isRunning = false
    /// Set during `deinit` so late function releases are ignored.
    var isClosing = false

    /// The limits every call runs under.
    public let limits: LuaLimits

    /// Receives each line that scripts `print` (at most ``LuaLimits/maxLogLines`` per call).
    ///
    /// Lines are dropped when nil. Capture the VM weakly or unowned if the sink refers to it.
    public var logSink: ((String) -> Void)?

    /// Resolves `require(name)` to source text and a chunk name, or nil when not found.
    ///
    /// The name has already been validated against `[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*`.
    /// The engine should map it inside the plugin's own folder only, for example
    /// `a.b` → `pack/a/b.lua`. Results are cached per VM; modules load text-only into a
    /// fresh sandbox environment and receive the module name as their argument.
    public var moduleResolver: ((String) -> (source: String, chunkName: String)?)?

    /// Resource use of the most recent call.
    public internal(set) var lastCallStatistics = LuaStatistics()

    /// Bytes currently allocated by the Lua state.
    public var memoryInUse: Int { Int(budget.pointee.used) }

    /// Creates a state, opens the sandboxed libraries and applies the limits.
    ///
    /// - Parameters:
    ///   - limits: the limits for every call.
    ///   - randomSeed: the seed of `math.random`, so that runs are reproducible.
    /// - Throws: ``LuaError`` of kind `memory` when the state cannot be created.
    public init(limits: LuaLimits = .default, randomSeed: Int64 = 0) throws(LuaError) {
        guard let state = ys_newstate(Self.clamp(limits.memoryBytes)) else {
            throw LuaError(kind: .memory, message: tr("cannot create a Lua state"))
        }
        self.state = state
        self.budget = ys_budget_of(state)
        self.limits = limits
        configureBudget()
        var status = ys_setup(state, YS_OP_OPEN, nil, nil, 0)
        if status == YS_OK {
            status = SandboxPolicy.apply(to: state, randomSeed: randomSeed)
        }
        if status != YS_OK {
            throw lastError(defaultKind: .memory)
        }
    }

    deinit {
        isClosing = true
        ys_close(state)
    }

    private func configureBudget() {
        let budget = self.budget
        budget.pointee.instr_limit = Int64(max(1, limits.instructionsPerCall))
        budget.pointee.hook_step = Int32(min(1_000, max(1, limits.instructionsPerCall)))
        budget.pointee.seconds = max(0, limits.secondsPerCall)
        budget.pointee.max_source = Self.clamp(limits.maxSourceBytes)
        budget.pointee.max_depth = Int32(clamping: max(1, limits.maxValueDepth))
        budget.pointee.max_elements = Int64(max(0, limits.maxValueElements))
        budget.pointee.max_bytes = Self.clamp(limits.maxValueBytes)
        budget.pointee.max_log_lines = Int64(max(0, limits.maxLogLines))
        budget.pointee.max_log_bytes = Int64(max(0, limits.maxLogBytes))
        budget.pointee.max_pattern_subject = Self.clamp(limits.maxPatternSubjectBytes)
        budget.pointee.max_pattern = Self.clamp(limits.maxPatternBytes)
        budget.pointee.host_ctx = Unmanaged.passUnretained(self).toOpaque()
        budget.pointee.host = { context, id, arguments, length, count, output, resultCount in
            guard let context, let output, let resultCount else { return YS_KIND_HOSTAPI }
            let vm = Unmanaged<LuaVM>.fromOpaque(context).takeUnretainedValue()
            let buffer = UnsafeRawBufferPointer(start: arguments, count: length)
            return vm.dispatchHostCall(
                id: id, arguments: buffer, count: Int(count), output: output,
                resultCount: resultCount)
        }
    }

    static func clamp(_ value: Int) -> Int {
        max(0, value)
    }

    /// The error the shim recorded for the last failed operation.
    func lastError(defaultKind: LuaError.Kind = .runtime) -> LuaError {
        let budget = self.budget.pointee
        let kind =
            budget.err_kind == 0 ? defaultKind : LuaError.Kind(code: budget.err_kind)
        let message = Self.string(budget.err_msg)
        let traceback = budget.err_tb.len > 0 ? Self.string(budget.err_tb) : nil
        switch kind {
        case .timeout, .instructionLimit:
            let text =
                kind == .timeout
                ? tr("script exceeded the wall-clock limit of %@ s", limits.secondsPerCall)
                : tr("script exceeded the instruction limit of %@", limits.instructionsPerCall)
            let line = budget.err_line > 0 ? Int(budget.err_line) : nil
            return LuaError(
                kind: kind, chunk: message.isEmpty ? nil : message, line: line, message: text,
                traceback: traceback)
        case .memory:
            // The shim records the script line whose allocation was denied, when a script
            // frame was on the stack.
            let line = budget.err_line > 0 ? Int(budget.err_line) : nil
            return LuaError(
                kind: .memory, chunk: message.isEmpty ? nil : message, line: line,
                message: tr("script exceeded the memory limit of %@ bytes", limits.memoryBytes),
                traceback: traceback)
        default:
            return LuaError(kind: kind, luaMessage: message, traceback: traceback)
        }
    }

    static func string(_ buffer: ys_buf) -> String {
        guard let data = buffer.data, buffer.len > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: data, count: buffer.len)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Queues a registry reference for release; done before the next operation.
    func releaseReference(_ reference: Int32) {
        guard !isClosing else { return }
        pendingReleases.append(reference)
    }

    /// Releases queued references (only when no call is running).
    func drainReleases() {
        guard !isRunning else { return }
        while let reference = pendingReleases.popLast() {
            _ = ys_setup(state, YS_OP_UNREF, nil, nil, Int64(reference))
        }
    }
}

@available(*, unavailable)
extension LuaVM: Sendable {}
