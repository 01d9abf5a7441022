import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The runner scores every peer group of every period through its one `ScoringPlan` (the model
/// validated and laid out once): a runner that stopped using it fails here.
@Suite struct RunnerPlanTests {
    /// Peers by role, no filter: sales (u1, u2, u3) and support (u4) are two groups; over
    /// September and October that is 2 × 2 = 4 groups, each scored through the plan once.
    @Test func everyPeerGroupOfEveryPeriodIsScoredThroughThePlan() throws {
        let report = try RunnerFixture.score(
            RunnerFixture.salesModel(peers: .role, filter: SubjectFilter(), revenueFunction: .rank),
            periods: [.month(year: 2017, month: 9), RunnerFixture.october])
        #expect(Set(report.periods[1].subjects.map(\.peerGroup)) == ["role = sales", "role = support"])
        #expect(report.statistics.peerGroupsScoredThroughPlan == 4)
    }

    /// One group (every sales rep), one period: one scoring through the plan.
    @Test func aSinglePeerGroupIsScoredThroughThePlanOncePerPeriod() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        #expect(report.periods[0].subjects.count == 3)
        #expect(report.statistics.peerGroupsScoredThroughPlan == 1)
    }
}
