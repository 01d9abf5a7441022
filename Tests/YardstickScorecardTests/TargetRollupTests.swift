import Testing
import YardstickEngine

@testable import YardstickScorecard

@Suite struct TargetRollupTests {
    private static let sales = SubjectFilter(["role": ["sales"]])
    private static let scored = ["u1", "u2", "u3", "u5"]

    /// The resolver of a sales model (role = sales) with one indicator, and its subjects'
    /// targets in `period` as the runner passes them to rollups.
    private func model(
        _ settings: IndicatorSettings, period: Period = TargetFixture.fourthQuarter, quotas: String? = nil
    )
        throws -> (TargetResolver, [String: ResolvedTarget])
    {
        let dataset = try quotas.map { try TargetFixture.dataset(quotas: $0) } ?? TargetFixture.dataset()
        let resolver = try TargetFixture.resolver([settings], filter: Self.sales, dataset: dataset)
        var members: [String: ResolvedTarget] = [:]
        for id in Self.scored {
            members[id] = resolver.target(
                for: settings.id, subject: TargetFixture.user(id), period: period, values: TargetValues())
        }
        return (resolver, members)
    }

    private func rollup(
        _ resolver: TargetResolver, _ members: [String: ResolvedTarget], _ id: String, _ grain: Grain,
        indicator: String, period: Period = TargetFixture.fourthQuarter, values: TargetValues = TargetValues()
    ) -> ResolvedTarget {
        resolver.rollupTarget(
            for: indicator, unit: TargetFixture.unit(id, grain), period: period, memberTargets: members,
            values: values)
    }

    @Test func aTeamWithItsOwnQuotaIsTargetedByItNotByItsMembers() throws {
        let (resolver, members) = try model(IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target)))
        let team = rollup(resolver, members, "T1", .team, indicator: "won")
        // T1's own row r7 (1500), not u1 + u2 (330 + 920).
        #expect(team.value == 1500)
        #expect(team.rule == "team quota revenue: 2017-Q4 quota")
        #expect(team.quotaRows == ["r7"])
        #expect(team.tiers == [.target: 1500, .stretch: 1800])
    }

    @Test func aTeamWithoutAQuotaSumsItsScoredMembers() throws {
        let (resolver, members) = try model(IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target)))
        let team = rollup(resolver, members, "T2", .team, indicator: "won")
        // u3's annual 3650 × 92/365 = 920; u4 (a manager) is not scored by the model.
        #expect(team.value == 920)
        #expect(team.rule == "quota revenue: sum of 1 member (u3)")
        #expect(team.quotaRows == ["r5"])
    }

    @Test func aDepartmentAndTheCompanyNeverCountATeamQuotaTwice() throws {
        let (resolver, members) = try model(IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target)))
        let department = rollup(resolver, members, "D1", .department, indicator: "won")
        // T1's own 1500 + T2's members 920; u1 and u2 (1250) are not added again.
        #expect(department.value == 2420)
        #expect(department.rule == "quota revenue: sum of 2 sub-units (T1, T2)")
        #expect(department.quotaRows == ["r7", "r5"])
        let company = rollup(resolver, members, "C", .company, indicator: "won")
        // D1 2420 + T3 (u5: 730 × 92/365 = 184).
        #expect(company.value == 2604)
        #expect(company.rule == "quota revenue: sum of 2 sub-units (D1, T3)")
    }

    @Test func ownQuotasAtEveryGrainStopTheSumBelowThem() throws {
        let (resolver, members) = try model(IndicatorSettings("deals", target: .quota(metric: "deals", tier: .target)))
        #expect(rollup(resolver, members, "T1", .team, indicator: "deals").value == 30)
        let department = rollup(resolver, members, "D1", .department, indicator: "deals")
        #expect(department.value == 50)
        #expect(department.rule == "department quota deals: 2017-Q4 quota")
        // D1's own 50 + T3's member u5 (3 monthly 4s = 12); T1's own 30 is inside D1's 50.
        let company = rollup(resolver, members, "C", .company, indicator: "deals")
        #expect(company.value == 62)
        #expect(company.rule == "quota deals: sum of 2 sub-units (D1, T3)")
        #expect(company.quotaRows == ["d1", "d3", "d4", "d5"])
    }

    @Test func theCompanysOwnQuotaIsItsTarget() throws {
        let quotas = TargetFixture.quotas + "x1,,C,2017-10-01,2017-12-31,deals,70,,\n"
        let (resolver, members) = try model(
            IndicatorSettings("deals", target: .quota(metric: "deals", tier: .target)), quotas: quotas)
        let company = rollup(resolver, members, "C", .company, indicator: "deals")
        #expect(company.value == 70)
        #expect(company.rule == "company quota deals: 2017-Q4 quota")
        #expect(company.quotaRows == ["x1"])
    }

    @Test func aMemberWithoutATargetMakesTheSumMissingAndNamesThem() throws {
        let (resolver, members) = try model(IndicatorSettings("deals", target: .quota(metric: "deals", tier: .target)))
        let team = rollup(resolver, members, "T2", .team, indicator: "deals")
        #expect(team.value == nil)
        #expect(team.rule == "quota deals: sum of 1 member (u3)")
        #expect(
            team.missingReason
                == "the sum needs every child's target; none for u3 (no quota row of user u3 for deals overlaps 2017-Q4)"
        )
    }

    @Test func aMemberSumKeepsTheTiersEveryMemberHas() throws {
        let quotas = TargetFixture.quotas.replacingOccurrences(of: "r7,,T1", with: "r7,,T9")
        let (resolver, members) = try model(
            IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target)), quotas: quotas)
        let team = rollup(resolver, members, "T1", .team, indicator: "won")
        // u1 330 + u2 920; stretch 390 + 1840; challenge only in u1's October row.
        #expect(team.value == 1250)
        #expect(team.tiers == [.target: 1250, .stretch: 2230])
        #expect(team.rule == "quota revenue: sum of 2 members (u1, u2)")
    }

    @Test func aConstantHoldsAUnitToTheSameLevelByDefault() throws {
        let settings = IndicatorSettings(
            "win_rate", target: .constant(0.3),
            overrides: [TargetOverride(filter: SubjectFilter(["team": ["T2"]]), rule: .constant(0.35))])
        let (resolver, members) = try model(settings)
        let north = rollup(resolver, members, "T1", .team, indicator: "win_rate")
        #expect(north.value == 0.3)
        #expect(north.rule == "constant 0.3, the same for the team")
        let south = rollup(resolver, members, "T2", .team, indicator: "win_rate")
        #expect(south.value == 0.35)
        #expect(south.rule == "override team = T2: constant 0.35, the same for the team")
        let company = rollup(resolver, members, "C", .company, indicator: "win_rate")
        #expect(company.value == 0.3)
        #expect(company.rule == "constant 0.3, the same for the company")
    }

    @Test func aConstantSummedAtRollupIsTheMembersSum() throws {
        let settings = IndicatorSettings(
            "win_rate", target: .constant(0.3),
            overrides: [TargetOverride(filter: SubjectFilter(["team": ["T2"]]), rule: .constant(0.35))],
            constantRollup: .sum)
        let (resolver, members) = try model(settings)
        let north = rollup(resolver, members, "T1", .team, indicator: "win_rate")
        #expect(abs((north.value ?? 0) - 0.6) < 1e-12)
        #expect(north.rule == "constant 0.3 per subject: sum of 2 members (u1, u2)")
        #expect(north.tiers.isEmpty)
        // The override matches the unit T2 by its id; its member u3 carries 0.35 too.
        let south = rollup(resolver, members, "T2", .team, indicator: "win_rate")
        #expect(south.value == 0.35)
        #expect(south.rule == "override team = T2: constant 0.35 per subject: sum of 1 member (u3)")
        // 0.6 + 0.35 + T3's 0.3
        let company = rollup(resolver, members, "C", .company, indicator: "win_rate")
        #expect(abs((company.value ?? 0) - 1.25) < 1e-12)
    }

    @Test func aTeamOverrideChoosesTheTeamsOwnStretchAtRollup() throws {
        let settings = IndicatorSettings(
            "won", target: .quota(metric: "revenue", tier: .target),
            overrides: [
                TargetOverride(filter: SubjectFilter(["team": ["T1"]]), rule: .quota(metric: "revenue", tier: .stretch))
            ])
        let (resolver, members) = try model(settings)
        let team = rollup(resolver, members, "T1", .team, indicator: "won")
        #expect(team.value == 1800)
        #expect(team.tier == .stretch)
        #expect(team.rule == "override team = T1: team quota revenue (stretch): 2017-Q4 quota")
        // D1 = T1's stretch 1800 + T2's 920.
        #expect(rollup(resolver, members, "D1", .department, indicator: "won").value == 2720)
    }

    @Test func aFunctionTargetIsCalledWithTheUnitsOwnValues() throws {
        let (resolver, members) = try model(IndicatorSettings("won", target: .function(ScaledLastYear(factor: 1.5))))
        let team = rollup(
            resolver, members, "T1", .team, indicator: "won", values: TargetValues(value: 700, lastYear: 1000))
        #expect(team.value == 1500)
        #expect(team.rule == "test:last-year×1.5")
        let missing = rollup(resolver, members, "T2", .team, indicator: "won", values: TargetValues(value: 10))
        #expect(missing.value == nil)
        #expect(missing.missingReason == "test:last-year×1.5 gave no target")
    }

    @Test func aModelScoringTeamsTakesEachTeamsOwnQuotaElseItsMembersRows() throws {
        let settings = IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target))
        let resolver = try TargetFixture.resolver([settings], per: .team)
        let period = TargetFixture.fourthQuarter
        let north = resolver.target(
            for: "won", subject: TargetFixture.unit("T1", .team), period: period, values: TargetValues())
        #expect(north.value == 1500)
        #expect(north.rule == "team quota revenue: 2017-Q4 quota")
        // T2 has no row of its own; every user of it counts when the model scores teams, and u4 has none.
        let south = resolver.target(
            for: "won", subject: TargetFixture.unit("T2", .team), period: period, values: TargetValues())
        #expect(south.value == nil)
        #expect(south.missingReason?.hasPrefix("the sum needs every child's target; none for u4") == true)
        // The department of a team model sums the teams' targets as the runner resolved them.
        let department = resolver.rollupTarget(
            for: "won", unit: TargetFixture.unit("D1", .department), period: period,
            memberTargets: ["T1": north, "T2": ResolvedTarget(value: 900, rule: "quota revenue")],
            values: TargetValues())
        #expect(department.value == 2400)
        #expect(department.rule == "quota revenue: sum of 2 sub-units (T1, T2)")
    }

    @Test func aUnitWithNothingScoredBelowItHasNoTarget() throws {
        let (resolver, _) = try model(IndicatorSettings("won", target: .constant(1), constantRollup: .sum))
        let team = rollup(resolver, [:], "T3", .team, indicator: "won")
        #expect(team.value == nil)
        #expect(team.rule == "constant 1 per subject")
        #expect(team.missingReason == "a constant target applies per subject, and no subject of the model is below T3")
    }

    @Test func aUnitWithoutAQuotaOrScoredMembersSaysSo() throws {
        let (resolver, _) = try model(IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target)))
        let team = rollup(resolver, [:], "T2", .team, indicator: "won")
        #expect(team.value == nil)
        #expect(team.rule == "quota revenue")
        #expect(
            team.missingReason
                == "T2 has no quota row for revenue overlapping 2017-Q4, and no subject of the model is below it")
    }
}
