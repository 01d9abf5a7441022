import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// The first step of a run: which loaded indicators run, and the failures known before any
/// runs (files that did not load, needs the workspace does not map).
@Suite struct IndicatorSelectionTests {
    static let sources: [Evaluator.Source] = [
        EvaluationPathTests.source("won", #"return s.opportunities:count()"#),
        Evaluator.Source(file: "indicators/broken.lua", text: "return indicator {"),
        Evaluator.Source(
            file: "indicators/churn.lua",
            text: #"return indicator { id = "churn", needs = { "cases.closed_at" }, value = function(s) return 1 end }"#
        ),
        EvaluationPathTests.source("named", #"return 1"#),
    ]

    /// The sources loaded into a new session over the fixture's data.
    static func loaded() throws -> (LoadedSources, Dataset) {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let evaluator = Evaluator(engine: engine, workspace: workspace, today: 20_400, workers: 1)
        return (LoadedSources(sources, into: try evaluator.sessionSettings.start()), engine.dataset)
    }

    @Test func indicatorsWhoseNeedsAreMappedRunInLoadOrder() throws {
        let (loaded, dataset) = try Self.loaded()
        let selection = try RunnableIndicators(loaded, only: nil, dataset: dataset)
        #expect(selection.selected.map(\.id) == ["won", "churn", "named"])
        #expect(selection.ids == ["won", "named"])
    }

    @Test func loadErrorsComeFirstThenUnmappedNeeds() throws {
        let (loaded, dataset) = try Self.loaded()
        let selection = try RunnableIndicators(loaded, only: nil, dataset: dataset)
        #expect(selection.failures.map(\.file) == ["indicators/broken.lua", "indicators/churn.lua"])
        #expect(selection.failures.map(\.indicatorID) == ["", "churn"])
        #expect(selection.failures.last?.message == "needs cases.closed_at, which the workspace does not map")
    }

    @Test func onlyTheIndicatorsAskedForAreSelected() throws {
        let (loaded, dataset) = try Self.loaded()
        let selection = try RunnableIndicators(loaded, only: ["named"], dataset: dataset)
        #expect(selection.selected.map(\.id) == ["named"])
        #expect(selection.failures.map(\.file) == ["indicators/broken.lua"])
    }

    @Test func anUnknownIdIsAnErrorThatNamesTheKnownOnes() throws {
        let (loaded, dataset) = try Self.loaded()
        #expect(throws: EvaluationError("no indicator nope, zap (known: churn, named, won)")) {
            try RunnableIndicators(loaded, only: ["zap", "named", "nope"], dataset: dataset)
        }
    }
}
