import CLuaShim
import YardstickLocalization

extension LuaVM {
    /// Registers a Swift function callable from trusted Lua code as `__host.name` or
    /// `__host.table.name`.
    ///
    /// Untrusted code cannot see `__host`; the engine decides what it exposes, usually
    /// through prelude Lua that wraps the host function and is published with
    /// `__host.install`. The body receives the arguments converted raw (tables copied,
    /// functions as ``LuaFunction``) and returns the results. It runs synchronously on
    /// the VM's thread while the script waits; the count hook cannot interrupt it, so
    /// keep it short. It must not call back into this VM. Capture the VM `unowned` if
    /// needed, since the VM keeps the closure alive.
    ///
    /// - Parameters:
    ///   - name: the field name in `__host` (or in `__host[table]`).
    ///   - table: an optional sub-table of `__host`, created on first use.
    ///   - body: the implementation; a thrown ``HostError`` becomes a Lua error raised at
    ///     the calling line, which scripts can catch with `pcall`.
    /// - Throws: ``LuaError`` of kind `memory` if the state cannot store the function.
    public func register(
        _ name: String, in table: String? = nil,
        _ body: @escaping ([LuaValue]) throws(HostError) -> [LuaValue]
    ) throws(LuaError) {
        let id = hostFunctions.count
        hostFunctions.append(HostFunction(name: name, body: body))
        let status = name.withCString { cName in
            guard let table else {
                return ys_setup(state, YS_OP_REGISTER, cName, nil, Int64(id))
            }
            return table.withCString { cTable in
                ys_setup(state, YS_OP_REGISTER, cName, cTable, Int64(id))
            }
        }
        guard status == YS_OK else { throw lastError(defaultKind: .memory) }
    }

    /// Installs a value as a global visible to every chunk of this VM.
    ///
    /// A table without a metatable is installed as a read-only proxy (its nested tables
    /// stay plain; freeze them with `__host.readonly` in prelude code if needed). Values
    /// built by prelude Lua (closures, tables with metatables) are better installed from
    /// Lua with `__host.install(name, value)`, which keeps their identity.
    ///
    /// - Parameters:
    ///   - name: the global name.
    ///   - value: the value; an existing global of that name is replaced.
    /// - Throws: ``LuaError`` of kind `limit`, `hostAPI` or `memory`.
    public func installGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
        guard !isRunning else {
            throw LuaError(kind: .hostAPI, message: tr("cannot install while a call is running"))
        }
        drainReleases()
        var encoder = ValueEncoder(maxDepth: limits.maxValueDepth)
        try encoder.encode([value], vm: self)
        let appended = encoder.bytes.withUnsafeBytes { bytes in
            budget.pointee.args.len = 0
            return ys_buf_append(&budget.pointee.args, bytes.baseAddress, bytes.count)
        }
        guard appended != 0 else {
            throw LuaError(kind: .memory, message: tr("cannot allocate the value buffer"))
        }
        let status = name.withCString { cName in
            ys_setup(state, YS_OP_INSTALL, cName, nil, 0)
        }
        guard status == YS_OK else { throw lastError(defaultKind: .hostAPI) }
    }

    /// Runs one host callback from the shim; never throws across the C boundary.
    func dispatchHostCall(
        id: Int32, arguments: UnsafeRawBufferPointer, count: Int,
        output: UnsafeMutablePointer<ys_buf>, resultCount: UnsafeMutablePointer<Int32>
    ) -> Int32 {
        output.pointee.len = 0
        resultCount.pointee = 0
        let values: [LuaValue]
        do {
            var decoder = ValueDecoder(arguments, vm: self)
            values = try decoder.decode(count: count)
        } catch {
            return fail(
                output, error.kind == .limit ? YS_KIND_LIMIT : YS_KIND_HOSTAPI, error.message)
        }
        let results: [LuaValue]
        switch id {
        case YS_ID_PRINT:
            logSink?(values.first?.stringValue ?? "")
            return 0
        case YS_ID_RESOLVE:
            guard let name = values.first?.stringValue, let resolver = moduleResolver,
                let found = resolver(name)
            else { return 0 }
            results = [.string(found.source), .string(Self.luaChunkName(found.chunkName))]
        default:
            guard id >= 0, Int(id) < hostFunctions.count else {
                return fail(output, YS_KIND_HOSTAPI, "unknown host function")
            }
            do {
                results = try hostFunctions[Int(id)].body(values)
            } catch {
                return fail(output, YS_KIND_HOSTAPI, error.message)
            }
        }
        var encoder = ValueEncoder(maxDepth: limits.maxValueDepth)
        do {
            try encoder.encode(results, vm: self)
        } catch {
            let kind = error.kind == .limit ? YS_KIND_LIMIT : YS_KIND_HOSTAPI
            return fail(output, kind, error.message)
        }
        let appended = encoder.bytes.withUnsafeBytes { bytes in
            ys_buf_append(output, bytes.baseAddress, bytes.count)
        }
        guard appended != 0 else { return fail(output, YS_KIND_MEMORY, "not enough memory") }
        resultCount.pointee = Int32(results.count)
        return 0
    }

    private func fail(_ output: UnsafeMutablePointer<ys_buf>, _ kind: Int32, _ message: String)
        -> Int32
    {
        output.pointee.len = 0
        var text = message
        _ = text.withUTF8 { utf8 in ys_buf_append(output, utf8.baseAddress, utf8.count) }
        return kind
    }
}
