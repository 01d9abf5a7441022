import LuaRuntime
import Testing

@Suite("Errors")
struct ErrorTests {
    @Test func runtimeErrorPointsAtChunkAndLine() throws {
        let error = try withVM { vm in
            vm.failure(of: "local x = 1\nerror('boom')", chunk: "pack/indicators/win_rate.lua")
        }
        let failure = try #require(error)
        #expect(failure.kind == .runtime)
        #expect(failure.chunk == "pack/indicators/win_rate.lua")
        #expect(failure.line == 2)
        #expect(failure.message == "boom")
        #expect(failure.description == "pack/indicators/win_rate.lua:2: boom")
    }

    @Test(arguments: ["error('')", "error('  ')", "error('', 2)"])
    func anEmptyMessageIsNamedAsSuch(_ raise: String) throws {
        let error = try withVM { vm in vm.failure(of: "local x = 1\n" + raise, chunk: "pack/empty.lua") }
        let failure = try #require(error)
        #expect(failure.message == "error raised with an empty message")
        #expect(!failure.description.hasSuffix(": "))
    }

    @Test func tracebackContainsChunkAndLine() throws {
        let error = try withVM { vm in
            vm.failure(of: "local function f()\n  error('deep')\nend\nf()")
        }
        let traceback = try #require(error?.traceback)
        #expect(traceback.contains("pack/test.lua:2"))
        #expect(traceback.contains("stack traceback"))
    }

    @Test func syntaxErrorIsNamed() throws {
        let error = try withVM { vm in vm.failure(of: "local = 1", chunk: "pack/bad.lua") }
        #expect(error?.kind == .syntax)
        #expect(error?.chunk == "pack/bad.lua")
        #expect(error?.line == 1)
    }

    @Test func tableErrorObjectGetsFixedTextWithoutCallingTostring() throws {
        try expectFailure(
            "error(setmetatable({}, {__tostring = function() while true do end end}))",
            kind: .runtime, containing: "(error object is a table value)")
    }

    @Test func errorInsideErrorHandlerIsReturnedByXpcall() throws {
        let results = try withVM { vm in
            try vm.run("return xpcall(function() error('a') end, function(m) error('b') end)")
        }
        #expect(results.first == .boolean(false))
        #expect(results.last?.stringValue?.hasSuffix("b") == true)
    }

    @Test func errorRaisedFromErrorHandlerPropagates() throws {
        try expectFailure(
            """
            local ok, e = xpcall(function() error('a') end, function(m) error('b', 0) end)
            error(e, 0)
            """, kind: .runtime, containing: "b")
    }

    @Test func errorWithLevelZeroHasNoLocation() throws {
        let error = try withVM { vm in vm.failure(of: "error('plain', 0)") }
        #expect(error?.chunk == nil)
        #expect(error?.description == "plain")
    }

    @Test func numericErrorObjectBecomesText() throws {
        let error = try withVM { vm in vm.failure(of: "error(42)") }
        #expect(error?.kind == .runtime)
        #expect(error?.message == "42")
    }

    @Test func pcallCatchesOrdinaryErrors() throws {
        let results = try withVM { vm in
            try vm.run("local ok, e = pcall(error, 'x', 0) return ok, e")
        }
        #expect(results == [.boolean(false), "x"])
    }

    @Test func memoryErrorsCanBeCaughtButTheCapHolds() throws {
        let results = try withVM { vm in
            try vm.run("local ok = pcall(string.rep, 'x', 1e9) return ok")
        }
        #expect(results == [.boolean(false)])
    }
}
