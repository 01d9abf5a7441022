import LuaRuntime
import Testing

@Suite("Sandbox")
struct SandboxTests {
    @Test(arguments: SandboxPolicy.removedGlobals)
    func removedGlobalRaisesNamedSandboxError(name: String) throws {
        try expectFailure(
            "return \(name)", kind: .sandbox, containing: "'\(name)' is not available")
    }

    @Test func osExecuteIsASandboxError() throws {
        try expectFailure(
            "os.execute('echo pwned')", kind: .sandbox, containing: "'os' is not available")
    }

    @Test func ioOpenIsASandboxError() throws {
        try expectFailure(
            "return io.open('/etc/passwd')", kind: .sandbox, containing: "'io' is not available")
    }

    @Test func requireOfStandardLibraryIsNotFound() throws {
        try expectFailure(
            "return require 'os'", kind: .sandbox, containing: "module 'os' not found")
    }

    @Test func stringDumpIsRemoved() throws {
        try expectFailure(
            "local f = function() end return load(string.dump(f))", kind: .sandbox,
            containing: "'string.dump' is not available")
    }

    @Test func binaryChunkStringIsRejectedByScriptLoad() throws {
        try expectFailure(
            "return load('\\27Lua\\84\\0')", kind: .sandbox,
            containing: "binary chunks are not allowed")
    }

    @Test func binaryChunkIsRejectedByHostLoad() throws {
        let error = try withVM { vm in
            vm.failure(of: "\u{1B}Lua\u{54}\u{0}")
        }
        #expect(error?.kind == .sandbox)
        #expect(error?.message.contains("binary chunks") == true)
    }

    @Test func coroutineWrapIsASandboxError() throws {
        try expectFailure(
            "local f = coroutine.wrap(function() while true do end end) f()", kind: .sandbox,
            containing: "'coroutine' is not available")
    }

    @Test func collectGarbageStopIsASandboxError() throws {
        try expectFailure(
            "collectgarbage('stop')", kind: .sandbox,
            containing: "'collectgarbage' is not available")
    }

    @Test func stringMetatableIsHidden() throws {
        let results = try withVM { vm in try vm.run("return getmetatable('')") }
        #expect(results == [.boolean(false)])
    }

    @Test func stringMetatableCannotBePatched() throws {
        try expectFailure(
            "getmetatable('').__index.upper = function() return 'pwned' end", kind: .runtime,
            containing: "attempt to index a boolean value")
    }

    @Test func setmetatableOnStringMetatableFails() throws {
        try expectFailure(
            "setmetatable(getmetatable(''), {})", kind: .runtime,
            containing: "bad argument #1 to 'setmetatable' (table expected, got boolean)")
    }

    @Test func libraryTablesAreReadOnly() throws {
        try expectFailure(
            "string.upper = function() return 'pwned' end", kind: .sandbox,
            containing: "read-only table 'string'")
    }

    @Test func rawsetOnLibraryTableIsRefused() throws {
        try expectFailure(
            "rawset(math, 'pi', 3)", kind: .sandbox, containing: "read-only table")
    }

    @Test func rawsetOnATableMarkedReadOnlyRaisesItsMessage() throws {
        try expectFailure(
            "local t = setmetatable({}, { __readonly = 'things are read-only', __metatable = 'x' }) rawset(t, 'a', 1)",
            kind: .sandbox, containing: "pack/test.lua:1: things are read-only")
    }

    @Test func rawsetOnPlainTablesStillWorks() throws {
        let results = try withVM { vm in
            try vm.run("local t = setmetatable({}, { __newindex = error }) rawset(t, 'a', 1) return t.a")
        }
        #expect(results == [.integer(1)])
    }

    @Test func gcMetamethodIsRejected() throws {
        try expectFailure(
            "setmetatable({}, {__gc = function() while true do end end})", kind: .sandbox,
            containing: "__gc metamethods are not allowed")
    }

    @Test func gcMetamethodThatErrorsIsRejected() throws {
        try expectFailure(
            "setmetatable({}, {__gc = function() error('x') end})", kind: .sandbox,
            containing: "__gc metamethods are not allowed")
    }

    @Test func stringMethodsStillWork() throws {
        let results = try withVM { vm in
            try vm.run("return ('abc'):upper(), string.format('%d', 7), #string, math.pi > 3")
        }
        #expect(results[0] == "ABC")
        #expect(results[1] == "7")
        #expect(results[3] == .boolean(true))
    }

    @Test func globalsDoNotLeakBetweenChunks() throws {
        let results = try withVM { vm in
            _ = try vm.run("weights = {1, 2}")
            return try vm.run("return weights")
        }
        #expect(results == [.nil])
    }

    @Test func monkeyPatchingAGlobalStaysInItsChunk() throws {
        let results = try withVM { vm in
            _ = try vm.run("tostring = function() return 'pwned' end")
            return try vm.run("return tostring(1)")
        }
        #expect(results == ["1"])
    }

    @Test func mathRandomIsDeterministicPerSeed() throws {
        let draw = "return math.random(1, 1000000), math.random()"
        let first = try withVM { vm in try vm.run(draw) }
        let second = try withVM { vm in try vm.run(draw) }
        #expect(first == second)
    }

    @Test func scriptLoadCompilesTextIntoTheSandbox() throws {
        let results = try withVM { vm in
            try vm.run("local f = assert(load('return io')) return pcall(f)")
        }
        #expect(results.first == .boolean(false))
        #expect(results.last?.stringValue?.contains("'io' is not available") == true)
    }

    @Test func untrustedCodeCannotSeeHostTable() throws {
        let results = try withVM { vm in try vm.run("return __host == nil") }
        #expect(results == [.boolean(true)])
    }
}
