import Testing
import YardstickScoring

@Suite struct CompletionTests {
    @Test func higherIsBetterIsValueOverTarget() {
        // 90 / 120 = 0.75
        let completion = Completion(value: 90, target: 120, direction: .higherIsBetter)
        #expect(completion.ratio == 0.75)
        #expect(completion.rule == .valueOverTarget)
        #expect(!completion.isMet)
    }

    @Test func lowerIsBetterIsTargetOverValue() {
        // Twice the target: 2 / 4 = 0.5; half the target: 2 / 1 = 2.0.
        let worse = Completion(value: 4, target: 2, direction: .lowerIsBetter)
        #expect(worse.ratio == 0.5)
        #expect(worse.rule == .targetOverValue)
        #expect(!worse.isMet)
        let better = Completion(value: 1, target: 2, direction: .lowerIsBetter)
        #expect(better.ratio == 2)
        #expect(better.isMet)
    }

    @Test(arguments: Direction.allCases) func zeroValueAgainstZeroTargetIsExactlyMet(direction: Direction) {
        let completion = Completion(value: 0, target: 0, direction: direction)
        #expect(completion.ratio == 1)
        #expect(completion.rule == .bothZero)
        #expect(completion.isMet)
    }

    @Test func positiveValueAgainstZeroTargetHasNoRatioButIsMetWhenHigherIsBetter() {
        let completion = Completion(value: 5, target: 0, direction: .higherIsBetter)
        #expect(completion.ratio == nil)
        #expect(completion.rule == .zeroDenominator)
        #expect(completion.isMet)
    }

    @Test func zeroValueAgainstPositiveTargetHasNoRatioButIsMetWhenLowerIsBetter() {
        let completion = Completion(value: 0, target: 3, direction: .lowerIsBetter)
        #expect(completion.ratio == nil)
        #expect(completion.rule == .zeroDenominator)
        #expect(completion.isMet)
    }

    @Test func positiveValueAgainstZeroTargetIsZeroWhenLowerIsBetter() {
        // 0 complaints allowed, 3 made: 0 / 3 = 0.
        let completion = Completion(value: 3, target: 0, direction: .lowerIsBetter)
        #expect(completion.ratio == 0)
        #expect(!completion.isMet)
    }

    @Test func zeroValueAgainstPositiveTargetIsZeroWhenHigherIsBetter() {
        let completion = Completion(value: 0, target: 50, direction: .higherIsBetter)
        #expect(completion.ratio == 0)
        #expect(completion.rule == .valueOverTarget)
    }

    @Test(arguments: [(-5.0, 10.0), (5.0, -10.0), (-1.0, -1.0)])
    func negativeValueOrTargetHasNoRatio(value: Double, target: Double) {
        let completion = Completion(value: value, target: target, direction: .higherIsBetter)
        #expect(completion.ratio == nil)
        #expect(completion.rule == .negativeOperand)
    }
}
