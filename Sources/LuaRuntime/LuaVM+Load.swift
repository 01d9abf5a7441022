import CLuaShim
import YardstickLocalization

extension LuaVM {
    /// Compiles untrusted source text into a fresh sandbox environment.
    ///
    /// Only text is accepted (mode `"t"`); binary chunks are rejected before parsing and
    /// sources larger than ``LuaLimits/maxSourceBytes`` are rejected unread. The chunk
    /// gets its own global table whose misses read the shared sandbox globals. Nothing
    /// runs until ``call(_:_:)``.
    ///
    /// - Parameters:
    ///   - source: the Lua source text.
    ///   - chunkName: the name used in messages, such as `pack/indicators/win_rate.lua`;
    ///     a leading `@` or `=` is kept, otherwise `@` is added, so messages read
    ///     `pack/indicators/win_rate.lua:12: message`.
    /// - Returns: the compiled chunk.
    /// - Throws: ``LuaError`` of kind `syntax`, `limit`, `sandbox` or `memory`.
    public func load(_ source: String, chunkName: String) throws(LuaError) -> LuaFunction {
        try compile(source, chunkName: chunkName, trusted: false)
    }

    /// Compiles trusted host prelude code, which additionally sees `__host`.
    ///
    /// `__host` holds the functions added with ``register(_:in:_:)`` and the built-ins
    /// described at ``SandboxPolicy/hostTableName``. The usual pattern: the prelude
    /// captures the host functions it needs as upvalues, builds the script-facing API in
    /// plain Lua and publishes it with `__host.install("yardstick", api)`; value types
    /// register their metatables with `__host.register_metatable("decimal", mt)`.
    /// Trusted chunks run under the same limits as untrusted ones.
    ///
    /// - Parameters:
    ///   - source: the prelude source text (host-owned, never plugin text).
    ///   - chunkName: the name used in messages, as for ``load(_:chunkName:)``.
    /// - Returns: the compiled chunk.
    /// - Throws: ``LuaError`` of kind `syntax`, `limit`, `sandbox` or `memory`.
    public func loadTrusted(_ source: String, chunkName: String) throws(LuaError)
        -> LuaFunction
    {
        try compile(source, chunkName: chunkName, trusted: true)
    }

    /// Normalises a chunk name to Lua's `@file` form unless it already has a marker.
    static func luaChunkName(_ name: String) -> String {
        if name.hasPrefix("@") || name.hasPrefix("=") { return name }
        return "@" + name
    }

    private func compile(_ source: String, chunkName: String, trusted: Bool) throws(LuaError)
        -> LuaFunction
    {
        guard !isRunning else {
            throw LuaError(kind: .hostAPI, message: tr("cannot load while a call is running"))
        }
        drainReleases()
        var text = source
        let name = Self.luaChunkName(chunkName)
        var reference: Int32 = -1
        let status = text.withUTF8 { utf8 in
            name.withCString { cName in
                var arguments = ys_load_args(
                    source: UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(
                        to: CChar.self),
                    len: utf8.count, chunkname: cName, trusted: trusted ? 1 : 0, ref: -1)
                let status = ys_load(state, &arguments)
                reference = arguments.ref
                return status
            }
        }
        guard status == YS_OK else { throw lastError(defaultKind: .syntax) }
        return LuaFunction(vm: self, reference: reference)
    }
}
