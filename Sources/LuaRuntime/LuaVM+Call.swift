import CLuaShim
import YardstickLocalization

extension LuaVM {
    /// Calls a Lua function under the VM's limits and returns its results.
    ///
    /// Each call starts with a fresh instruction budget, deadline and `print` allowance;
    /// the memory cap is enforced while Lua runs. Arguments are pushed as fresh tables
    /// (with registered metatables where `metatableName` is set); results are read raw,
    /// bounded by ``LuaLimits`` and checked for cycles. Calls do not nest: calling from
    /// inside a host function throws `hostAPI`. The VM stays usable after any error.
    ///
    /// - Parameters:
    ///   - function: a function of this VM.
    ///   - arguments: the values passed to it.
    /// - Returns: all results, in order.
    /// - Throws: ``LuaError``: `runtime`, `sandbox`, `hostAPI` or `syntax` (from
    ///   `require`) for script errors; `timeout`, `instructionLimit` or `memory` when a
    ///   limit stopped it; `limit` or `conversion` when the results cannot be returned.
    public func call(_ function: LuaFunction, _ arguments: [LuaValue] = []) throws(LuaError)
        -> [LuaValue]
    {
        guard function.vm === self else {
            throw LuaError(kind: .hostAPI, message: tr("function belongs to another LuaVM"))
        }
        guard !isRunning else {
            throw LuaError(kind: .hostAPI, message: tr("calls into a LuaVM cannot nest"))
        }
        drainReleases()
        var encoder = ValueEncoder(maxDepth: limits.maxValueDepth)
        try encoder.encode(arguments, vm: self)
        isRunning = true
        var callArguments = ys_call_args()
        let status = encoder.bytes.withUnsafeBufferPointer { bytes in
            callArguments = ys_call_args(
                ref: function.reference,
                args: UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                len: bytes.count, nargs: Int32(arguments.count), status: 0, nresults: 0)
            return ys_call(state, &callArguments)
        }
        isRunning = false
        lastCallStatistics = LuaStatistics(
            instructions: Int(budget.pointee.instr_used), memoryBytes: memoryInUse,
            units: Int(budget.pointee.units))
        if callArguments.status != YS_OK || status != YS_OK {
            throw lastError()
        }
        let output = budget.pointee.out
        let buffer = UnsafeRawBufferPointer(start: output.data, count: output.len)
        var decoder = ValueDecoder(buffer, vm: self)
        return try decoder.decode(count: Int(callArguments.nresults))
    }
}
