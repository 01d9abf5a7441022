import Foundation
import LuaRuntime
import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// A model whose targets and scores are Lua functions, line by line.
let functionModel = """
    return scorecard {
      id = "functions",
      kpi "revenue" { weight = 50,
        target = function(t)
          if t.subject.role == "lead" then return t.quota("revenue", "stretch") end
          if t.subject.id == "loop" then while true do end end
          if t.subject.id == "boom" then error("no basis for " .. t.subject.name) end
          if t.subject.id == "text" then return "lots" end
          if t.subject.id == "tier" then local q = t.quota("revenue", "platinum"); return q end
          if t.subject.id == "where" then return t.period.label .. t.period.first .. t.period.last end
          return t.last_year and t.last_year * 1.1
        end },
      kpi "calls" { weight = 50,
        score = function(peers, direction, cap)
          local best
          for _, p in ipairs(peers) do
            if p.value and (best == nil or (direction == "higher" and p.value > best)
                or (direction == "lower" and p.value < best)) then best = p.value end
          end
          local scores = {}
          for i, p in ipairs(peers) do
            if p.id == "loop" then while true do end end
            if p.id == "boom" then error("cannot score " .. p.id) end
            if p.id == "many" then return { 1, 2, 3, 4 } end
            if p.id == "text" then return { "high" } end
            if p.id == "none" then return 42 end
            if p.value then
              local ratio = direction == "higher" and p.value / best or best / p.value
              scores[i] = math.min(cap, 100 * ratio)
            end
          end
          return scores
        end },
    }
    """

/// A subject for target calls.
func subject(_ id: String, role: String = "sales") -> SubjectInfo {
    SubjectInfo(grain: .user, id: id, name: id.capitalized, team: "east", role: role, subject: .company)
}

/// The model's target function and custom scoring function.
func functions(limits: LuaLimits = smallModelLimits) throws -> (any TargetFunction, any CustomScoringFunction) {
    let workspace = try ModelWorkspace(["model.lua": functionModel])
    let model = try #require(
        try ScorecardModels.load(workspace: workspace.directory.path, limits: limits).definitions.first)
    guard case .function(let target)? = model.settings(of: "revenue").target,
        case .custom(let scoring)? = model.model.indicatorPaths.last?.indicator.function
    else {
        throw ScorecardError([ScorecardProblem(file: "model.lua", line: nil, message: "functions not read")])
    }
    return (target, scoring)
}

func context(_ subject: SubjectInfo, lastYear: Double? = nil) -> TargetContext {
    TargetContext(
        indicatorID: "revenue", subject: subject, period: .month(year: 2017, month: 10), value: 150, previous: 120,
        lastYear: lastYear,
        quota: { metric, tier in metric == "revenue" && tier == .stretch ? 999 : nil })
}

@Suite struct ModelFileFunctionTests {
    @Test func aLuaTargetFunctionIsCalledWithTheSubjectPeriodAndValues() throws {
        let (target, _) = try functions()
        #expect(target.identifier == "lua:model.lua:4")
        #expect(target.explanation == "the Lua target function at model.lua:4")
        // 200 last year + 10 %.
        let raised = try #require(try target.target(context(subject("ana"), lastYear: 200)))
        #expect(abs(raised - 220) < 1e-9)
        #expect(try target.target(context(subject("ana"))) == nil)
        #expect(try target.target(context(subject("lee", role: "lead"))) == 999)
    }

    @Test func aTargetFunctionSeesThePeriodAsISODates() throws {
        let (target, _) = try functions()
        do {
            _ = try target.target(context(subject("where")))
            Issue.record("no error")
        } catch {
            #expect(
                "\(error)"
                    == "model.lua:4: the target function returned \"2017-102017-10-012017-10-31\"; it returns a number or nil"
            )
        }
    }

    @Test func targetFunctionErrorsAreThrownWithFileAndLine() throws {
        let (target, _) = try functions()
        let cases: [(String, String)] = [
            ("boom", "model.lua:7: no basis for Boom"),
            ("text", "model.lua:4: the target function returned \"lots\"; it returns a number or nil"),
            ("loop", "model.lua:6: script exceeded the instruction limit of 1000000"),
            ("tier", "model.lua:9: t.quota: unknown tier \"platinum\" (tiers: target, stretch, challenge)"),
        ]
        for (id, message) in cases {
            do {
                _ = try target.target(context(subject(id)))
                Issue.record("\(id): no error")
            } catch {
                #expect("\(error)" == message)
            }
        }
        // The VM is still usable after every kind of failure.
        #expect(try target.target(context(subject("lee", role: "lead"))) == 999)
    }

    @Test func aCustomScoringFunctionScoresTheWholePeerGroup() throws {
        let (_, scoring) = try functions()
        #expect(scoring.identifier == "lua:model.lua:14")
        let inputs = [
            ScoringInput(value: 50, subjectID: "ana"), ScoringInput(value: 100, subjectID: "bo"),
            ScoringInput(value: nil, subjectID: "cy"), ScoringInput(value: 40, subjectID: "di"),
        ]
        // Relative to the best (100): 50, 100, none, 40; lower is better (best 40): 80, 40, none, 100.
        #expect(try scoring.scores(for: inputs, direction: .higherIsBetter, cap: 100) == [50, 100, nil, 40])
        #expect(try scoring.scores(for: inputs, direction: .lowerIsBetter, cap: 100) == [80, 40, nil, 100])
        // Lower is better, best 20: 20 → 100, 40 → 50.
        #expect(
            try scoring.scores(
                for: [ScoringInput(value: 20), ScoringInput(value: 40)], direction: .lowerIsBetter, cap: 120) == [
                    100, 50,
                ])
    }

    @Test func aCustomScoringFunctionRunsInsideScoringWithTheSubjectsIDs() throws {
        let workspace = try ModelWorkspace(["model.lua": functionModel])
        let model = try #require(try workspace.load().definitions.first)
        // Revenue: 80 of 100 → 80 and 100 of 100 → 100; calls relative to the best (40): 20 → 50,
        // 40 → 100. Totals: 0.5 × 80 + 0.5 × 50 = 65 and 0.5 × 100 + 0.5 × 100 = 100.
        let scored = try model.model.score([
            SubjectFigures(
                subjectID: "ana",
                inputs: ["revenue": ScoringInput(value: 80, target: 100), "calls": ScoringInput(value: 20)]),
            SubjectFigures(
                subjectID: "bo",
                inputs: ["revenue": ScoringInput(value: 100, target: 100), "calls": ScoringInput(value: 40)]),
        ])
        #expect(scored.subjects.map(\.total) == [65, 100])
        #expect(scored.subjects.map(\.rank) == [2, 1])
    }

    @Test func customScoringErrorsAreThrownWithFileAndLine() throws {
        let (_, scoring) = try functions()
        let cases: [(String, String)] = [
            ("boom", "model.lua:23: cannot score boom"),
            ("loop", "model.lua:22: script exceeded the instruction limit of 1000000"),
            ("many", "model.lua:14: the scoring function returned 4 scores for 2 peers"),
            ("text", "model.lua:14: the scoring function returned \"high\" for peer 1; scores are numbers or nil"),
            ("none", "model.lua:14: the scoring function returned 42, not an array of scores"),
        ]
        for (id, message) in cases {
            do {
                _ = try scoring.scores(
                    for: [ScoringInput(value: 1, subjectID: id), ScoringInput(value: 2, subjectID: "ok")],
                    direction: .higherIsBetter, cap: 100)
                Issue.record("\(id): no error")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func aFailingCustomFunctionLeavesTheScoresMissingWithTheReason() throws {
        let workspace = try ModelWorkspace(["model.lua": functionModel])
        let model = try #require(
            try ScorecardModels.load(workspace: workspace.directory.path, limits: smallModelLimits).definitions.first)
        let scored = try model.model.score([
            SubjectFigures(subjectID: "boom", inputs: ["calls": ScoringInput(value: 1)])
        ])
        let calls = scored.subjects.first?.indicators.first { $0.indicatorID == "calls" }
        #expect(
            calls?.outcome.missingReason == .customFunction("lua:model.lua:14 failed: model.lua:23: cannot score boom"))
    }

    @Test func callsFromManyThreadsAreSerialisedIntoTheOneVM() throws {
        let (target, _) = try functions()
        let results = ResultsBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let value = try? target.target(context(subject("u\(index)"), lastYear: Double(index * 10)))
            results.set(index, value ?? nil)
        }
        for index in 0..<64 {
            let expected = Double(index * 10) * 1.1
            #expect(abs((results.values[index] ?? -1) - expected) < 1e-9)
        }
    }

    @Test func aFunctionCallingBackIntoItsModelFailsInsteadOfWaitingForever() throws {
        let (target, _) = try functions()
        let inner = ResultsBox(count: 1)
        let reentrant = TargetContext(
            indicatorID: "revenue", subject: subject("lee", role: "lead"), period: .month(year: 2017, month: 10),
            value: nil, previous: nil, lastYear: nil,
            quota: { _, _ in
                do {
                    _ = try target.target(context(subject("ana"), lastYear: 1))
                    inner.set(0, 1)
                } catch {
                    inner.set(0, -1)
                }
                return 5
            })
        #expect(try target.target(reentrant) == 5)
        #expect(inner.values[0] == -1)
    }

    @Test func theFunctionsOutliveTheModelsTheyWereLoadedWith() throws {
        var target: (any TargetFunction)?
        do {
            let workspace = try ModelWorkspace(["model.lua": functionModel])
            let model = try ScorecardModels.load(workspace: workspace.directory.path).definitions.first
            if case .function(let function)? = model?.settings(of: "revenue").target { target = function }
        }
        #expect(try target?.target(context(subject("lee", role: "lead"))) == 999)
    }
}

/// Results written from several threads.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Double?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Double?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

@Suite struct ModelFileTargetBatchTests {
    @Test func manyTargetsAreAnsweredInOrderEachWithItsOwnOutcome() throws {
        let (target, _) = try functions()
        let results = target.targets([
            context(subject("ana"), lastYear: 100), context(subject("boom")), context(subject("lee", role: "lead")),
            context(subject("loop")), context(subject("ana")),
        ])
        #expect(results.count == 5)
        #expect(abs(((try? results[0].get()) ?? nil ?? 0) - 110) < 1e-9)
        #expect(throws: ScorecardProblem.self) { try results[1].get() }
        #expect(try results[2].get() == 999)
        #expect(throws: ScorecardProblem.self) { try results[3].get() }
        #expect(try results[4].get() == nil)
    }
}
