import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

@testable import YardstickCLI

/// `score --per`: the model's own grain and coarser rollup grains, nothing else.
@Suite struct ScoreGrainsTests {
    static let model = ScorecardDefinition(
        id: "m", title: "M", file: "model.lua", per: .user,
        model: ScoringModel(id: "m", children: [.indicator(ScorecardIndicator("x", weight: 100))]),
        rollups: [.team])

    @Test func theModelsGrainAndRollupGrainsAreAcceptedOnceInTheOrderGiven() throws {
        #expect(try ScoreCommand.grains("company, user,team,user", model: Self.model) == [.company, .user, .team])
    }

    @Test(arguments: ["account", "campaign", "week"])
    func anyOtherGrainIsAUsageError(name: String) {
        #expect {
            try ScoreCommand.grains("user,\(name)", model: Self.model)
        } throws: { error in
            guard let failure = error as? CommandFailure else { return false }
            return failure.kind == .usage
                && failure.description
                    == "--per \(name): expected the model's grain or a rollup, one of user, team, department, company"
        }
    }
}
