import Testing
import YardstickScoring

@Suite struct PeerRankingTests {
    @Test func competitionRankingGivesTiesTheBestRankAndSkipsAfterThem() {
        // 90, 90 share 1; 80 is third ("1 1 3"), 70 fourth.
        #expect(PeerRanking.competitionRanks(of: [70, 90, 80, 90], direction: .higherIsBetter) == [4, 1, 3, 1])
        // "1224": 100, then two 90s, then 80.
        #expect(PeerRanking.competitionRanks(of: [80, 90, 100, 90], direction: .higherIsBetter) == [4, 2, 1, 2])
    }

    @Test func lowerIsBetterRanksTheSmallestFirst() {
        #expect(PeerRanking.competitionRanks(of: [3, 1, 2, 1], direction: .lowerIsBetter) == [4, 1, 3, 1])
    }

    @Test func totalsDifferingOnlyByRoundingTie() {
        // 0.1 + 0.2 = 0.30000000000000004 ties with 0.3.
        #expect(PeerRanking.competitionRanks(of: [0.1 + 0.2, 0.3, 0.2], direction: .higherIsBetter) == [1, 1, 3])
        #expect(!PeerRanking.areTied(90, 90.0001))
    }

    @Test func emptyAndSingleGroups() {
        #expect(PeerRanking.competitionRanks(of: [], direction: .higherIsBetter) == [])
        #expect(PeerRanking.competitionRanks(of: [7], direction: .higherIsBetter) == [1])
    }
}
