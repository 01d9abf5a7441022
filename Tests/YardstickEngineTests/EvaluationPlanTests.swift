import Foundation
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Issue 8, item 2: the run's work is laid out as an ``EvaluationPlan`` before any indicator
/// runs, and the names that replace the old tuples and packed integers (``PeriodShift``,
/// ``EvaluationMode``) keep their meaning.
///
/// The fixture has 3 users (u1, u2, u3) in 2 teams and the company.
@Suite struct EvaluationPlanTests {
    static let september = Period.month(year: 2026, month: 9)

    /// An evaluator over the fixture's data, whose temporary folder is removed at once.
    static func evaluator(partitioned: Bool = true) throws -> Evaluator {
        let (workspace, engine, _) = try EngineFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, today: 20_400, workers: 1)
        evaluator.paths = EvaluationPaths(partitioned: partitioned, prefetch: true)
        return evaluator
    }

    @Test func planHasOneTaskPerSubjectAndPeriodInBlocksOfOneGrainAndPeriod() throws {
        let plan = try Self.evaluator().plan(
            grains: [.user, .company], periods: [Self.september, EngineFixture.october])
        #expect(plan.tasks.map(\.subject.id) == ["u1", "u2", "u3", "u1", "u2", "u3", "C", "C"])
        #expect(
            plan.tasks.map(\.period.label) == [
                "2026-09", "2026-09", "2026-09", "2026-10", "2026-10", "2026-10", "2026-09", "2026-10",
            ])
        #expect(plan.blocks == [0..<3, 3..<6, 6..<7, 7..<8])
        #expect(plan.tasks.map(\.block) == [0, 0, 0, 1, 1, 1, 2, 3])
    }

    @Test func theUsersShareOnePartitionAndTheCompanyRunsAlone() throws {
        let plan = try Self.evaluator().plan(
            grains: [.user, .company], periods: [Self.september, EngineFixture.october])
        #expect(plan.columnBlocks.map(\.block) == [0, 1])
        #expect(plan.columnBlocks.map(\.period.label) == ["2026-09", "2026-10"])
        let runs = try #require(plan.columnBlocks.first?.runs)
        #expect(plan.columnBlocks.allSatisfy { $0.runs === runs })
        #expect(plan.distinctRuns.count == 1)
        #expect(runs.periods == [Self.september.queryDays, EngineFixture.october.queryDays])
        #expect(plan.tasks.map { $0.member?.index } == [0, 1, 2, 0, 1, 2, nil, nil])
        #expect(plan.tasks.prefix(6).allSatisfy { $0.member?.runs === runs })
        // Discovery evaluates one subject of the partition, in the first period.
        #expect(plan.firstTaskOfEachPartition.map(\.subject.id) == ["u1"])
        #expect(plan.firstTaskOfEachPartition.map(\.period.label) == ["2026-09"])
    }

    @Test func withPartitionRunsOffNoBlockRunsInColumnMode() throws {
        let plan = try Self.evaluator(partitioned: false).plan(
            grains: [.user, .team], periods: [EngineFixture.october])
        #expect(plan.tasks.count == 5)
        #expect(plan.columnBlocks.isEmpty)
        #expect(plan.tasks.allSatisfy { $0.member == nil })
        #expect(plan.firstTaskOfEachPartition.isEmpty)
    }

    @Test func unitsAreWholeBlocksWhenThereAreEnoughToKeepEveryWorkerBusy() {
        let blocks = (0..<8).map { $0 * 10..<($0 + 1) * 10 }
        #expect(EvaluationPlan.units(blocks, workers: 2) == blocks)
    }

    @Test func fewBlocksAreCutIntoPiecesThatStayWithinTheirBlock() {
        let blocks = [0..<10, 10..<13]
        let units = EvaluationPlan.units(blocks, workers: 2)
        #expect(units == [0..<3, 3..<6, 6..<9, 9..<10, 10..<11, 11..<12, 12..<13])
        #expect(
            units.allSatisfy { unit in
                blocks.contains { $0.contains(unit.lowerBound) && unit.upperBound <= $0.upperBound }
            })
        #expect(units.flatMap { Array($0) } == Array(0..<13))
    }

    @Test func aScopeSlotReadsAsPeriodsBackThenYearsBack() {
        #expect(PeriodShift(slot: 0) == .none)
        #expect(PeriodShift(slot: 1) == PeriodShift(periodsBack: 1, yearsBack: 0))
        #expect(PeriodShift(slot: 100) == PeriodShift(periodsBack: 0, yearsBack: 1))
        #expect(PeriodShift(slot: 203) == PeriodShift(periodsBack: 3, yearsBack: 2))
        #expect(PeriodShift(slot: -5) == .none)
    }

    @Test func aShiftGoesBackPeriodsFirstThenYears() {
        let october = EngineFixture.october
        #expect(PeriodShift.none.applied(to: october) == october)
        #expect(PeriodShift(slot: 2).applied(to: october).label == "2026-08")
        #expect(PeriodShift(slot: 101).applied(to: october).label == "2025-09")
        #expect(PeriodShift(slot: 101).applied(to: october) == october.previous.samePeriodLastYear)
        let week = Period.week(year: 2026, week: 1, weekStart: 1)
        #expect(PeriodShift(slot: 100).applied(to: week).label == "2025-W01")
    }

    @Test func columnModeHasNoSingleSubjectAndReadsTheFirstSubjectsShare() throws {
        let plan = try Self.evaluator().plan(grains: [.user], periods: [EngineFixture.october])
        let runs = try #require(plan.columnBlocks.first?.runs)
        let mode = EvaluationMode.column(runs)
        #expect(mode.subject == nil)
        #expect(mode.member?.index == 0)
        #expect(!mode.isTraced)
    }

    @Test func aTracedSubjectRunsItsQueriesAlone() throws {
        let plan = try Self.evaluator().plan(grains: [.user], periods: [EngineFixture.october])
        let task = try #require(plan.tasks.last)
        let member = try #require(task.member)
        #expect(EvaluationMode.tracedSubject(task.subject).isTraced)
        #expect(EvaluationMode.tracedSubject(task.subject).member == nil)
        #expect(EvaluationMode.member(task.subject, member).member?.index == 2)
        #expect(EvaluationMode.discovering(task.subject, member).subject?.id == "u3")
        #expect(EvaluationMode.idle.subject == nil)
    }

    @Test func aPeriodEncodesItsDaysUnderTheirOldKeys() throws {
        let october = EngineFixture.october
        let data = try JSONEncoder().encode(october)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["first"] as? Int == Int(october.firstDay))
        #expect(object["last"] as? Int == Int(october.lastDay))
        #expect(try JSONDecoder().decode(Period.self, from: data) == october)
    }
}
