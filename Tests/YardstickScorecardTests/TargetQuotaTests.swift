import Testing
import YardstickData
import YardstickEngine

@testable import YardstickScorecard

@Suite struct TargetQuotaTests {
    private func revenue(_ tier: QuotaTier = .target) throws -> TargetResolver {
        try TargetFixture.resolver([IndicatorSettings("won", target: .quota(metric: "revenue", tier: tier))])
    }

    private func target(
        _ resolver: TargetResolver, _ user: String, _ period: Period, indicator: String = "won"
    ) -> ResolvedTarget {
        resolver.target(for: indicator, subject: TargetFixture.user(user), period: period, values: TargetValues())
    }

    @Test func monthlyQuotasAreSummedToTheQuarter() throws {
        let resolved = target(try revenue(), "u1", TargetFixture.fourthQuarter)
        // 100 + 110 + 120
        #expect(resolved.value == 330)
        #expect(resolved.tier == .target)
        #expect(resolved.rule == "quota revenue: 3 monthly quotas summed (2017-10, 2017-11, 2017-12)")
        #expect(resolved.quotaRows == ["r1", "r2", "r3"])
        #expect(resolved.missingReason == nil)
    }

    @Test func aQuarterlyQuotaIsProRatedToAMonthByDays() throws {
        let resolved = target(try revenue(), "u2", TargetFixture.october)
        // 920 × 31 / 92 = 310
        #expect(resolved.value == 310)
        #expect(resolved.rule == "quota revenue: 2017-Q4 quota pro-rated by days: 31/92")
        #expect(resolved.quotaRows == ["r4"])
    }

    @Test func anAnnualQuotaIsProRatedToAMonthAndToAQuarter() throws {
        let resolver = try revenue()
        let october = target(resolver, "u3", TargetFixture.october)
        // 3650 × 31 / 365 = 310; 3650 × 92 / 365 = 920
        #expect(october.value == 310)
        #expect(october.rule == "quota revenue: 2017 quota pro-rated by days: 31/365")
        let quarter = target(resolver, "u3", TargetFixture.fourthQuarter)
        #expect(quarter.value == 920)
        #expect(quarter.rule == "quota revenue: 2017 quota pro-rated by days: 92/365")
    }

    @Test func aQuotaMatchingThePeriodIsTakenWhole() throws {
        let resolved = target(try revenue(), "u1", TargetFixture.october)
        #expect(resolved.value == 100)
        #expect(resolved.rule == "quota revenue: 2017-10 quota")
    }

    @Test func aMixtureStatesEachPart() throws {
        let period = Period.custom(
            firstDay: CivilDate.dayNumber(year: 2017, month: 10, day: 16),
            lastDay: CivilDate.dayNumber(year: 2017, month: 12, day: 31))
        let resolved = target(try revenue(), "u1", period)
        // 110 + 120 + 100 × 16 / 31
        let expected = 230 + 100 * 16 / 31.0
        #expect(abs((resolved.value ?? 0) - expected) < 1e-9)
        #expect(
            resolved.rule
                == "quota revenue: 2 monthly quotas summed (2017-11, 2017-12) + 2017-10 quota pro-rated by days: 16/31")
        #expect(resolved.quotaRows == ["r1", "r2", "r3"])
    }

    @Test func aGapInTheRowsLeavesTheTargetMissingWithTheUncoveredDays() throws {
        let resolver = try TargetFixture.resolver([
            IndicatorSettings("calls", target: .quota(metric: "calls", tier: .target))
        ])
        let resolved = target(resolver, "u1", TargetFixture.fourthQuarter, indicator: "calls")
        #expect(resolved.value == nil)
        #expect(resolved.quotaRows == ["c1", "c2"])
        #expect(
            resolved.missingReason
                == "the quota rows of user u1 for calls leave 2017-11-01..2017-11-30 of 2017-Q4 uncovered")
        // October alone is covered.
        #expect(target(resolver, "u1", TargetFixture.october, indicator: "calls").value == 100)
    }

    @Test func overlappingRowsLeaveTheTargetMissing() throws {
        let resolver = try TargetFixture.resolver([
            IndicatorSettings("calls", target: .quota(metric: "calls", tier: .target))
        ])
        let resolved = target(resolver, "u2", TargetFixture.october, indicator: "calls")
        #expect(resolved.value == nil)
        #expect(
            resolved.missingReason
                == "quota rows c3 (2017-10) and c4 (2017-10-15..2017-11-14) of user u2 for calls overlap, "
                + "so a day's quota is ambiguous")
    }

    @Test func everyTierIsResolvedAndTheScoredTierIsTheValue() throws {
        let resolved = target(try revenue(.stretch), "u1", TargetFixture.fourthQuarter)
        // stretch 120 + 130 + 140; challenge is only in October's row, so absent for the quarter.
        #expect(resolved.value == 390)
        #expect(resolved.tier == .stretch)
        #expect(resolved.tiers == [.target: 330, .stretch: 390])
        #expect(resolved.rule == "quota revenue (stretch): 3 monthly quotas summed (2017-10, 2017-11, 2017-12)")
        let october = target(try revenue(.challenge), "u1", TargetFixture.october)
        #expect(october.tiers == [.target: 100, .stretch: 120, .challenge: 150])
        #expect(october.value == 150)
        // The stretch of a pro-rated row is pro-rated too: 1840 × 31 / 92 = 620.
        #expect(target(try revenue(.stretch), "u2", TargetFixture.october).value == 620)
    }

    @Test func aTierNoRowGivesIsMissingWithTheOtherTiersKept() throws {
        let resolved = target(try revenue(.challenge), "u1", TargetFixture.fourthQuarter)
        #expect(resolved.value == nil)
        #expect(resolved.tiers == [.target: 330, .stretch: 390])
        #expect(resolved.missingReason == "quota rows r1, r2, r3 do not all give a challenge tier")
    }

    @Test func aSubjectWithoutRowsHasNoTarget() throws {
        let resolved = target(try revenue(), "u4", TargetFixture.october)
        #expect(resolved.value == nil)
        #expect(resolved.rule == "quota revenue")
        #expect(resolved.missingReason == "no quota row of user u4 for revenue overlaps 2017-10")
    }

    @Test func aUserRowWithATeamIsTheUsersAndAccountsHaveNoQuotas() throws {
        let quotas = TargetFixture.quotas + "t1,u4,T2,2017-10-01,2017-10-31,revenue,70,,\n"
        let resolver = try TargetFixture.resolver(
            [IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target))],
            dataset: TargetFixture.dataset(quotas: quotas))
        #expect(target(resolver, "u4", TargetFixture.october).value == 70)
        let account = SubjectInfo(grain: .account, id: "a1", name: "Acme", subject: .accounts([0]))
        let resolved = resolver.target(
            for: "won", subject: account, period: TargetFixture.october, values: TargetValues())
        #expect(resolved.value == nil)
        #expect(
            resolved.missingReason
                == "quotas belong to users and units (teams, departments, the company), not to accounts")
    }

    @Test func aWorkspaceWithoutQuotasSaysSo() throws {
        let resolver = try TargetFixture.resolver(
            [IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target))],
            dataset: TargetFixture.dataset(withQuotas: false))
        let resolved = target(resolver, "u1", TargetFixture.october)
        #expect(resolved.value == nil)
        #expect(resolved.missingReason == "the workspace maps no quotas entity")
        let empty = try TargetFixture.resolver(
            [IndicatorSettings("won", target: .quota(metric: "revenue", tier: .target))],
            dataset: TargetFixture.dataset(quotas: "id,user,team,period_start,period_end,metric,target\n"))
        #expect(target(empty, "u1", TargetFixture.october).missingReason == "the quotas table has no rows")
    }

    @Test(
        arguments: [
            ((2017, 10, 1), (2017, 10, 31), "2017-10", "monthly"),
            ((2017, 10, 1), (2017, 12, 31), "2017-Q4", "quarterly"),
            ((2016, 1, 1), (2016, 12, 31), "2016", "annual"),
            ((2017, 2, 1), (2017, 4, 30), "2017-02-01..2017-04-30", nil),
            ((2017, 10, 2), (2017, 10, 31), "2017-10-02..2017-10-31", nil),
            ((2017, 10, 5), (2017, 10, 5), "2017-10-05", nil),
        ] as [((Int, Int, Int), (Int, Int, Int), String, String?)])
    func rowPeriodsAreNamedByTheirNaturalForm(
        first: (Int, Int, Int), last: (Int, Int, Int), label: String, adjective: String?
    ) {
        let span = QuotaSpan(
            firstDay: CivilDate.dayNumber(year: first.0, month: first.1, day: first.2),
            lastDay: CivilDate.dayNumber(year: last.0, month: last.1, day: last.2))
        #expect(span.label == label)
        #expect(span.kind.adjective == adjective)
    }
}
