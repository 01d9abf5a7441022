import Foundation
import Synchronization
import Testing
import YardstickData

@testable import YardstickEngine

/// The evaluation's progress seam: figures done of indicators × subjects × periods, counted as
/// the workers finish, never going back.
@Suite struct EvaluationProgressTests {
    /// Collects the steps it is told.
    final class Steps: Sendable {
        let steps = Mutex<[EvaluationProgress.Step]>([])
        var all: [EvaluationProgress.Step] { steps.withLock { $0 } }
    }

    static let sources = [
        Evaluator.Source(
            file: "indicators/won.lua",
            text: """
                return indicator { id = "won", unit = "count", value = function(s)
                  return s.opportunities:during("closed_at"):where{ stage = "won" }:count()
                end }
                """),
        Evaluator.Source(
            file: "indicators/calls.lua",
            text: """
                return indicator { id = "calls", unit = "count", value = function(s)
                  return s.activities:during("occurred_at"):where{ type = "call" }:count()
                end }
                """),
    ]

    /// 2 indicators × (3 users + 2 teams) × 2 months = 20 figures.
    @Test(arguments: [1, 3])
    func progressCountsEveryFigureOfIndicatorsTimesSubjects(workers: Int) throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let collected = Steps()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: workers)
        evaluator.progress = EvaluationProgress { step in collected.steps.withLock { $0.append(step) } }
        let november = Period.month(year: 2026, month: 11)
        let report = try evaluator.run(
            sources: Self.sources, periods: [EngineFixture.october, november], grains: [.user, .team])
        let steps = collected.all
        #expect(report.results.count == 20)
        #expect(steps.first == EvaluationProgress.Step(figuresDone: 0, figuresTotal: 20, indicators: 2, subjects: 10))
        #expect(steps.last?.figuresDone == 20)
        #expect(steps.allSatisfy { $0.figuresTotal == 20 && $0.figuresDone % 2 == 0 })
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.figuresDone <= $1.figuresDone })
    }

    @Test func noObserverMeansNothingIsCounted() throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        #expect(evaluator.progress == nil)
        let report = try evaluator.run(sources: Self.sources, periods: [EngineFixture.october], grains: [.user])
        #expect(report.results.count == 6)
    }
}
