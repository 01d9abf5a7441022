import Testing
import YardstickScoring

/// Linear, step and threshold functions: one value against its target.
@Suite struct TargetFunctionTests {
    let linearFromHalf = ScoringFunction.linear(zero: 0.5, full: 1)

    @Test func linearIsZeroAtTheZeroPointAndHundredAtTheTarget() {
        // (0.8 − 0.5) / (1 − 0.5) × 100 = 60
        #expect(isClose(linearFromHalf.score(value: 80, target: 100, direction: .higherIsBetter).score, 60))
        #expect(isClose(linearFromHalf.score(value: 50, target: 100, direction: .higherIsBetter).score, 0))
        #expect(isClose(linearFromHalf.score(value: 100, target: 100, direction: .higherIsBetter).score, 100))
    }

    @Test func linearBelowTheZeroPointIsZeroNotNegative() {
        // (0.4 − 0.5) / 0.5 × 100 = −20, clamped to 0
        #expect(isClose(linearFromHalf.score(value: 40, target: 100, direction: .higherIsBetter).score, 0))
    }

    @Test func linearPastTheTargetStopsAtTheCap() {
        // 110 %: (1.1 − 0.5) / 0.5 × 100 = 120; 130 %: 160, capped.
        let at110 = linearFromHalf.score(value: 110, target: 100, direction: .higherIsBetter, cap: 120)
        #expect(abs((at110.score ?? 0) - 120) < 1e-9)
        #expect(isClose(linearFromHalf.score(value: 130, target: 100, direction: .higherIsBetter, cap: 120).score, 120))
        #expect(isClose(linearFromHalf.score(value: 130, target: 100, direction: .higherIsBetter).score, 100))
    }

    @Test func proportionalScoresCompletionTimesHundred() {
        // 0.25 / 0.30 = 0.8333… → 83.33…
        let outcome = ScoringFunction.proportional.score(value: 0.25, target: 0.30, direction: .higherIsBetter)
        #expect(abs((outcome.score ?? 0) - 250.0 / 3) < 1e-9)
        #expect(outcome.completion?.ratio.map { abs($0 - 0.25 / 0.30) < 1e-12 } == true)
    }

    @Test func linearAgainstAZeroTargetGivesTheCapWhenMetAndHundredWhenBothZero() {
        // Higher is better, target 0, value 5: met by an unbounded margin → the cap.
        let met = ScoringFunction.proportional.score(value: 5, target: 0, direction: .higherIsBetter, cap: 120)
        #expect(isClose(met.score, 120))
        #expect(met.completion?.rule == .zeroDenominator)
        // Value 0, target 0: completion 1 → 100.
        #expect(
            isClose(
                ScoringFunction.proportional.score(value: 0, target: 0, direction: .higherIsBetter, cap: 120).score, 100
            ))
    }

    @Test func linearLowerIsBetterPastTheZeroPointIsZero() {
        // Target 2 days, value 5 days: completion 2 / 5 = 0.4 < 0.5 → 0.
        #expect(isClose(linearFromHalf.score(value: 5, target: 2, direction: .lowerIsBetter).score, 0))
        // Value 3: 2 / 3 = 0.667 → (0.667 − 0.5) / 0.5 × 100 = 33.33…
        let three = linearFromHalf.score(value: 3, target: 2, direction: .lowerIsBetter)
        #expect(abs((three.score ?? 0) - 100.0 / 3) < 1e-9)
        // Value 1: 2 / 1 = 2.0 → 300, capped at 120.
        #expect(isClose(linearFromHalf.score(value: 1, target: 2, direction: .lowerIsBetter, cap: 120).score, 120))
        // Value 0: no ratio, met → the cap.
        #expect(isClose(linearFromHalf.score(value: 0, target: 2, direction: .lowerIsBetter).score, 100))
    }

    @Test func negativeOperandsLeaveAnUnmetTargetWithoutScore() {
        let outcome = ScoringFunction.proportional.score(value: -3, target: 10, direction: .higherIsBetter)
        #expect(outcome.score == nil)
        #expect(outcome.missingReason == .undefinedCompletion(.negativeOperand))
    }

    static let completionSteps = ScoringFunction.steps(
        [
            ScoreStep(threshold: 1.2, score: 120), ScoreStep(threshold: 0.5, score: 50),
            ScoreStep(threshold: 0.8, score: 80), ScoreStep(threshold: 1.0, score: 100),
        ], basis: .completion)

    @Test(arguments: [
        (49.0, 0.0), (50.0, 50.0), (79.0, 50.0), (80.0, 80.0), (100.0, 100.0), (119.0, 100.0), (125.0, 120.0),
    ])
    func stepsOnCompletionGiveTheHighestStepReached(value: Double, expected: Double) {
        let outcome = Self.completionSteps.score(value: value, target: 100, direction: .higherIsBetter, cap: 120)
        #expect(isClose(outcome.score, expected))
    }

    @Test func stepsAreCappedLikeAnyScore() {
        #expect(isClose(Self.completionSteps.score(value: 125, target: 100, direction: .higherIsBetter).score, 100))
    }

    @Test(arguments: [(0.5, 100.0), (1.0, 100.0), (2.0, 70.0), (3.0, 70.0), (5.0, 40.0), (6.0, 0.0)])
    func stepsOnLowerIsBetterValuesUseAtMost(value: Double, expected: Double) {
        // Complaints: at most 1 → 100, at most 3 → 70, at most 5 → 40, more → 0.
        let steps = ScoringFunction.steps(
            [
                ScoreStep(threshold: 1, score: 100), ScoreStep(threshold: 3, score: 70),
                ScoreStep(threshold: 5, score: 40),
            ],
            basis: .value)
        #expect(isClose(steps.score(value: value, target: 0, direction: .lowerIsBetter).score, expected))
    }

    @Test func stepsOnHigherIsBetterValuesUseAtLeast() {
        let steps = ScoringFunction.steps(
            [ScoreStep(threshold: 10, score: 60), ScoreStep(threshold: 20, score: 100)], basis: .value)
        #expect(isClose(steps.score(value: 9, target: 0, direction: .higherIsBetter).score, 0))
        #expect(isClose(steps.score(value: 15, target: 0, direction: .higherIsBetter).score, 60))
        #expect(isClose(steps.score(value: 20, target: 0, direction: .higherIsBetter).score, 100))
    }

    @Test func passFailFollowsWhetherTheTargetIsMetInEitherDirection() {
        #expect(isClose(ScoringFunction.passFail.score(value: 95, target: 95, direction: .higherIsBetter).score, 100))
        #expect(isClose(ScoringFunction.passFail.score(value: 94.9, target: 95, direction: .higherIsBetter).score, 0))
        #expect(isClose(ScoringFunction.passFail.score(value: 2, target: 3, direction: .lowerIsBetter).score, 100))
        #expect(isClose(ScoringFunction.passFail.score(value: 4, target: 3, direction: .lowerIsBetter).score, 0))
        // Zero target, higher is better: met.
        #expect(isClose(ScoringFunction.passFail.score(value: 1, target: 0, direction: .higherIsBetter).score, 100))
    }

    @Test func thresholdAtAShareOfTheTargetComparesCompletion() {
        let atEighty = ScoringFunction.threshold(at: 0.8, pass: 100, fail: 20)
        #expect(isClose(atEighty.score(value: 80, target: 100, direction: .higherIsBetter).score, 100))
        #expect(isClose(atEighty.score(value: 79, target: 100, direction: .higherIsBetter).score, 20))
    }

    @Test func targetFunctionsReportMissingValuesAndTargets() {
        let outcomes = ScoringFunction.proportional.scores(
            for: [ScoringInput(value: nil, target: 10), ScoringInput(value: 5, target: nil)], direction: .higherIsBetter
        )
        #expect(outcomes.map(\.missingReason) == [.missingValue, .missingTarget])
        #expect(outcomes.allSatisfy { $0.score == nil })
    }

    @Test func explanationNamesTheFunctionAndItsParameters() {
        #expect(linearFromHalf.explanation == "linear: 0 at 50 % of target, 100 at 100 %")
        #expect(
            Self.completionSteps.explanation == "steps on completion: 50 % → 50, 80 % → 80, 100 % → 100, 120 % → 120")
        #expect(ScoringFunction.passFail.explanation == "threshold: 100 from 100 % of target, else 0")
    }
}
