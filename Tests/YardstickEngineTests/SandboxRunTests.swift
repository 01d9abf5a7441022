import LuaRuntime
import Testing
import YardstickData

@testable import YardstickEngine

/// A hostile or broken indicator body, the phrase its failure must contain, and a name for the
/// test report.
struct HostileIndicator: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    let phrase: String

    var testDescription: String { name }

    /// The indicator file: the body becomes line 2 of `value`.
    var source: String {
        "return indicator { id = \"bad\", per = \"user\", value = function(s, k)\n\(body)\nend }"
    }
}

/// Engine-level sandbox: each hostile indicator runs through `Evaluator.run` next to a normal
/// one; the hostile one fails with a clean, named error for every subject, the normal one keeps
/// its value, and the run returns.
@Suite struct SandboxRunTests {
    /// Small limits so the runaway cases end fast. The wall clock is left generous: filling
    /// 64 MiB takes a debug build on a loaded machine more than 2 s, and since a limit stops an
    /// indicator once per run, that one evaluation decides the message of every subject.
    static let limits = LuaLimits(instructionsPerCall: 5_000_000, memoryBytes: 64 << 20, secondsPerCall: 10)

    /// Deals closed in October 2026, per subject (from EngineFixture's rows): u1 o1 o2 o3; u2 o4;
    /// u3 o8 (o6 closed in September); T1 = u1 + u2; T2 = u3.
    static let closedDeals: [String: Int64] = ["u1": 3, "u2": 1, "u3": 1, "T1": 4, "T2": 1]

    static let good = Evaluator.Source(
        file: "indicators/deals_closed.lua",
        text:
            #"return indicator { id = "deals_closed", per = "user", value = function(s) return s.opportunities:during("closed_at"):count() end }"#
    )

    static let cases: [HostileIndicator] = [
        HostileIndicator(
            name: "os.execute", body: #"os.execute("ls") return 0"#, phrase: "'os' is not available in the sandbox"),
        HostileIndicator(
            name: "io.open", body: #"local f = io.open("/etc/passwd") return 0"#,
            phrase: "'io' is not available in the sandbox"),
        HostileIndicator(
            name: "require os", body: #"local os = require "os" return 0"#, phrase: "module 'os' not found"),
        HostileIndicator(
            name: "load of string.dump", body: "return load(string.dump(function() end))()",
            phrase: "'string.dump' is not available in the sandbox"),
        HostileIndicator(
            name: "load of a binary chunk string", body: #"local f = load("\27Lua\84\0\25\147\13\10") return 0"#,
            phrase: "binary chunks are not allowed"),
        HostileIndicator(
            name: "endless loop", body: "while true do end", phrase: "script exceeded the instruction limit of 5000000"),
        HostileIndicator(
            name: "huge string.rep", body: #"return #string.rep("x", 1e10)"#, phrase: "resulting string too large"),
        HostileIndicator(
            name: "string.rep beyond the memory limit", body: #"return #string.rep("x", 1e8)"#,
            phrase: "script exceeded the memory limit of 67108864 bytes"),
        HostileIndicator(
            name: "table growing without bound",
            body: #"local t = {} while true do t[#t + 1] = string.rep("x", 4096) .. #t end"#,
            phrase: "script exceeded the memory limit of 67108864 bytes"),
        HostileIndicator(
            name: "unbounded recursion", body: "local function f(n) return 1 + f(n + 1) end return f(1)",
            phrase: "stack overflow"),
        HostileIndicator(
            name: "coroutine.wrap", body: "coroutine.wrap(function() while true do end end)() return 0",
            phrase: "'coroutine' is not available in the sandbox"),
        HostileIndicator(
            name: "setmetatable on the string metatable", body: #"setmetatable(getmetatable(""), {}) return 0"#,
            phrase: "bad argument #1 to 'setmetatable' (table expected, got boolean)"),
        HostileIndicator(
            name: "patching the string metatable",
            body: #"getmetatable("").__index.upper = function() return "pwned" end return 0"#,
            phrase: "attempt to index a boolean value"),
        HostileIndicator(
            name: "collectgarbage stop", body: #"collectgarbage("stop") return 0"#,
            phrase: "'collectgarbage' is not available in the sandbox"),
        HostileIndicator(
            name: "__gc metamethod that errors",
            body: #"setmetatable({}, { __gc = function() error("in gc") end }) return 0"#,
            phrase: "__gc metamethods are not allowed"),
        HostileIndicator(
            name: "table error object with a looping __tostring",
            body: "error(setmetatable({}, { __tostring = function(t) return tostring(t) end }))",
            phrase: "(error object is a table value)"),
        HostileIndicator(
            name: "error inside the error handler",
            body:
                #"local ok, e = xpcall(error, function() error("again") end) if not ok then error(e, 0) end return 0"#,
            phrase: "again"),
        HostileIndicator(
            name: "pcall loop swallowing the limit",
            body: "while true do pcall(function() while true do end end) end",
            phrase: "script exceeded the instruction limit of 5000000"),
    ]

    /// Runs the normal indicator and `bad` for users and teams in October 2026.
    static func run(_ bad: String, limits: LuaLimits = limits) throws -> RunReport {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let sources = [good, Evaluator.Source(file: "indicators/bad.lua", text: bad)]
        return try Evaluator(engine: engine, workspace: workspace, limits: limits, workers: 2)
            .run(sources: sources, periods: [EngineFixture.october], grains: [.user, .team])
    }

    /// The normal indicator has its hand-worked value for every subject and no failure.
    static func expectNormalIndicatorUnharmed(_ report: RunReport) {
        let values = report.results.filter { $0.indicatorID == "deals_closed" }
        #expect(values.count == closedDeals.count)
        for result in values {
            #expect(result.value == .integer(closedDeals[result.subjectID] ?? -1), "\(result.subjectID)")
        }
        #expect(report.errors.filter { $0.indicatorID == "deals_closed" }.isEmpty)
    }

    @Test(arguments: cases)
    func hostileIndicatorFailsCleanlyWhileOthersRun(_ hostile: HostileIndicator) throws {
        let report = try Self.run(hostile.source)
        Self.expectNormalIndicatorUnharmed(report)
        let bad = report.results.filter { $0.indicatorID == "bad" }
        #expect(bad.count == Self.closedDeals.count)
        for result in bad {
            guard case .failed(let message) = result.value else {
                Issue.record("\(hostile.name): \(result.subjectID) got \(result.value)")
                continue
            }
            #expect(message.contains(hostile.phrase), "\(message)")
        }
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(Set(failures.compactMap(\.subjectID)) == Set(Self.closedDeals.keys))
        for failure in failures {
            #expect(failure.file == "indicators/bad.lua")
            // The failure names the place in its file and line fields, the message says what.
            #expect(failure.location.hasPrefix("indicators/bad.lua"), "\(failure.location)")
            #expect(failure.message.contains(hostile.phrase), "\(failure.message)")
        }
    }

    @Test func pcallLoopCannotSwallowTheTimeLimit() throws {
        // A budget of instructions too large to matter, so the wall clock has to stop it.
        let limits = LuaLimits(instructionsPerCall: Int.max / 2, memoryBytes: 64 << 20, secondsPerCall: 0.2)
        let report = try Self.run(
            HostileIndicator(
                name: "pcall loop", body: "while true do pcall(function() while true do end end) end", phrase: ""
            ).source, limits: limits)
        Self.expectNormalIndicatorUnharmed(report)
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == Self.closedDeals.count)
        for failure in failures {
            #expect(failure.location.hasPrefix("indicators/bad.lua"), "\(failure.location)")
            #expect(failure.message.contains("script exceeded the wall-clock limit of 0.2 s"), "\(failure.message)")
        }
    }

    @Test func failureCarriesFileAndLine() throws {
        let report = try Self.run(
            """
            return indicator { id = "bad", per = "user", value = function(s, k)
              local n = s.opportunities:count()
              error("boom")
            end }
            """)
        Self.expectNormalIndicatorUnharmed(report)
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == Self.closedDeals.count)
        for failure in failures {
            #expect(failure.file == "indicators/bad.lua")
            #expect(failure.line == 3)
            #expect(failure.location == "indicators/bad.lua:3")
            #expect(failure.message == "boom", "\(failure.message)")
            #expect(failure.periodLabel == EngineFixture.october.label)
        }
        for result in report.results where result.indicatorID == "bad" {
            #expect(result.value == .failed(message: "indicators/bad.lua:3: boom"))
        }
    }

    @Test func syntaxErrorIsALoadErrorWhileOtherFilesRun() throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let sources = [
            Self.good,
            Evaluator.Source(
                file: "indicators/bad.lua",
                text: "return indicator { id = \"bad\", per = \"user\",\n  value = function(s) return 1 +\nend }"),
            Evaluator.Source(
                file: "indicators/zz_one.lua",
                text: #"return indicator { id = "one", per = "user", value = function(s) return 1 end }"#),
        ]
        let report = try Evaluator(engine: engine, workspace: workspace, limits: Self.limits, workers: 2)
            .run(sources: sources, periods: [EngineFixture.october], grains: [.user, .team])
        Self.expectNormalIndicatorUnharmed(report)
        let ones = report.results.filter { $0.indicatorID == "one" }
        #expect(ones.count == Self.closedDeals.count)
        #expect(ones.allSatisfy { $0.value == .integer(1) })
        #expect(!report.results.contains { $0.indicatorID == "bad" })
        #expect(report.indicators.map(\.id).sorted() == ["deals_closed", "one"])
        #expect(report.errors.count == 1)
        let failure = try #require(report.errors.first)
        #expect(failure.file == "indicators/bad.lua")
        #expect(failure.line == 3)
        #expect(failure.subjectID == nil)
        #expect(failure.periodLabel == nil)
        #expect(failure.location == "indicators/bad.lua:3", "\(failure.location)")
        #expect(failure.message.contains("unexpected symbol near 'end'"), "\(failure.message)")
    }
}
