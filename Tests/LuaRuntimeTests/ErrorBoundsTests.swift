import LuaRuntime
import Testing

/// Error values are cut where they leave the Lua state, and limit errors name the script's line.
@Suite("Error bounds")
struct ErrorBoundsTests {
    static let note = " … (message cut at 4 KiB)"

    @Test func longErrorMessageIsCutAtFourKiB() throws {
        let error = try withVM { vm in vm.failure(of: "error(string.rep('a', 10 * 1024 * 1024))") }
        let failure = try #require(error)
        #expect(failure.chunk == "pack/test.lua")
        #expect(failure.line == 1)
        // "pack/test.lua:1: " is 17 bytes of the 4096 kept.
        #expect(failure.message == String(repeating: "a", count: 4096 - 17) + Self.note)
    }

    @Test func cutNeverSplitsACharacter() throws {
        // 17 + 2 bytes before the two-byte characters: byte 4096 falls inside one.
        let error = try withVM { vm in vm.failure(of: "error('xy' .. string.rep('é', 100000))") }
        let failure = try #require(error)
        #expect(failure.message == "xy" + String(repeating: "é", count: 2038) + Self.note)
        #expect(!failure.message.contains("\u{FFFD}"))
    }

    @Test func messageAtTheLimitIsKeptWhole() throws {
        let error = try withVM { vm in vm.failure(of: "error(string.rep('b', 4096), 0)") }
        #expect(error?.message == String(repeating: "b", count: 4096))
    }

    @Test func hostCutMatchesTheRuntimeCut() {
        let text = "pack/test.lua:1: xy" + String(repeating: "é", count: 100_000)
        #expect(LuaError.cut(text) == "pack/test.lua:1: xy" + String(repeating: "é", count: 2038) + Self.note)
        #expect(LuaError.cut("short") == "short")
    }

    @Test func memoryErrorNamesTheScriptLine() throws {
        let error = try withVM { vm in
            vm.failure(of: "local t = {}\nwhile true do t[#t + 1] = string.rep('x', 4096) .. #t end")
        }
        let failure = try #require(error)
        #expect(failure.kind == .memory)
        #expect(failure.chunk == "pack/test.lua")
        #expect(failure.line == 2)
        #expect(failure.message == "script exceeded the memory limit of 33554432 bytes")
    }

    @Test func instructionLimitNamesTheScriptLine() throws {
        let error = try withVM { vm in vm.failure(of: "local n = 0\nwhile true do n = n + 1 end") }
        let failure = try #require(error)
        #expect(failure.kind == .instructionLimit)
        #expect(failure.description == "pack/test.lua:2: script exceeded the instruction limit of 2000000")
    }
}
