import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// Rollups: the unit's own values at its grain, and its members' score distribution.
@Suite struct RunnerRollupTests {
    static func report() throws -> ScoreReport {
        try RunnerFixture.score(RunnerFixture.salesModel(rollups: [.team, .department, .company]))
    }

    @Test func rollupsComeGrainByGrainWithTheirScoredMembers() throws {
        let october = try Self.report().periods[0]
        #expect(october.rollups.map(\.subject.id) == ["T1", "T2", "D1", "C"])
        #expect(october.rollups.map(\.subject.grain) == [.team, .team, .department, .company])
        #expect(october[rollup: "T1"]?.memberIDs == ["u1", "u2"])
        #expect(october[rollup: "T2"]?.memberIDs == ["u3"])
        #expect(october[rollup: "D1"]?.memberIDs == ["u1", "u2", "u3"])
        #expect(october[rollup: "C"]?.memberIDs == ["u1", "u2", "u3"])
    }

    /// T2's own revenue is the indicator evaluated for the team: u3's 150 and u4's 50 (u4 is
    /// not scored, support, but is in the team), not a formula over the scored members.
    @Test func aUnitsFiguresAreTheIndicatorEvaluatedAtItsGrain() throws {
        let october = try Self.report().periods[0]
        let revenue = { (id: String) in october[rollup: id]?.figures.first { $0.indicatorID == "revenue" }?.value }
        #expect(revenue("T1") == 600)
        #expect(revenue("T2") == 200)
        #expect(revenue("D1") == 800)
        #expect(revenue("C") == 800)
        #expect(october[rollup: "T2"]?.figures.map(\.indicatorID) == ["revenue", "lost_deals"])
        #expect(october[rollup: "T2"]?.figures[1].value == 2)
    }

    /// Totals 112, 112, 52: D1 mean 92, median 112, min 52, max 112, population spread
    /// sqrt((20² + 20² + 40²) / 3) = sqrt(800) ≈ 28.28. Revenue scores 120, 120, 60: mean 100.
    @Test func aUnitCarriesItsMembersScoreDistribution() throws {
        let october = try Self.report().periods[0]
        let department = try #require(october[rollup: "D1"])
        #expect(department.totalStatistics.count == 3)
        #expect(department.totalStatistics.mean == 92)
        #expect(department.totalStatistics.median == 112)
        #expect(department.totalStatistics.minimum == 52)
        #expect(department.totalStatistics.maximum == 112)
        #expect(abs((department.totalStatistics.standardDeviation ?? 0) - 800.0.squareRoot()) < 1e-9)
        #expect(
            department.nodeStatistics.map(\.path) == [
                ["results"], ["results", "revenue"], ["quality"], ["quality", "lost_deals"],
            ])
        #expect(department.nodeStatistics[1].statistics.mean == 100)
        #expect(department.nodeStatistics[3].statistics.minimum == 40)
        let team = try #require(october[rollup: "T1"])
        #expect(team.totalStatistics.mean == 112)
        #expect(team.totalStatistics.standardDeviation == 0)
    }

    @Test func aModelWithoutRollupsHasNone() throws {
        #expect(try RunnerFixture.score(RunnerFixture.salesModel()).periods[0].rollups.isEmpty)
    }

    /// A model of teams: T1 revenue 600/250 → 120 (capped), lost 2 against 1 → 40: 72 + 16 =
    /// 88; T2 revenue 200/250 → 80, lost 2 → 40: 48 + 16 = 64. The department's members are its
    /// teams, found through their parent.
    @Test func aModelOfTeamsRollsUpToItsDepartmentThroughTheTeamTree() throws {
        var definition = RunnerFixture.salesModel(filter: SubjectFilter(), rollups: [.department, .company])
        definition.per = .team
        let october = try RunnerFixture.score(definition).periods[0]
        #expect(october.subjects.map(\.subject.id) == ["T1", "T2"])
        #expect(october.subjects.map(\.scorecard.total) == [88, 64])
        #expect(october.rollups.map(\.subject.id) == ["D1", "C"])
        #expect(october[rollup: "D1"]?.memberIDs == ["T1", "T2"])
        #expect(october[rollup: "D1"]?.totalStatistics.mean == 76)
        #expect(october[rollup: "D1"]?.figures.first?.value == 800)
    }
}
