import ArgumentParser
import LuaRuntime

/// The per-call limits of indicator scripts, with the runtime's defaults.
struct LimitOptions: ParsableArguments {
    @Option(help: "Lua instructions one indicator call may run (default 100000000).")
    var maxInstructions: Int?

    @Option(help: "Memory one indicator's Lua state may use, in MiB (default 256).")
    var maxMemory: Int?

    @Option(help: "Wall-clock seconds one indicator call may take (default 10).")
    var maxSeconds: Double?

    /// The limits to run with.
    var limits: LuaLimits {
        var limits = LuaLimits.default
        if let maxInstructions { limits.instructionsPerCall = maxInstructions }
        if let maxMemory { limits.memoryBytes = maxMemory << 20 }
        if let maxSeconds { limits.secondsPerCall = maxSeconds }
        return limits
    }
}
