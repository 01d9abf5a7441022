import LuaRuntime
import Testing
import YardstickScorecard

/// Small limits, so the hostile files fail fast.
let smallModelLimits = LuaLimits(instructionsPerCall: 1_000_000, memoryBytes: 16 << 20, secondsPerCall: 5)

/// The problems of a workspace with one `model.lua` holding `source`, loaded under small limits.
func hostileProblems(_ source: String) throws -> [ScorecardProblem] {
    let workspace = try ModelWorkspace(["model.lua": source])
    do {
        _ = try ScorecardModels.load(workspace: workspace.directory.path, limits: smallModelLimits)
        return []
    } catch {
        return error.problems
    }
}

@Suite struct ModelFileSandboxTests {
    @Test func anEndlessLoopStopsAtTheInstructionLimitWithItsLine() throws {
        let problems = try hostileProblems("local n = 0\nwhile true do n = n + 1 end\nreturn scorecard { id = 'x' }")
        #expect(
            problems == [
                ScorecardProblem(
                    file: "model.lua", line: 2, message: "script exceeded the instruction limit of 1000000")
            ])
    }

    @Test func aHugeAllocationStopsAtTheMemoryLimit() throws {
        let problems = try hostileProblems("local s = string.rep('x', 1 << 30)\nreturn scorecard { id = 'x' }")
        #expect(problems.count == 1)
        #expect(problems.first?.file == "model.lua")
        #expect(problems.first?.message == "script exceeded the memory limit of 16777216 bytes")
        let table = try hostileProblems(
            "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\nreturn scorecard { id = 'x' }")
        #expect(table.first?.message == "script exceeded the memory limit of 16777216 bytes")
        #expect(table.first?.line == 2)
    }

    @Test func theSandboxKeepsFilesProcessesAndBytecodeAway() throws {
        let attempts = [
            "local f = io.open('/etc/passwd')",
            "os.exit(1)",
            "local d = string.dump(function() end)",
            "local f = load('\\27Lua')",
            "local m = require('os')",
            "debug.sethook()",
            "dofile('/etc/passwd')",
        ]
        for attempt in attempts {
            let problems = try hostileProblems("\n" + attempt + "\nreturn scorecard { id = 'x' }")
            #expect(problems.count == 1, "\(attempt)")
            #expect(problems.first?.file == "model.lua", "\(attempt)")
            #expect(problems.first?.line == 2, "\(attempt): \(problems)")
        }
    }

    @Test func errorsAndSyntaxErrorsKeepTheirLine() throws {
        #expect(
            try hostileProblems("local x = 1\nerror('no model today')") == [
                ScorecardProblem(file: "model.lua", line: 2, message: "no model today")
            ])
        let syntax = try hostileProblems("return scorecard {\n  id = 'x'\n  cap = 1,\n}")
        #expect(syntax.count == 1)
        #expect(syntax.first?.line == 3)
        #expect(syntax.first?.message.contains("'}' expected") == true)
        #expect(try hostileProblems("error({})").first?.file == "model.lua")
    }

    @Test func aCyclicValueCannotCrossAndIsReported() throws {
        let problems = try hostileProblems(
            "local t = { id = 'x' }\nt.me = t\nreturn scorecard(t)")
        #expect(problems.count == 1)
        #expect(problems.first?.file == "model.lua")
    }

    @Test func aHostileFileDoesNotStopTheOthersFromLoading() throws {
        let workspace = try ModelWorkspace([
            "scorecards/a.lua": "while true do end",
            "scorecards/b.lua": #"return scorecard { id = "b", kpi "x" { weight = 100, score = rank } }"#,
            "scorecards/c.lua": #"return scorecard { id = "c", kpi "x" { weight = 90, score = rank } }"#,
        ])
        do {
            _ = try ScorecardModels.load(workspace: workspace.directory.path, limits: smallModelLimits)
            Issue.record("no error")
        } catch {
            #expect(error.problems.map(\.file) == ["scorecards/a.lua", "scorecards/c.lua"])
        }
    }

    @Test func modelFilesCannotReachTheHostTableOrChangeTheDSL() throws {
        #expect(try hostileProblems("return __host.install('x', 1)").first?.file == "model.lua")
        let replaced = """
            scorecard = function() return 1 end
            return scorecard { id = "x", kpi "a" { weight = 100, score = rank } }
            """
        // A file's globals are its own: replacing `scorecard` only changes that file's view, and
        // what it returns is then no scorecard.
        #expect(
            try hostileProblems(replaced).map(\.message) == [
                "the file must return scorecard { … }, not a number"
            ])
    }
}
