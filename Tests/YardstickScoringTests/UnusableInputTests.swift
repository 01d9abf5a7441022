import Testing
import YardstickScoring

/// Values and targets that are not finite numbers (NaN, ±∞).
@Suite struct UnusableInputTests {
    @Test func nonFiniteValuesAreReportedAndLeftOutOfThePeerGroup() {
        // NaN and ∞ are left out: the peers are 10 and 20 → rank scores 0 and 100.
        let inputs = [Double.nan, 10, .infinity, 20].map { ScoringInput(value: $0) }
        let outcomes = ScoringFunction.rank.scores(for: inputs, direction: .higherIsBetter)
        #expect(areClose(outcomes.map(\.score), [nil, 0, nil, 100]))
        #expect(outcomes[0].missingReason == .notFinite)
        #expect(outcomes[2].missingReason == .notFinite)
        #expect(outcomes[1].peerCount == 2)
    }

    @Test func aNonFiniteTargetIsReported() {
        let outcome = ScoringFunction.proportional.score(value: 5, target: .nan, direction: .higherIsBetter)
        #expect(outcome.score == nil)
        #expect(outcome.missingReason == .notFinite)
        let batch = ScoringFunction.proportional.scores(
            for: [ScoringInput(value: 5, target: .infinity)], direction: .higherIsBetter)
        #expect(batch.map(\.missingReason) == [.notFinite])
    }
}
