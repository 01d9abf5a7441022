import LuaRuntime

/// The trusted Lua half of the indicator API: value types, views that record query plans,
/// and the indicator runner. It sees `__host` (the Swift functions of ``HostBindings``);
/// indicator scripts do not. Everything it publishes is listed in ``LuaAPI`` and checked
/// against it, by name and by parameters, by the tests.
///
/// The Lua lives in `Sources/YardstickEngine/Prelude/*.lua`, one file per concern, compiled
/// into this module by SwiftPM's `embedInCode` resource rule (`PackageResources`): nothing is
/// read from disk or a bundle at run time (decision 0006). Each file is its own chunk, named
/// `yardstick/prelude/<file>`, so a prelude line in an error or a traceback is the line an
/// editor shows in that file.
enum Prelude {
    /// One file of the prelude, compiled as its own chunk.
    struct Part: Sendable {
        /// The file's name in `Sources/YardstickEngine/Prelude/`, such as `views.lua`.
        let file: String
        /// The Lua source text.
        let source: String

        init(file: String, bytes: [UInt8]) {
            self.file = file
            self.source = String(decoding: bytes, as: UTF8.self)
        }

        /// The chunk name: `=` (the trusted marker that scripts' `@file` names never carry)
        /// and ``Prelude/chunkPrefix`` followed by the file name.
        var chunkName: String { "=" + Prelude.chunkPrefix + file }
    }

    /// How the prelude's chunk names start (after the `=` marker); errors located there are
    /// moved to the script's line (``EvaluationSession``'s `preludePrefix` is a prefix of it).
    static let chunkPrefix = "yardstick/prelude/"

    /// The entry chunk: runs the ``parts`` it is given, in order, over one table of shared
    /// internals, and returns the runner and the published API.
    static let entry = Part(file: "prelude.lua", bytes: PackageResources.prelude_lua)

    /// The parts in load order: each may use what the ones before it defined.
    static let parts: [Part] = [
        Part(file: "values.lua", bytes: PackageResources.values_lua),
        Part(file: "dates.lua", bytes: PackageResources.dates_lua),
        Part(file: "columns.lua", bytes: PackageResources.columns_lua),
        Part(file: "errors.lua", bytes: PackageResources.errors_lua),
        Part(file: "fields.lua", bytes: PackageResources.fields_lua),
        Part(file: "views.lua", bytes: PackageResources.views_lua),
        Part(file: "rows.lua", bytes: PackageResources.rows_lua),
        Part(file: "aggregates.lua", bytes: PackageResources.aggregates_lua),
        Part(file: "grouped.lua", bytes: PackageResources.grouped_lua),
        Part(file: "keys.lua", bytes: PackageResources.keys_lua),
        Part(file: "scopes.lua", bytes: PackageResources.scopes_lua),
        Part(file: "bins.lua", bytes: PackageResources.bins_lua),
        Part(file: "params.lua", bytes: PackageResources.params_lua),
        Part(file: "indicators.lua", bytes: PackageResources.indicators_lua),
        Part(file: "api.lua", bytes: PackageResources.api_lua),
    ]

    /// Compiles the prelude into a VM and runs it.
    ///
    /// - Parameters:
    ///   - vm: a fresh VM; the prelude installs the API's globals and registers its value
    ///     types' metatables in it.
    ///   - extraParts: trusted chunks run after the prelude's own parts, with the same table of
    ///     internals (the Lua-side tests of the prelude's helpers).
    /// - Returns: what the entry chunk returns: the runner table and the published API
    ///   (names by place and, under `definitions`, the functions behind them).
    /// - Throws: ``LuaError`` when a part does not compile or fails while it runs.
    static func load(into vm: LuaVM, appending extraParts: [LuaFunction] = []) throws(LuaError) -> [LuaValue] {
        let entry = try vm.loadTrusted(entry.source, chunkName: entry.chunkName)
        var chunks: [LuaValue] = []
        for part in parts {
            chunks.append(.function(try vm.loadTrusted(part.source, chunkName: part.chunkName)))
        }
        chunks += extraParts.map { .function($0) }
        return try vm.call(entry, chunks)
    }
}
