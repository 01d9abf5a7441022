import Testing
import YardstickEngine

@testable import YardstickScorecard

/// Targets that are the same for every subject and period are resolved once per run
/// (`TargetResolver.fixedTarget(of:)`), and the runner takes them instead of resolving each
/// subject's: what it takes is exactly what resolving gives.
@Suite struct TargetFixedTests {
    @Test func aConstantWithoutOverridesIsFixedAndIsWhatResolvingGives() throws {
        let settings = IndicatorSettings("win_rate", target: .constant(0.3))
        let resolver = try TargetFixture.resolver([settings])
        let fixed = try #require(resolver.fixedTarget(of: "win_rate"))
        let resolved = resolver.target(
            for: "win_rate", subject: TargetFixture.user("u1"), period: TargetFixture.october, values: TargetValues())
        #expect(fixed.value == 0.3)
        #expect(fixed.rule == "constant 0.3")
        #expect(fixed.value == resolved.value)
        #expect(fixed.rule == resolved.rule)
    }

    @Test func noTargetIsFixedAndSaysTheModelGivesNone() throws {
        let resolver = try TargetFixture.resolver([IndicatorSettings("big_deals")])
        let fixed = try #require(resolver.fixedTarget(of: "big_deals"))
        #expect(fixed.value == nil)
        #expect(fixed.rule == "none")
        #expect(fixed.missingReason == "the model gives no target")
        #expect(try #require(resolver.fixedTarget(of: "not_in_the_model")).rule == "none")
    }

    @Test func quotasFunctionsAndOverriddenConstantsAreResolvedPerSubject() throws {
        let resolver = try TargetFixture.resolver([
            IndicatorSettings("revenue", target: .quota(metric: "revenue", tier: .target)),
            IndicatorSettings("calls", target: .function(FixedOrFailing(result: 7))),
            IndicatorSettings(
                "win_rate", target: .constant(0.3),
                overrides: [TargetOverride(filter: SubjectFilter(["team": ["T1"]]), rule: .constant(0.4))]),
        ])
        #expect(resolver.fixedTarget(of: "revenue") == nil)
        #expect(resolver.fixedTarget(of: "calls") == nil)
        #expect(resolver.fixedTarget(of: "win_rate") == nil)
    }

    /// The runner's sales model: revenue's and lost_deals's constants are fixed, so every
    /// subject's two targets are taken, 3 subjects × 2 in October.
    @Test func theRunnerTakesTheFixedTargets() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        #expect(report.statistics.fixedTargetsTaken == 3 * 2)
        #expect(report.periods[0][subject: "u1"]?.targets["revenue"]?.rule == "constant 250")
    }
}
