import Testing
import YardstickEngine

@testable import YardstickScorecard

@Suite struct TargetCompanyTests {
    private func company(teams: String, users: String, quotas: String, id: String) throws -> ResolvedTarget {
        let dataset = try TargetFixture.dataset(quotas: quotas, teams: teams, users: users)
        let resolver = try TargetFixture.resolver(
            [IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target))], dataset: dataset)
        var members: [String: ResolvedTarget] = [:]
        for id in ["u1", "u2", "u3", "u5", "u6"] {
            members[id] = resolver.target(
                for: "won", subject: TargetFixture.user(id), period: TargetFixture.fourthQuarter, values: TargetValues()
            )
        }
        return resolver.rollupTarget(
            for: "won", unit: TargetFixture.unit(id, .company), period: TargetFixture.fourthQuarter,
            memberTargets: members, values: TargetValues())
    }

    @Test func usersOfNoTeamAreDirectMembersOfTheCompany() throws {
        let users = TargetFixture.users + "u6,Fay,,sales\n"
        let quotas = TargetFixture.quotas + "r8,u6,,2017-10-01,2017-12-31,revenue,100,,\n"
        let target = try company(teams: TargetFixture.teams, users: users, quotas: quotas, id: "C")
        // D1 2420 + T3 184 + u6 100
        #expect(target.value == 2704)
        #expect(target.rule == "quota revenue: sum of 2 sub-units (D1, T3) and 1 member (u6)")
    }

    @Test func withoutACompanyRowTheCompanyCoversTheUnitsWithoutAParent() throws {
        let teams = TargetFixture.teams.replacingOccurrences(of: "C,Company,,company\n", with: "")
            .replacingOccurrences(of: ",C,", with: ",,")
        let target = try company(
            teams: teams, users: TargetFixture.users, quotas: TargetFixture.quotas, id: "company")
        #expect(target.value == 2604)
        #expect(target.rule == "quota revenue: sum of 2 sub-units (D1, T3)")
    }
}
