import Testing
import YardstickEngine

@testable import YardstickScorecard

@Suite struct TargetOwnRowsTests {
    @Test func aUnitsOwnRowsWithAGapMakeItMissingRatherThanFallingBackToItsMembers() throws {
        let quotas = TargetFixture.quotas + "g1,,T3,2017-10-01,2017-10-31,deals,5,,\n"
        let dataset = try TargetFixture.dataset(quotas: quotas)
        let resolver = try TargetFixture.resolver(
            [IndicatorSettings("deals", target: .quota(metric: "deals", tier: .target))], dataset: dataset)
        let period = TargetFixture.fourthQuarter
        let members = [
            "u5": resolver.target(
                for: "deals", subject: TargetFixture.user("u5"), period: period, values: TargetValues())
        ]
        #expect(members["u5"]?.value == 12)
        let team = resolver.rollupTarget(
            for: "deals", unit: TargetFixture.unit("T3", .team), period: period, memberTargets: members,
            values: TargetValues())
        #expect(team.value == nil)
        #expect(team.rule == "team quota deals")
        #expect(
            team.missingReason
                == "the quota rows of team T3 for deals leave 2017-11-01..2017-12-31 of 2017-Q4 uncovered")
        // October alone is covered by T3's own row.
        let october = resolver.rollupTarget(
            for: "deals", unit: TargetFixture.unit("T3", .team), period: TargetFixture.october, memberTargets: [:],
            values: TargetValues())
        #expect(october.value == 5)
        // The company's sum names T3 as the child without a target.
        let company = resolver.rollupTarget(
            for: "deals", unit: TargetFixture.unit("C", .company), period: period, memberTargets: members,
            values: TargetValues())
        #expect(company.value == nil)
        #expect(
            company.missingReason?.hasPrefix("the sum needs every child's target; none for T3 (the quota rows") == true)
    }
}

@Suite struct TargetMissingChildrenTests {
    @Test func nestedSumsNameTheChildrenWithoutATargetAndCountTheRest() throws {
        let quotas =
            TargetFixture.quotas.split(separator: "\n").filter { !$0.hasPrefix("d1,") && !$0.hasPrefix("d2,") }
            .joined(separator: "\n") + "\n"
        let users = TargetFixture.users + "u6,Flo,T1,sales\nu7,Gus,T1,sales\n"
        let dataset = try TargetFixture.dataset(quotas: quotas, users: users)
        let resolver = try TargetFixture.resolver(
            [IndicatorSettings("deals", target: .quota(metric: "deals", tier: .target))], dataset: dataset)
        let period = TargetFixture.fourthQuarter
        var members: [String: ResolvedTarget] = [:]
        for id in ["u1", "u2", "u3", "u6", "u7"] {
            let user = SubjectInfo(grain: .user, id: id, name: id, team: id == "u3" ? "T2" : "T1", subject: .users([]))
            members[id] = resolver.target(for: "deals", subject: user, period: period, values: TargetValues())
        }
        let none = { (id: String) in "\(id) (no quota row of user \(id) for deals overlaps 2017-Q4)" }
        let team = resolver.rollupTarget(
            for: "deals", unit: TargetFixture.unit("T1", .team), period: period, memberTargets: members,
            values: TargetValues())
        #expect(
            team.missingReason
                == "the sum needs every child's target; none for \(none("u1")); \(none("u2")); \(none("u6")); and 1 more"
        )
        let department = resolver.rollupTarget(
            for: "deals", unit: TargetFixture.unit("D1", .department), period: period, memberTargets: members,
            values: TargetValues())
        #expect(
            department.missingReason
                == "the sum needs every child's target; none for T1 (none for \(none("u1")); \(none("u2")); "
                + "\(none("u6")); and 1 more); T2 (none for \(none("u3")))")
    }
}
