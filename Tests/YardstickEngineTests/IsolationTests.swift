import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// One indicator can never change another's values: each hostile indicator runs first, beside
/// control indicators that use every object it attacks, and the controls' CSV and JSON bytes
/// must equal those of a run without it — at every grain, down every evaluation path, with one
/// worker so that every subject shares one Lua state.
@Suite(.serialized) struct IsolationTests {
    /// A hostile indicator: what it tries, as the body of its value function (or, when the body
    /// starts with `--top`, a whole file whose top-level code runs at load).
    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        var testDescription: String { name }
    }

    /// Controls: each reads something a hostile indicator attacks. Both column-mode and
    /// per-subject shapes are here.
    static let controls: [(id: String, body: String)] = [
        ("c_won", #"return s.opportunities:during("closed_at"):where{ stage = "won" }:count()"#),
        ("c_all", #"return s.opportunities:during("closed_at"):count()"#),
        ("c_amount", #"return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount")"#),
        ("c_k_amount", #"local a = k("c_amount") if is_missing(a) then return a end return a + 1"#),
        ("c_k_ratio", #"return ratio(k("c_won"), k("c_all"))"#),
        (
            "c_subject",
            #"local id = s.subject.id return id:byte(1) * 1000 + id:byte(-1) + #s.subject.name + #s.subject.kind"#
        ),
        (
            "c_period",
            #"local p = s.period return p.days * 100 + p.start.month + p.finish.day_of_month + #p.label"#
        ),
        ("c_hours", #"return s.cases:during("opened_at"):avg(hours("opened_at", "resolved_at"))"#),
        (
            "c_between",
            #"return s.opportunities:between("closed_at", date(2026, 10, 1), date(2026, 10, 31)):count()"#
        ),
        ("c_in", #"return s.opportunities:during("closed_at"):where{ stage = {"in", {"won", "lost"}} }:count()"#),
        (
            "c_top",
            #"local t = s.opportunities:during("closed_at"):top(2, "amount") local n = #t if t[1] then n = n + t[1].amount end return n"#
        ),
        (
            "c_group",
            #"local g = s.opportunities:during("closed_at"):group_by("stage"):count() return (g.won or 0) * 10 + (g.lost or 0)"#
        ),
        (
            "c_rows",
            #"local n = 0 for r in s.opportunities:during("closed_at"):rows() do if r.stage == "won" then n = n + 1 end end return n"#
        ),
        (
            "c_text",
            #"return #string.format("%s-%s", s.subject.id, s.period.label) + #("ab"):rep(3) + math.floor(2.5) + #table.concat({ "a", "b" }) + utf8.len("é")"#
        ),
        ("c_module", #"return helpers.won(s.opportunities):count() * helpers.factor"#),
        ("c_previous", #"return s.previous.opportunities:during("closed_at"):count()"#),
    ]

    static let hostiles: [Hostile] = [
        Hostile(
            name: "rawset subject on the scope", body: #"rawset(s, "subject", { id = "zz", name = "", kind = "user" })"#
        ),
        Hostile(name: "rawset period on the scope", body: #"rawset(s, "period", { days = 1, label = "" })"#),
        Hostile(name: "rawset a view on the scope", body: #"rawset(s, "opportunities", s.cases)"#),
        Hostile(name: "assign a field of the scope", body: #"s.subject = { id = "zz", name = "", kind = "user" }"#),
        Hostile(
            name: "rawset a method on a view", body: #"rawset(s.opportunities, "during", function(v) return v end)"#),
        Hostile(name: "shadow a view method", body: #"s.opportunities.where = function(v) return v end"#),
        Hostile(
            name: "shadow a terminal", body: #"s.opportunities:during("closed_at").count = function() return 99 end"#),
        Hostile(
            name: "poison the children cache",
            body: #"local v = s.opportunities v.children.closed_at = s.cases:during("opened_at")"#),
        Hostile(
            name: "poison the aggregate cache",
            body: #"""
                local won = s.opportunities:during("closed_at"):where{ stage = "won" }
                local all = s.opportunities:during("closed_at")
                won:count() all:count()
                won.simple.count[""] = all.simple.count[""]
                """#),
        Hostile(
            name: "poison the equality cache",
            body:
                #"local v = s.opportunities:during("closed_at") v:where{ stage = "lost" } v.equal.stage.won = v.equal.stage.lost"#
        ),
        Hostile(
            name: "a condition that changes between reads",
            body: #"""
                local reads = 0
                local condition = setmetatable({}, {
                  __len = function() return 2 end,
                  __index = function(_, i)
                    if i == 1 then return "=" end
                    reads = reads + 1
                    if reads % 2 == 1 then return "lost" end
                    return "won"
                  end,
                })
                s.opportunities:during("closed_at"):where{ stage = condition }:count()
                """#),
        Hostile(
            name: "change a view's period slot",
            body: #"local v = s.opportunities:during("closed_at") v.slot = 1 v.filters[1] = nil"#),
        Hostile(name: "assign the subject's id", body: #"s.subject.id = "zz" s.subject.name = "" "#),
        Hostile(name: "rawset the subject's id", body: #"rawset(s.subject, "id", "zz")"#),
        // Stopping the task call sends the first subject's controls down the plain
        // per-subject path (focus, then one call per indicator).
        Hostile(name: "burn the instruction budget", body: #"while true do end"#),
        Hostile(name: "assign the period's fields", body: #"s.period.label = "" s.period.days = 1"#),
        Hostile(name: "mutate the period's dates", body: #"s.period.start.day = 0 s.period.finish.day = 0"#),
        Hostile(
            name: "mutate the period's dates through pairs",
            body: #"for _, v in pairs(s.period) do if type(v) == "table" then v.day = 0 end end"#),
        Hostile(
            name: "mutate a date used in a view",
            body: #"""
                local a = date(2026, 10, 1)
                local v = s.opportunities:between("closed_at", a, date(2026, 10, 31))
                a.day = 0
                v:count()
                """#),
        Hostile(
            name: "rawset a duration's field",
            body: #"rawset(hours("opened_at", "resolved_at"), "from", "resolved_at")"#),
        Hostile(name: "mutate a k() result", body: #"local a = k("c_amount") a.scaled = 0 a.reason = "poisoned""#),
        Hostile(
            name: "mutate top() results",
            body:
                #"local t = s.opportunities:during("closed_at"):top(2, "amount") t[1] = nil rawset(t[2] or {}, "row", 0)"#
        ),
        Hostile(
            name: "mutate group_by results",
            body: #"local g = s.opportunities:during("closed_at"):group_by("stage"):count() g.won = 1000"#),
        Hostile(
            name: "mutate rows",
            body: #"for r in s.opportunities:during("closed_at"):rows() do rawset(r, "row", 0) r.entity = "cases" end"#
        ),
        Hostile(name: "replace a library function", body: #"string.format = function() return "" end"#),
        Hostile(name: "rawset a library function", body: #"rawset(math, "floor", function() return 0 end)"#),
        Hostile(
            name: "tamper with the string metatable", body: #"getmetatable("").__index.rep = function() return "" end"#),
        Hostile(name: "mutate a shared module", body: #"helpers.factor = 0 helpers.won = function(v) return v end"#),
        Hostile(
            name: "pollute globals from top-level code",
            body: #"""
                --top
                ratio = function() return 0 end
                string = { format = function() return "" end }
                k, is_missing, date, hours = nil, nil, nil, nil
                _G.helpers = { factor = 0 }
                return indicator { id = "hostile", value = function(s) return 0 end }
                """#),
    ]

    /// How a run goes: the paths the evaluator may take.
    struct Path: CustomTestStringConvertible, Sendable {
        var columnMode: Bool
        var partitioned: Bool
        var prefetch: Bool
        var testDescription: String { "column \(columnMode), partitioned \(partitioned), prefetch \(prefetch)" }
    }

    /// Column mode needs partition runs, so with them off every indicator runs per subject.
    static let paths: [Path] = [
        Path(columnMode: true, partitioned: true, prefetch: true),
        Path(columnMode: false, partitioned: true, prefetch: true),
        Path(columnMode: false, partitioned: true, prefetch: false),
        Path(columnMode: false, partitioned: false, prefetch: false),
    ]

    static let helperModule = #"""
        local M = { factor = 3 }
        function M.won(v) return v:during("closed_at"):where{ stage = "won" } end
        return M
        """#

    /// The sources: the hostile indicator first (so it runs first), then the controls.
    static func sources(_ hostile: Hostile?) -> [Evaluator.Source] {
        var sources: [Evaluator.Source] = []
        if let hostile {
            let text =
                hostile.body.hasPrefix("--top")
                ? hostile.body
                : "local helpers = require(\"helpers\")\nreturn indicator { id = \"hostile\", value = function(s, k)\n\(hostile.body)\nreturn 0 end }"
            sources.append(Evaluator.Source(file: "indicators/hostile.lua", text: text))
        }
        for control in controls {
            sources.append(
                Evaluator.Source(
                    file: "indicators/\(control.id).lua",
                    text:
                        "local helpers = require(\"helpers\")\nreturn indicator { id = \"\(control.id)\", value = function(s, k)\n\(control.body)\nend }"
                ))
        }
        return sources
    }

    /// The controls' figures as CSV and JSON bytes.
    /// The fixture, loaded once (runs only read it), with the controls' module beside it.
    static let fixture: (Workspace, QueryEngine, TemporaryDirectory)? = {
        guard let (workspace, engine, directory) = try? EngineFixture.workspace() else { return nil }
        _ = try? directory.write(helperModule, to: "indicators/helpers.lua")
        return (workspace, engine, directory)
    }()

    static func controlOutput(_ hostile: Hostile?, path: Path) throws -> (csv: String, json: String) {
        let (workspace, engine, directory) = try #require(fixture)
        // A small instruction budget (the controls need far less), so that the hostile loop ends soon.
        var limits = LuaLimits.default
        limits.instructionsPerCall = 2_000_000
        var evaluator = Evaluator(engine: engine, workspace: workspace, limits: limits, today: 20_400, workers: 1)
        evaluator.modules = ModuleFolder(path: directory.path + "/indicators", displayPrefix: "indicators")
        evaluator.columnMode = path.columnMode
        evaluator.paths = EvaluationPaths(partitioned: path.partitioned, prefetch: path.prefetch)
        let months = [EngineFixture.october, Period.month(year: 2026, month: 11)]
        var report = try evaluator.run(
            sources: sources(hostile), periods: months, grains: [.user, .team, .department, .company, .account])
        let ids = Set(controls.map(\.id))
        report.generatedAt = ""
        report.indicators = report.indicators.filter { ids.contains($0.id) }
        report.results = ResultTable(report.results.filter { ids.contains($0.indicatorID) })
        report.errors = report.errors.filter { ids.contains($0.indicatorID) }
        return (CSVReportWriter().text(report), JSONReportWriter().text(report))
    }

    /// The controls' output without any hostile indicator, once per path.
    static let baselines: [String: (csv: String, json: String)] = {
        var outputs: [String: (csv: String, json: String)] = [:]
        for path in paths { outputs[path.testDescription] = try? controlOutput(nil, path: path) }
        return outputs
    }()

    @Test func controlsAgreeOnEveryPathAndHaveNoErrors() throws {
        let reference = try #require(Self.baselines[Self.paths[0].testDescription])
        for path in Self.paths {
            let output = try #require(Self.baselines[path.testDescription])
            #expect(output.csv == reference.csv, "\(path.testDescription)")
            #expect(output.json == reference.json, "\(path.testDescription)")
        }
        // Sanity: every control produced figures and none failed.
        #expect(!reference.csv.contains(",failed"))
        for control in Self.controls { #expect(reference.csv.contains(",\(control.id),")) }
    }

    @Test(arguments: hostiles, paths)
    func hostileIndicatorCannotChangeOtherIndicators(_ hostile: Hostile, _ path: Path) throws {
        let baseline = try #require(Self.baselines[path.testDescription])
        let output = try Self.controlOutput(hostile, path: path)
        #expect(output.csv == baseline.csv)
        #expect(output.json == baseline.json)
    }
}

/// A large `in` list runs in time linear in its size (it crosses to the host as one string of
/// codes) and gives the same count as the equivalent small list.
@Suite(.serialized) struct LargeInListTests {
    static func value(_ body: String, topLevel: String = "") throws -> ResultValue? {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let source = Evaluator.Source(
            file: "indicators/big.lua",
            text: "\(topLevel)\nreturn indicator { id = \"big\", value = function(s)\n\(body)\nend }")
        // Generous time: the machine running the tests may be busy; the check is the count.
        var limits = LuaLimits.default
        limits.secondsPerCall = 600
        let evaluator = Evaluator(engine: engine, workspace: workspace, limits: limits, workers: 1)
        let report = try evaluator.run(sources: [source], periods: [EngineFixture.october], grains: [.company])
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        return report.results.first?.value
    }

    @Test func aMillionValueInListCountsLikeTheValuesItMatches() throws {
        // Closed in October 2026 (see EngineFixture): o1, o2, o3, o4, o8; o7 closes on 1 November.
        let big = try Self.value(
            #"return s.opportunities:during("closed_at"):where{ id = {"in", big} }:count()"#,
            topLevel:
                #"local big = {} for i = 1, 1000000 do big[i] = "x" .. i end big[#big + 1] = "o4" big[#big + 1] = "o7" big[#big + 1] = "o1""#
        )
        #expect(big == .integer(2))
    }

    @Test func aLongNotInListExcludesTheValuesItMatches() throws {
        let big = try Self.value(
            #"return s.opportunities:during("closed_at"):where{ id = {"not in", big} }:count()"#,
            topLevel: #"local big = {} for i = 1, 10000 do big[i] = "x" .. i end big[#big + 1] = "o4""#)
        #expect(big == .integer(4))
    }

    @Test(arguments: [
        (#"id = {"in", {"a,b", "s3:x", "o1", "|"}}"#, 1),
        (#"stage = {"in", {"won", "lost"}}"#, 5),
        (#"amount = {"in", {0, 1000}}"#, 2),
    ])
    func inListsWithAwkwardValuesStayExact(_ condition: String, _ expected: Int) throws {
        let value = try Self.value("return s.opportunities:during(\"closed_at\"):where{ \(condition) }:count()")
        #expect(value == .integer(Int64(expected)))
    }
}
