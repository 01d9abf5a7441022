/// Resource use measured for the most recent ``LuaVM/call(_:_:)``.
public struct LuaStatistics: Sendable, Hashable {
    /// Instructions executed, rounded down to the hook step (at most 1 000).
    public var instructions: Int

    /// Bytes allocated by the Lua state when the call returned.
    public var memoryBytes: Int

    /// Units of work the call started with the trusted `__host.fresh_budget()`.
    ///
    /// When a limit stops a call that runs several units (one indicator each), the unit
    /// running at that moment is the last one started: unit number `units` (counting from 1).
    public var units: Int

    /// Creates statistics; used by the VM and by tests.
    public init(instructions: Int = 0, memoryBytes: Int = 0, units: Int = 0) {
        self.instructions = instructions
        self.memoryBytes = memoryBytes
        self.units = units
    }
}
