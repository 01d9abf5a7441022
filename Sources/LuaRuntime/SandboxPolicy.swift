import CLuaShim

/// The sandbox allow-list, kept as data in one place (the Redis model).
///
/// ``LuaVM`` builds every environment from these lists: anything not listed here is
/// absent. Names in ``removedGlobals`` and ``LibraryPolicy/removed`` raise a `sandbox`
/// error naming the missing function when a script reads them, instead of being a
/// silent `nil`. Library tables reach scripts as read-only proxies, and the string
/// metatable's `__index` is the sandboxed string library with `__metatable = false`.
/// The implementations of ``replacedGlobals`` live in the C shim (`Sources/CLuaShim`:
/// `sandbox.c`, `host.c` for `print`, `modules.c` for `require` and `load`).
public enum SandboxPolicy {
    /// Base functions exposed unchanged: pure, or harmless with one state per job.
    public static let keptGlobals: [String] = [
        "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal", "rawget",
        "rawlen", "select", "tonumber", "tostring", "type", "_VERSION",
    ]

    /// Base functions replaced by the shim's versions.
    ///
    /// - `pcall`, `xpcall`: re-raise the kill; `xpcall` runs its handler after unwinding.
    /// - `setmetatable`: rejects a metatable with a raw `__gc` field.
    /// - `rawset`: refuses the read-only proxies.
    /// - `print`: routed to ``LuaVM/logSink``, capped per call.
    /// - `require`: validated names resolved by ``LuaVM/moduleResolver``, cached.
    /// - `load`: text only, size-capped, fresh sandbox environment by default.
    public static let replacedGlobals: [String] = [
        "pcall", "xpcall", "setmetatable", "rawset", "print", "require", "load",
    ]

    /// Globals that are absent; reading one raises a `sandbox` error.
    public static let removedGlobals: [String] = [
        "io", "os", "debug", "package", "coroutine", "dofile", "loadfile", "collectgarbage",
        "warn",
    ]

    /// How one standard library is exposed.
    public struct LibraryPolicy: Sendable {
        /// The global name of the library.
        public let name: String
        /// Members removed from the copy; reading one raises a `sandbox` error.
        public let removed: [String]
        /// Members wrapped by the pattern guard (subject, pattern and work caps).
        public let patternGuarded: [String]
    }

    /// Libraries exposed as read-only copies.
    public static let libraries: [LibraryPolicy] = [
        LibraryPolicy(
            name: "string", removed: ["dump"],
            patternGuarded: ["find", "match", "gmatch", "gsub"]),
        LibraryPolicy(name: "table", removed: [], patternGuarded: []),
        LibraryPolicy(name: "math", removed: ["randomseed"], patternGuarded: []),
        LibraryPolicy(name: "utf8", removed: [], patternGuarded: []),
    ]

    /// The global through which trusted chunks reach host functions.
    ///
    /// It holds every function added with ``LuaVM/register(_:in:_:)`` and four built-ins:
    /// `install(name, value)` (a read-only global for all chunks), `readonly(t)` (a
    /// read-only proxy), `register_metatable(name, mt)` (a named metatable for
    /// ``LuaValue/table(_:metatable:)``) and `fresh_budget()` (full instruction, time and
    /// `print` budgets again for the next unit of work of the running call).
    public static let hostTableName = "__host"

    /// Applies the policy to a freshly opened state.
    static func apply(to state: OpaquePointer, randomSeed: Int64) -> Int32 {
        var status = ys_setup(state, YS_OP_SEED, nil, nil, Int64(randomSeed))
        func run(_ op: Int32, _ first: String, _ second: String? = nil) {
            guard status == YS_OK else { return }
            status = first.withCString { a in
                guard let second else { return ys_setup(state, op, a, nil, 0) }
                return second.withCString { b in ys_setup(state, op, a, b, 0) }
            }
        }
        for name in keptGlobals { run(YS_OP_KEEP_GLOBAL, name) }
        for name in replacedGlobals { run(YS_OP_REPLACE, name) }
        for name in removedGlobals { run(YS_OP_REMOVE, name, name) }
        for library in libraries {
            run(YS_OP_LIB_COPY, library.name)
            for member in library.removed { run(YS_OP_LIB_REMOVE, library.name, member) }
            for member in library.patternGuarded { run(YS_OP_LIB_GUARD, library.name, member) }
            run(YS_OP_LIB_SEAL, library.name)
        }
        return status
    }
}
