import Testing
import YardstickData

@testable import YardstickEngine

/// The bin rules of ``PeerBins``, on values worked out by hand.
@Suite struct PeerBinsTests {
    static func quintiles(higher: Bool = true) -> PeerBins {
        PeerBins(base: "x", method: .quantiles(5), higherIsBetter: higher)
    }

    @Test func quantileBinCountsThePeersStrictlyWorseAndTiesShareABin() {
        // N = 5 values with one missing: 10 beats 0 → 1; each 20 beats 1 → 1 + 5·1/5 = 2;
        // 30 beats 3 → 4; 40 beats 4 → 5.
        let values: [ResultValue] = [
            .integer(10), .integer(20), .integer(20), .integer(30), .missing(reason: "no deals"), .integer(40),
        ]
        #expect(
            Self.quintiles().bins(of: values) == [
                .integer(1), .integer(2), .integer(2), .integer(4), .missing(reason: "x is missing: no deals"),
                .integer(5),
            ])
    }

    @Test func lowerIsBetterCountsThePeersStrictlyAbove() {
        // 10 is below 4 others → 1 + 5·4/5 = 5; each 20 is below 2 → 3; 30 below 1 → 2; 40 → 1.
        let values: [ResultValue] = [.integer(10), .integer(20), .integer(20), .integer(30), .integer(40)]
        #expect(
            Self.quintiles(higher: false).bins(of: values) == [
                .integer(5), .integer(3), .integer(3), .integer(2), .integer(1),
            ])
    }

    @Test func fewerPeersThanBinsLeaveTheTopBinsEmpty() {
        // n = 4, N = 3: 1 + ⌊4·0/3⌋ = 1, 1 + ⌊4/3⌋ = 2, 1 + ⌊8/3⌋ = 3.
        let bins = PeerBins(base: "x", method: .quantiles(4), higherIsBetter: true)
        #expect(bins.bins(of: [.integer(3), .integer(1), .integer(2)]) == [.integer(3), .integer(1), .integer(2)])
    }

    @Test func aValueHeldByEveryoneOrByOneSubjectGetsTheFirstBin() {
        #expect(
            Self.quintiles().bins(of: [.integer(7), .integer(7), .integer(7)])
                == Array(repeating: .integer(1), count: 3))
        #expect(Self.quintiles().bins(of: [.number(0.5)]) == [.integer(1)])
    }

    @Test func aLargeTieAtTheBottomLeavesBinsAboveItEmpty() {
        // 6 of 10 customers never came back (0): none of them beats anyone → 1; the 1s beat 6
        // → 1 + ⌊5·6/10⌋ = 4; the 2 beats 9 → 5. Bins 2 and 3 stay empty.
        let values = (Array(repeating: 0, count: 6) + [1, 1, 1, 2]).map { ResultValue.integer(Int64($0)) }
        let expected = (Array(repeating: 1, count: 6) + [4, 4, 4, 5]).map { ResultValue.integer(Int64($0)) }
        #expect(Self.quintiles().bins(of: values) == expected)
    }

    @Test func failedAndNonFiniteBaseValuesGetAMissingBinWithTheReasonAndAreNoPeers() {
        let values: [ResultValue] = [
            .failed(message: "indicators/x.lua:3: boom"), .number(.nan), .integer(1), .integer(2),
        ]
        #expect(
            Self.quintiles().bins(of: values) == [
                .missing(reason: "x failed: indicators/x.lua:3: boom"),
                .missing(reason: "x is not a finite number"), .integer(1), .integer(3),
            ])
        #expect(Self.quintiles().bins(of: [.missing(reason: "r")]) == [.missing(reason: "x is missing: r")])
    }

    @Test func decimalsIntegersAndNumbersCompareByValue() {
        // 1.50 (decimal) beats 1 (integer) and ties with 1.5 (number): 1 → 1, each 1.5 → 1 + ⌊5·1/3⌋ = 2.
        let values: [ResultValue] = [
            .decimal(ExactDecimal(scaled: 15 * ExactDecimal.unit / 10)), .integer(1), .number(1.5),
        ]
        #expect(Self.quintiles().bins(of: values) == [.integer(2), .integer(1), .integer(2)])
    }

    @Test func thresholdsPutAValueOnAThresholdInTheBinAboveIt() {
        let higher = PeerBins(base: "x", method: .thresholds([10, 20]), higherIsBetter: true)
        let values: [ResultValue] = [.integer(5), .integer(10), .number(15), .integer(20), .integer(25)]
        #expect(higher.bins(of: values) == [.integer(1), .integer(2), .integer(2), .integer(3), .integer(3)])
        let lower = PeerBins(base: "x", method: .thresholds([10, 20]), higherIsBetter: false)
        #expect(lower.bins(of: values) == [.integer(3), .integer(2), .integer(2), .integer(1), .integer(1)])
        #expect(higher.binCount == 3)
    }
}
