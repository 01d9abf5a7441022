import LuaRuntime
import Testing

extension LuaLimits {
    /// Small, deterministic limits so that the adversarial tests finish quickly.
    static let testing = LuaLimits(
        instructionsPerCall: 2_000_000, memoryBytes: 32 << 20, secondsPerCall: 20)

    /// A wall-clock-only variant: effectively no instruction budget, 0.2 s per call.
    static let wallClock = LuaLimits(
        instructionsPerCall: Int.max / 2, memoryBytes: 32 << 20, secondsPerCall: 0.2)
}

/// Runs `body` with a fresh VM on a big-stack thread.
func withVM<T>(
    limits: LuaLimits = .testing, _ body: (LuaVM) throws -> T
) throws -> T {
    try LuaThread.run { () throws -> T in
        let vm = try LuaVM(limits: limits)
        return try body(vm)
    }
}

extension LuaVM {
    /// Loads and calls `source` as an untrusted chunk.
    func run(_ source: String, chunk: String = "pack/test.lua", _ arguments: [LuaValue] = [])
        throws(LuaError) -> [LuaValue]
    {
        try call(try load(source, chunkName: chunk), arguments)
    }

    /// The error `source` fails with, or nil when it succeeds.
    func failure(of source: String, chunk: String = "pack/test.lua") -> LuaError? {
        do {
            _ = try run(source, chunk: chunk)
            return nil
        } catch {
            return error
        }
    }
}

/// Asserts that `source` fails with `kind` and a description containing `text`, and that
/// the same VM then still runs a simple chunk.
func expectFailure(
    _ source: String, kind: LuaError.Kind, containing text: String,
    limits: LuaLimits = .testing, setUp: (LuaVM) throws -> Void = { _ in },
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let (failure, after) = try withVM(limits: limits) { vm in
        try setUp(vm)
        let failure = vm.failure(of: source)
        return (failure, try vm.run("return 6 * 7"))
    }
    let error = try #require(failure, "expected \(kind) error", sourceLocation: sourceLocation)
    #expect(error.kind == kind, "\(error.kind): \(error)", sourceLocation: sourceLocation)
    #expect(
        error.description.contains(text), "\(error.description)",
        sourceLocation: sourceLocation)
    #expect(after == [.integer(42)], sourceLocation: sourceLocation)
}
