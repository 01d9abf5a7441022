import Testing
import YardstickScoring

/// Rank, percentile, relative-to-mean and relative-to-best: a whole peer group at once.
@Suite struct PeerFunctionTests {
    func inputs(_ values: [Double?]) -> [ScoringInput] {
        values.map { ScoringInput(value: $0) }
    }

    @Test func rankGivesTheBestHundredAndTheWorstZeroWithTiesSharing() {
        // Ranks 4, 1, 3, 1 of n = 4: 100 × (4 − rank) / 3 = 0, 100, 33.3…, 100.
        let outcomes = ScoringFunction.rank.scores(for: inputs([70, 90, 80, 90]), direction: .higherIsBetter)
        #expect(areClose(outcomes.map(\.score), [0, 100, 100.0 / 3, 100]))
        #expect(outcomes.map(\.peerRank) == [4, 1, 3, 1])
        #expect(outcomes.allSatisfy { $0.peerCount == 4 })
    }

    @Test func rankFollowsTheDirection() {
        // Lower is better: 2 is best (rank 1), 6 worst (rank 3): 100, 50, 0.
        let outcomes = ScoringFunction.rank.scores(for: inputs([2, 4, 6]), direction: .lowerIsBetter)
        #expect(areClose(outcomes.map(\.score), [100, 50, 0]))
    }

    @Test func percentileCountsWorsePeersAndHalfTheTiedOnes() {
        // n = 4; 10: (0 + 0) / 3 = 0; 20: (1 worse + ½ × 1 tied) / 3 = 50; 40: 3 / 3 = 100.
        let outcomes = ScoringFunction.percentile.scores(for: inputs([10, 20, 20, 40]), direction: .higherIsBetter)
        #expect(areClose(outcomes.map(\.score), [0, 50, 50, 100]))
    }

    @Test(arguments: [Direction.higherIsBetter, .lowerIsBetter])
    func percentileEqualsThePairwiseDefinitionWithManyTies(direction: Direction) {
        // 40 values from 0 to 6 (many ties); for each, count the other peers by hand.
        let values = (0..<40).map { Double(($0 * 5 + 3) % 7) }
        let outcomes = ScoringFunction.percentile.scores(for: inputs(values), direction: direction)
        let expected: [Double?] = values.map { value in
            let worse = values.filter { direction.isBetter(value, than: $0) }.count
            let tied = values.filter { $0 == value }.count - 1
            return 100 * (Double(worse) + 0.5 * Double(tied)) / Double(values.count - 1)
        }
        #expect(areClose(outcomes.map(\.score), expected))
    }

    @Test func allPeersEqualShareOneScore() {
        let equal = inputs([5, 5, 5])
        // Rank: all rank 1 → 100 × (3 − 1) / 2 = 100.
        #expect(
            areClose(ScoringFunction.rank.scores(for: equal, direction: .higherIsBetter).map(\.score), [100, 100, 100]))
        // Percentile: (0 + ½ × 2) / 2 = 50.
        #expect(
            areClose(
                ScoringFunction.percentile.scores(for: equal, direction: .higherIsBetter).map(\.score), [50, 50, 50]))
        // Relative: 5 / 5 = 1 → 100.
        for function in [ScoringFunction.relativeToMean, .relativeToBest] {
            #expect(areClose(function.scores(for: equal, direction: .higherIsBetter).map(\.score), [100, 100, 100]))
        }
    }

    @Test func aPeerGroupOfOneGetsFullMarks() {
        for function in [ScoringFunction.rank, .percentile, .relativeToMean, .relativeToBest] {
            let outcomes = function.scores(for: inputs([42]), direction: .lowerIsBetter)
            #expect(areClose(outcomes.map(\.score), [100]), "\(function.name)")
        }
    }

    @Test func anEmptyPeerGroupHasNoScores() {
        for function in [ScoringFunction.rank, .percentile, .relativeToMean, .relativeToBest] {
            #expect(function.scores(for: [], direction: .higherIsBetter).isEmpty)
        }
    }

    @Test func missingValuesTakeNoPartInThePeerGroup() {
        // Peers 10 and 20 only: n = 2, ranks 2 and 1 → 0 and 100.
        let outcomes = ScoringFunction.rank.scores(for: inputs([nil, 10, 20]), direction: .higherIsBetter)
        #expect(areClose(outcomes.map(\.score), [nil, 0, 100]))
        #expect(outcomes[0].missingReason == .missingValue)
        #expect(outcomes[1].peerCount == 2)
        // Mean of 10 and 20 is 15: 10 / 15 = 66.6…, 20 / 15 = 133.3… capped at 120.
        let relative = ScoringFunction.relativeToMean.scores(
            for: inputs([nil, 10, 20]), direction: .higherIsBetter, cap: 120)
        #expect(areClose(relative.map(\.score), [nil, 200.0 / 3, 120]))
        #expect(relative[1].reference == 15)
    }

    @Test func onlyMissingValuesLeaveEveryoneWithoutScore() {
        let outcomes = ScoringFunction.relativeToBest.scores(for: inputs([nil, nil]), direction: .higherIsBetter)
        #expect(outcomes.map(\.missingReason) == [.missingValue, .missingValue])
    }

    @Test func relativeToMeanScoresCompletionAgainstTheMean() {
        // Mean (60 + 90 + 150) / 3 = 100: 60, 90, 150 → capped at 120.
        let outcomes = ScoringFunction.relativeToMean.scores(
            for: inputs([60, 90, 150]), direction: .higherIsBetter, cap: 120)
        #expect(areClose(outcomes.map(\.score), [60, 90, 120]))
        // Lower is better, mean 3: 3 / 2 = 1.5 → 100 (cap 100); 3 / 4 = 0.75 → 75.
        let lower = ScoringFunction.relativeToMean.scores(for: inputs([2, 4]), direction: .lowerIsBetter)
        #expect(areClose(lower.map(\.score), [100, 75]))
    }

    @Test func relativeToBestScoresCompletionAgainstTheBest() {
        // Best 100: 50, 100, 80.
        let higher = ScoringFunction.relativeToBest.scores(for: inputs([50, 100, 80]), direction: .higherIsBetter)
        #expect(areClose(higher.map(\.score), [50, 100, 80]))
        #expect(higher[0].reference == 100)
        // Lower is better, best 2: 2 / 2 = 100, 2 / 4 = 50.
        let lower = ScoringFunction.relativeToBest.scores(for: inputs([2, 4]), direction: .lowerIsBetter)
        #expect(areClose(lower.map(\.score), [100, 50]))
    }

    @Test func relativeToBestWithABestOfZeroWhenLowerIsBetter() {
        // Best 0: the 0 is both-zero (100); 3 against 0 is 0 / 3 = 0.
        let outcomes = ScoringFunction.relativeToBest.scores(for: inputs([0, 3]), direction: .lowerIsBetter)
        #expect(areClose(outcomes.map(\.score), [100, 0]))
    }

    struct Doubling: CustomScoringFunction {
        var identifier: String { "doubling" }
        var explanation: String { "twice the value" }
        func scores(for inputs: [ScoringInput], direction: Direction, cap: Double) throws -> [Double?] {
            inputs.map { $0.value.map { $0 * 2 } }
        }
    }

    struct Failing: CustomScoringFunction {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "division by zero at line 3" }
        }
        var identifier: String { "failing" }
        var explanation: String { "always fails" }
        func scores(for inputs: [ScoringInput], direction: Direction, cap: Double) throws -> [Double?] {
            throw Broken()
        }
    }

    struct Short: CustomScoringFunction {
        var identifier: String { "short" }
        var explanation: String { "one score too few" }
        func scores(for inputs: [ScoringInput], direction: Direction, cap: Double) throws -> [Double?] {
            inputs.dropLast().map(\.value)
        }
    }

    @Test func customFunctionScoresAreClampedToTheCap() {
        // 30 → 60; 70 → 140, capped at 120; -5 → -10, clamped to 0; nil stays missing.
        let outcomes = ScoringFunction.custom(Doubling()).scores(
            for: inputs([30, 70, -5, nil]), direction: .higherIsBetter, cap: 120)
        #expect(areClose(outcomes.map(\.score), [60, 120, 0, nil]))
        #expect(outcomes[3].missingReason == .missingValue)
        #expect(ScoringFunction.custom(Doubling()).name == "custom:doubling")
    }

    @Test func aFailingCustomFunctionLeavesEveryScoreMissingWithItsError() {
        let outcomes = ScoringFunction.custom(Failing()).scores(for: inputs([1, 2]), direction: .higherIsBetter)
        #expect(
            outcomes.allSatisfy { $0.missingReason == .customFunction("failing failed: division by zero at line 3") })
    }

    @Test func aCustomFunctionReturningTheWrongCountIsAFailure() {
        let outcomes = ScoringFunction.custom(Short()).scores(for: inputs([1, 2]), direction: .higherIsBetter)
        #expect(outcomes.allSatisfy { $0.missingReason == .customFunction("short returned 1 scores for 2 subjects") })
    }
}
