import LuaRuntime
import Testing

@Suite("Limits")
struct LimitsTests {
    @Test func freshBudgetGivesEachUnitOfTrustedWorkTheFullInstructionLimit() throws {
        // Each loop costs 120,000 to 180,000 instructions against a limit of 200,000.
        let limits = LuaLimits(instructionsPerCall: 200_000, memoryBytes: 32 << 20, secondsPerCall: 20)
        let loop = "for i = 1, 60000 do x = x + i end"
        try withVM(limits: limits) { vm in
            let fresh = try vm.loadTrusted(
                "local x = 0 \(loop) __host.fresh_budget() \(loop) return x", chunkName: "=fresh")
            #expect(try vm.call(fresh) == [.integer(3_600_060_000)])
            let shared = try vm.loadTrusted("local x = 0 \(loop) \(loop) return x", chunkName: "=shared")
            #expect(throws: LuaError.self) { try vm.call(shared) }
        }
    }

    @Test func infiniteLoopHitsInstructionLimit() throws {
        try expectFailure(
            "while true do end", kind: .instructionLimit,
            containing: "pack/test.lua:1: script exceeded the instruction limit")
    }

    @Test func infiniteLoopHitsWallClockLimit() throws {
        try expectFailure(
            "while true do end", kind: .timeout, containing: "wall-clock limit",
            limits: .wallClock)
    }

    @Test func pcallLoopCannotSwallowTheKill() throws {
        try expectFailure(
            "while true do pcall(function() while true do end end) end",
            kind: .instructionLimit, containing: "instruction limit")
    }

    @Test func pcallLoopCannotSwallowTheTimeout() throws {
        try expectFailure(
            "while true do pcall(function() while true do end end) end",
            kind: .timeout, containing: "wall-clock limit", limits: .wallClock)
    }

    @Test func xpcallWithLoopingHandlerIsKilled() throws {
        try expectFailure(
            "xpcall(function() error('x') end, function() while true do end end)",
            kind: .instructionLimit, containing: "instruction limit")
    }

    @Test func xpcallLoopIsKilled() throws {
        try expectFailure(
            """
            local n = 0
            while true do
              xpcall(function() while true do end end, function() n = n + 1 end)
            end
            """, kind: .timeout, containing: "wall-clock limit", limits: .wallClock)
    }

    @Test func loopingCloseHandlerIsKilled() throws {
        try expectFailure(
            """
            local x <close> = setmetatable({}, {__close = function() while true do end end})
            while true do end
            """, kind: .instructionLimit, containing: "instruction limit")
    }

    @Test func loopingSortComparatorIsKilled() throws {
        try expectFailure(
            "table.sort({3, 2, 1}, function() while true do end end)",
            kind: .instructionLimit, containing: "instruction limit")
    }

    @Test func stringRepBeyondLuaMaximumIsARuntimeError() throws {
        try expectFailure(
            "return #string.rep('x', 1e10)", kind: .runtime,
            containing: "resulting string too large")
    }

    @Test func hugeStringRepHitsMemoryLimit() throws {
        try expectFailure(
            "return #string.rep('x', 2^30)", kind: .memory, containing: "memory limit")
    }

    @Test func unboundedTableGrowthHitsMemoryLimit() throws {
        var limits = LuaLimits.testing
        limits.instructionsPerCall = 500_000_000
        try expectFailure(
            "local t = {} for i = 1, 1e9 do t[i] = i end", kind: .memory,
            containing: "memory limit", limits: limits)
    }

    @Test func unboundedRecursionIsAStackOverflow() throws {
        var limits = LuaLimits.testing
        limits.memoryBytes = 256 << 20
        limits.instructionsPerCall = 100_000_000
        try expectFailure(
            "local function f() return 1 + f() end return f()", kind: .runtime,
            containing: "stack overflow", limits: limits)
    }

    @Test func catastrophicPatternIsRejected() throws {
        try expectFailure(
            "return string.find(('a'):rep(300), '.-.-.-b')", kind: .limit,
            containing: "pattern too complex")
    }

    @Test func simplePatternsOnLargeSubjectsAreAllowed() throws {
        let results = try withVM { vm in
            try vm.run(
                """
                local s = ('a,'):rep(10000)
                local n = 0
                for field in s:gmatch('(.-),') do n = n + 1 end
                return n, ('  x  '):match('^%s*(.-)%s*$')
                """)
        }
        #expect(results == [.integer(10000), "x"])
    }

    @Test func tenMillionPrintsHitTheLogLimit() throws {
        try expectFailure(
            "for i = 1, 1e7 do print(i) end", kind: .limit, containing: "print limit reached")
    }

    @Test func printGoesToTheLogSink() throws {
        let lines = try withVM { vm throws -> [String] in
            var lines: [String] = []
            vm.logSink = { lines.append($0) }
            _ = try vm.run("print('a', 1, nil, true)")
            return lines
        }
        #expect(lines == ["a\t1\tnil\ttrue"])
    }

    @Test func oversizedSourceIsRejectedBeforeParsing() throws {
        var limits = LuaLimits.testing
        limits.maxSourceBytes = 100
        let error = try withVM(limits: limits) { vm in
            vm.failure(of: String(repeating: "x = 1\n", count: 100))
        }
        #expect(error?.kind == .limit)
        #expect(error?.message.contains("more than the limit") == true)
    }

    @Test func limitsArePerCall() throws {
        var limits = LuaLimits.testing
        limits.instructionsPerCall = 1_000_000
        let results = try withVM(limits: limits) { vm throws -> [LuaValue] in
            let spin = try vm.load(
                "local n = 0 for i = 1, 100000 do n = n + i end return n", chunkName: "spin.lua")
            var last: [LuaValue] = []
            for _ in 0..<20 { last = try vm.call(spin) }
            return last
        }
        #expect(results == [.integer(5_000_050_000)])
    }

    @Test func statisticsReportInstructionsAndMemory() throws {
        let statistics = try withVM { vm throws -> LuaStatistics in
            _ = try vm.run("local t = {} for i = 1, 10000 do t[i] = i end")
            return vm.lastCallStatistics
        }
        #expect(statistics.instructions > 10_000)
        #expect(statistics.memoryBytes > 0)
    }
}
