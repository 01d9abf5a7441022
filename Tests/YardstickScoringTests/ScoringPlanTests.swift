import Testing
import YardstickScoring

/// The plan the scorecard runner scores every peer group through: inputs given leaf by leaf
/// give exactly what ``ScoringModel/score(_:)`` gives from per-subject dictionaries.
@Suite struct ScoringPlanTests {
    @Test func leavesAreNumberedDepthFirstInDeclarationOrder() throws {
        let plan = try ScoringPlan(ScoringModelTests.model())
        #expect(plan.leafIndicatorIDs == ["revenue", "win_rate", "completeness"])
    }

    @Test func leafByLeafInputsScoreAsTheModelDoes() throws {
        let model = ScoringModelTests.model(winRatePolicy: .excludeAndReweight)
        // u1 as in ScoringModelTests: 88.6. u2: revenue 100 / 100 → 100; win_rate missing and
        // left out (results = revenue alone = 100); completeness 0.90 < 0.95 → 0;
        // total = 0.6 × 100 + 0.4 × 0 = 60.
        let figures = [
            ScoringModelTests.figures("u1"),
            ScoringModelTests.figures("u2", revenue: 100, winRate: nil, completeness: 0.90),
        ]
        let plan = try ScoringPlan(model)
        let inputs = plan.leafIndicatorIDs.map { id in figures.map { $0.inputs[id] } }
        #expect(inputs[1][1] == ScoringInput(value: nil, target: 0.30))
        let planned = plan.score(inputs: inputs, subjectIDs: ["u1", "u2"])
        let direct = try model.score(figures)
        #expect(isClose(planned["u1"]?.total, 88.6))
        #expect(isClose(planned["u2"]?.total, 60))
        #expect(planned.subjects.map(\.rank) == [1, 2])
        #expect(planned.subjects.map(\.grade) == ["B", "C"])
        #expect(planned.subjects.map(\.total) == direct.subjects.map(\.total))
        #expect(planned.subjects.map(\.rank) == direct.subjects.map(\.rank))
        #expect(
            planned.subjects.map { $0.indicators.map(\.contribution) }
                == direct.subjects.map { $0.indicators.map(\.contribution) })
        #expect(planned.subjects[1].indicators.map(\.appliedPolicy) == [nil, .excludeAndReweight, nil])
        #expect(planned.totalStatistics.count == 2)
    }

    @Test func aSubjectWithoutAnInputForALeafHasAMissingValue() throws {
        let plan = try ScoringPlan(ScoringModelTests.model())
        let full = ScoringModelTests.figures("u1")
        // u1 has no completeness input at all (count as zero): total = 48.6 + 0.4 × 0 = 48.6.
        let inputs: [[ScoringInput?]] = [[full.inputs["revenue"]], [full.inputs["win_rate"]], [nil]]
        let card = try #require(plan.score(inputs: inputs, subjectIDs: ["u1"])["u1"])
        #expect(isClose(card.total, 48.6))
        #expect(card.indicators.last?.outcome.missingReason == .missingValue)
        #expect(card.indicators.last?.appliedPolicy == .countAsZero)
    }

    @Test func anInvalidModelIsRejectedWhenThePlanIsMade() {
        let model = ScoringModel(
            id: "m",
            children: [
                .indicator(ScorecardIndicator("a", weight: 0)),
                .indicator(ScorecardIndicator("b", weight: 100)),
            ])
        #expect(throws: ScoringModelErrors.self) { try ScoringPlan(model) }
    }
}
