import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// A run over many subjects computes each query once for all of them (ahead of the indicators,
/// from a discovery pass) and runs a subject's indicators in one call into Lua. These tests
/// check the cases that path must not get wrong, with values worked out by hand from
/// ``EngineFixture`` (October 2026: u1 closed o1, o2, o3; u2 closed o4; u3 closed o8; in
/// September u3 closed o6).
@Suite struct PartitionEvaluationTests {
    static func run(_ sources: [String], limits: LuaLimits = .default, grains: [Grain] = [.user, .team])
        throws -> RunReport
    {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let files = sources.enumerated().map {
            Evaluator.Source(file: "indicators/i\($0.offset).lua", text: $0.element)
        }
        return try Evaluator(engine: engine, workspace: workspace, limits: limits, workers: 2)
            .run(sources: files, periods: [EngineFixture.october], grains: grains)
    }

    static func values(_ report: RunReport, _ id: String) -> [String: ResultValue] {
        Dictionary(
            uniqueKeysWithValues: report.results.filter { $0.indicatorID == id }.map { ($0.subjectID, $0.value) })
    }

    @Test func anIndicatorBranchingOnAValueGetsEachSubjectsOwnValue() throws {
        // Discovery answers placeholders, so `n > 2` fails there; the real run must still
        // compute n per subject.
        let report = try Self.run([
            """
            return indicator { id = "branch", per = "user", value = function(s)
              local n = s.opportunities:during("closed_at"):count()
              if n > 2 then return n * 10 end
              return n
            end }
            """
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(
            Self.values(report, "branch")
                == ["u1": .integer(30), "u2": .integer(1), "u3": .integer(1), "T1": .integer(40), "T2": .integer(1)])
    }

    @Test func previousPeriodValuesAreComputedWhenFirstAskedFor() throws {
        let report = try Self.run([
            """
            return indicator { id = "before", per = "user", value = function(s)
              return s.previous.opportunities:during("closed_at"):count() * 100
                + s.opportunities:during("closed_at"):count()
            end }
            """
        ])
        #expect(
            Self.values(report, "before")
                == ["u1": .integer(3), "u2": .integer(1), "u3": .integer(101), "T1": .integer(4), "T2": .integer(101)])
    }

    @Test func eachIndicatorOfASubjectGetsItsOwnInstructionBudget() throws {
        // Each loop costs 120,000 to 180,000 instructions: one fits the limit of 200,000, two do not.
        let loop = "local x = 0 for i = 1, 60000 do x = x + i end return x"
        let limits = LuaLimits(instructionsPerCall: 200_000, memoryBytes: 64 << 20, secondsPerCall: 5)
        let report = try Self.run(
            [
                "return indicator { id = \"a\", per = \"user\", value = function(s) \(loop) end }",
                "return indicator { id = \"b\", per = \"user\", value = function(s) \(loop) end }",
            ], limits: limits, grains: [.user])
        #expect(report.errors.isEmpty, "\(report.errors)")
        for id in ["a", "b"] {
            #expect(
                Self.values(report, id) == [
                    "u1": .integer(1_800_030_000), "u2": .integer(1_800_030_000), "u3": .integer(1_800_030_000),
                ])
        }
    }

    @Test func aFailingIndicatorDoesNotChangeTheOthersOfTheSameSubject() throws {
        let report = try Self.run([
            #"return indicator { id = "won", per = "user", value = function(s) return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount") end }"#,
            #"return indicator { id = "bad", per = "user", value = function(s) return s.opportunities:during("closed_at"):count() + nil end }"#,
            #"return indicator { id = "share", per = "user", value = function(s, k) return ratio(k("won"), s.all.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")) end }"#,
        ])
        let won = Self.values(report, "won")
        #expect(won["u1"] == .decimal(ExactDecimal(scaled: 3_003_000)))
        #expect(won["u3"] == .decimal(ExactDecimal(scaled: 0)))
        let share = Self.values(report, "share")
        guard case .number(let u2)? = share["u2"] else {
            Issue.record("share of u2: \(String(describing: share["u2"]))")
            return
        }
        #expect(abs(u2 - 1000 / 1300.3) < 1e-12)
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0.location == "indicators/i1.lua:1" }, "\(failures.map(\.location))")
    }
}
