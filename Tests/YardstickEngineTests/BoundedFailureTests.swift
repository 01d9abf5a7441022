import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// A workspace of `count` users in two teams, user `uN` owning N deals closed as won in
/// October 2026: the control indicator's value for `uN` is N.
enum ManyUsersFixture {
    static func workspace(users count: Int) throws -> (Workspace, QueryEngine) {
        var users = "id,name,team,role\n"
        var deals = "id,owner,stage,amount,created_at,closed_at\n"
        var deal = 0
        for user in 1...count {
            users += "u\(user),User \(user),T\(user % 2 + 1),sales\n"
            for _ in 0..<user {
                deal += 1
                deals += "o\(deal),u\(user),won,10,2026-09-01,2026-10-15\n"
            }
        }
        let files = [
            "yardstick.toml": """
            [workspace]
            name = "Many"
            [entities.teams]
            file = "teams.csv"
            [entities.users]
            file = "users.csv"
            [entities.opportunities]
            file = "opportunities.csv"

            """,
            "data/teams.csv":
                "id,name,parent,kind\nC,Company,,company\nD1,Sales,C,department\nT1,North,D1,team\nT2,South,D1,team\n",
            "data/users.csv": users,
            "data/opportunities.csv": deals,
        ]
        let directory = try TemporaryDirectory(prefix: "many")
        try directory.write(files)
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        return (workspace, QueryEngine(dataset: dataset))
    }

    /// Counts each user's deals won in the period.
    static let control = Evaluator.Source(
        file: "indicators/won.lua",
        text:
            #"return indicator { id = "won", per = "user", value = function(s) return s.opportunities:during("closed_at"):count() end }"#
    )

    /// An indicator file whose value function body starts on line 3.
    static func bad(_ body: String) -> Evaluator.Source {
        Evaluator.Source(
            file: "indicators/bad.lua",
            text: "return indicator { id = \"bad\", per = \"user\",\n  value = function(s, k)\n\(body)\n  end }")
    }

    static let limits = LuaLimits(instructionsPerCall: 200_000, memoryBytes: 64 << 20, secondsPerCall: 5)

    static func run(
        _ bad: Evaluator.Source, users: Int = 60, grains: [Grain] = [.user],
        periods: [Period] = [EngineFixture.october],
        workers: Int = 1, limits: LuaLimits = limits
    ) throws -> RunReport {
        let (workspace, engine) = try workspace(users: users)
        return try Evaluator(engine: engine, workspace: workspace, limits: limits, workers: workers)
            .run(sources: [control, bad], periods: periods, grains: grains)
    }

    /// The control indicator has every user's deal count and no failure.
    static func expectControlUnharmed(_ report: RunReport) {
        for result in report.results where result.indicatorID == "won" && result.grain == .user {
            #expect(result.value == .integer(Int64(result.subjectID.dropFirst()) ?? -1), "\(result.subjectID)")
        }
        #expect(!report.errors.contains { $0.indicatorID == "won" })
    }
}

/// Item 2 of issue 7: a runaway script costs one limit for the whole run, not one per subject,
/// and error values are cut where they leave Lua.
@Suite struct BoundedFailureTests {
    static let loopMessage = "indicators/bad.lua:3: script exceeded the instruction limit of 200000"

    @Test func endlessLoopIsStoppedOnceAndFailsEverySubjectWithTheSameError() throws {
        let report = try ManyUsersFixture.run(ManyUsersFixture.bad("    while true do end"))
        ManyUsersFixture.expectControlUnharmed(report)
        #expect(report.limitStops == ["bad": 1])
        let bad = report.results.filter { $0.indicatorID == "bad" }
        #expect(bad.count == 60)
        #expect(bad.allSatisfy { $0.value == .failed(message: Self.loopMessage) })
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 60)
        #expect(failures.allSatisfy { $0.location == "indicators/bad.lua:3" })
        #expect(Set(failures.map(\.message)) == ["script exceeded the instruction limit of 200000"])
    }

    @Test func limitIsPaidOnceAcrossGrainsAndPeriods() throws {
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad("    while true do end"), grains: [.user, .team, .company],
            periods: [EngineFixture.october, .month(year: 2026, month: 11)])
        #expect(report.limitStops == ["bad": 1])
        let bad = report.results.filter { $0.indicatorID == "bad" }
        #expect(bad.count == 2 * (60 + 2 + 1))
        #expect(bad.allSatisfy { $0.value == .failed(message: Self.loopMessage) })
    }

    @Test func eachWorkerPaysTheLimitAtMostOnce() throws {
        let report = try ManyUsersFixture.run(ManyUsersFixture.bad("    while true do end"), workers: 2)
        ManyUsersFixture.expectControlUnharmed(report)
        let stops = try #require(report.limitStops["bad"])
        #expect((1...2).contains(stops))
        #expect(report.results.filter { $0.indicatorID == "bad" }.allSatisfy { $0.value.status == .failed })
    }

    @Test func unboundedRecursionIsStoppedOnce() throws {
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad("    local function f(n) return 1 + f(n + 1) end return f(1)"),
            limits: LuaLimits(instructionsPerCall: 100_000_000, memoryBytes: 256 << 20, secondsPerCall: 10))
        ManyUsersFixture.expectControlUnharmed(report)
        #expect(report.limitStops == ["bad": 1])
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 60)
        #expect(failures.allSatisfy { $0.message.hasSuffix("stack overflow") && $0.file == "indicators/bad.lua" })
    }

    /// The line is the script's at any cap, however many allocations the prelude has denied
    /// while unwinding the error.
    @Test(arguments: [16, 64])
    func memoryLimitIsStoppedOnceAndNamesTheScriptLine(mebibytes: Int) throws {
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad(#"    local t = {} while true do t[#t + 1] = string.rep("x", 4096) .. #t end"#),
            limits: LuaLimits(instructionsPerCall: 100_000_000, memoryBytes: mebibytes << 20, secondsPerCall: 30))
        ManyUsersFixture.expectControlUnharmed(report)
        #expect(report.limitStops == ["bad": 1])
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 60)
        for failure in failures {
            #expect(failure.location == "indicators/bad.lua:3")
            #expect(failure.message == "script exceeded the memory limit of \(mebibytes << 20) bytes")
        }
    }

    @Test func oneHugeAllocationNamesTheScriptLine() throws {
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad("    local unused = 1\n    return #string.rep(\"x\", 1e8)"), users: 3,
            limits: LuaLimits(instructionsPerCall: 100_000_000, memoryBytes: 16 << 20, secondsPerCall: 10))
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 3)
        #expect(failures.allSatisfy { $0.location == "indicators/bad.lua:4" }, "\(failures.map(\.location))")
    }

    @Test func errorThatIsNotALimitIsNotStopped() throws {
        let report = try ManyUsersFixture.run(ManyUsersFixture.bad(#"    error("boom")"#), users: 5)
        #expect(report.limitStops.isEmpty)
        #expect(report.errors.filter { $0.indicatorID == "bad" }.count == 5)
    }

    @Test func hugeErrorMessageIsCutWhereItLeavesLua() throws {
        // "indicators/bad.lua:3: x" (23 bytes) and 3 Mi two-byte characters: byte 4096 is inside
        // a character, so the cut moves back one byte to keep the text valid UTF-8.
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad(#"    error("x" .. string.rep("é", 3 << 20))"#), users: 5,
            limits: LuaLimits(instructionsPerCall: 100_000_000, memoryBytes: 64 << 20, secondsPerCall: 10))
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 5)
        let expected = "x" + String(repeating: "é", count: 2036) + " … (message cut at 4 KiB)"
        for failure in failures {
            #expect(failure.location == "indicators/bad.lua:3")
            #expect(failure.message == expected)
        }
        let json = JSONReportWriter().text(report)
        let table = TableReportWriter().text(report)
        let csv = CSVReportWriter().text(report)
        #expect(json.contains(expected))
        #expect(table.contains(expected))
        // Five figures and one grouped error line: far below one copy of the raw message.
        #expect(json.utf8.count < 64 << 10)
        #expect(table.utf8.count < 16 << 10)
        #expect(csv.utf8.count < 4 << 10)
        #expect(!csv.contains("éé"))
    }

    @Test func errorObjectWithAHostileTostringIsNamedByItsType() throws {
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad(
                #"    error(setmetatable({}, { __tostring = function() return string.rep("x", 1 << 30) end }))"#),
            users: 3)
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 3)
        #expect(failures.allSatisfy { $0.message == "(error object is a table value)" }, "\(failures.map(\.message))")
    }
}
