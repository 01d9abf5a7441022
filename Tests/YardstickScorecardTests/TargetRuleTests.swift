import Testing
import YardstickEngine

@testable import YardstickScorecard

/// A target function for tests: last year's value times a factor, nil without one.
struct ScaledLastYear: TargetFunction {
    var factor: Double
    var identifier: String { "test:last-year×\(TargetResolver.number(factor))" }
    var explanation: String { "last year's value × \(factor)" }
    func target(_ context: TargetContext) throws -> Double? { context.lastYear.map { $0 * factor } }
}

/// A target function for tests: half the subject's revenue quota.
struct HalfTheQuota: TargetFunction {
    var identifier: String { "test:half-quota" }
    var explanation: String { "half the revenue quota" }
    func target(_ context: TargetContext) throws -> Double? { context.quota("revenue", .target).map { $0 / 2 } }
}

/// A target function for tests that fails or returns a fixed number.
struct FixedOrFailing: TargetFunction {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "no data for the plan" }
    }
    var result: Double?
    var fails = false
    var identifier: String { "test:fixed" }
    var explanation: String { "a fixed number" }
    func target(_ context: TargetContext) throws -> Double? {
        if fails { throw Failure() }
        return result
    }
}

@Suite struct TargetRuleTests {
    private func target(_ settings: IndicatorSettings, _ user: String, values: TargetValues = TargetValues())
        throws -> ResolvedTarget
    {
        try TargetFixture.resolver([settings]).target(
            for: settings.id, subject: TargetFixture.user(user), period: TargetFixture.october, values: values)
    }

    @Test func aConstantIsTheSameForEverySubject() throws {
        let settings = IndicatorSettings("win_rate", target: .constant(0.3))
        for user in ["u1", "u4"] {
            let resolved = try target(settings, user)
            #expect(resolved.value == 0.3)
            #expect(resolved.rule == "constant 0.3")
            #expect(resolved.tier == nil)
        }
        #expect(try target(IndicatorSettings("calls", target: .constant(400)), "u1").rule == "constant 400")
    }

    @Test func anIndicatorWithoutATargetSaysTheModelGivesNone() throws {
        let resolved = try target(IndicatorSettings("big_deals"), "u1")
        #expect(resolved.value == nil)
        #expect(resolved.rule == "none")
        #expect(resolved.missingReason == "the model gives no target")
    }

    @Test func aTeamOverrideAppliesToTheTeamsUsers() throws {
        let settings = IndicatorSettings(
            "won", target: .quota(metric: "revenue", tier: .target),
            overrides: [
                TargetOverride(filter: SubjectFilter(["team": ["T1"]]), rule: .quota(metric: "revenue", tier: .stretch))
            ])
        let north = try target(settings, "u1")
        #expect(north.value == 120)
        #expect(north.tier == .stretch)
        #expect(north.rule == "override team = T1: quota revenue (stretch): 2017-10 quota")
        let south = try target(settings, "u3")
        #expect(south.value == 310)
        #expect(south.rule == "quota revenue: 2017 quota pro-rated by days: 31/365")
    }

    @Test func aRoleOverrideAppliesToTheRolesUsers() throws {
        let settings = IndicatorSettings(
            "won", target: .quota(metric: "revenue", tier: .target),
            overrides: [TargetOverride(filter: SubjectFilter(["role": ["manager"]]), rule: .constant(5000))])
        let manager = try target(settings, "u4")
        #expect(manager.value == 5000)
        #expect(manager.rule == "override role = manager: constant 5000")
        #expect(try target(settings, "u3").value == 310)
    }

    @Test func theFirstMatchingOverrideWins() throws {
        let settings = IndicatorSettings(
            "win_rate", target: .constant(0.3),
            overrides: [
                TargetOverride(filter: SubjectFilter(["team": ["T1"]]), rule: .constant(0.4)),
                TargetOverride(filter: SubjectFilter(["role": ["sales"]]), rule: .constant(0.5)),
            ])
        #expect(try target(settings, "u1").value == 0.4)
        #expect(try target(settings, "u3").value == 0.5)
        #expect(try target(settings, "u4").value == 0.3)
    }

    @Test func aFunctionTargetSeesTheSubjectsValues() throws {
        let settings = IndicatorSettings("won", target: .function(ScaledLastYear(factor: 1.5)))
        let resolved = try target(settings, "u1", values: TargetValues(value: 90, previous: 80, lastYear: 200))
        #expect(resolved.value == 300)
        #expect(resolved.rule == "test:last-year×1.5")
        let none = try target(settings, "u1", values: TargetValues(value: 90))
        #expect(none.value == nil)
        #expect(none.missingReason == "test:last-year×1.5 gave no target")
    }

    @Test func aFunctionTargetCanAskForTheSubjectsQuota() throws {
        let settings = IndicatorSettings("won", target: .function(HalfTheQuota()))
        // u2's quarterly 920 pro-rated to October is 310; half is 155.
        #expect(try target(settings, "u2").value == 155)
        // u4 has no quota, so the function has nothing to halve.
        #expect(try target(settings, "u4").missingReason == "test:half-quota gave no target")
        // A team's quota inside a function: T2 has no row, its sales member u3 has 920 for the quarter.
        let resolver = try TargetFixture.resolver([settings], filter: SubjectFilter(["role": ["sales"]]))
        let team = resolver.rollupTarget(
            for: "won", unit: TargetFixture.unit("T2", .team), period: TargetFixture.fourthQuarter, memberTargets: [:],
            values: TargetValues())
        #expect(team.value == 460)
    }

    @Test func aFailingOrNonFiniteFunctionLeavesTheTargetMissingWithTheReason() throws {
        let failing = try target(IndicatorSettings("won", target: .function(FixedOrFailing(fails: true))), "u1")
        #expect(failing.value == nil)
        #expect(failing.rule == "test:fixed")
        #expect(failing.missingReason == "test:fixed failed: no data for the plan")
        let infinite = try target(IndicatorSettings("won", target: .function(FixedOrFailing(result: .infinity))), "u1")
        #expect(infinite.value == nil)
        #expect(infinite.missingReason == "test:fixed gave inf, not a number")
    }
}
