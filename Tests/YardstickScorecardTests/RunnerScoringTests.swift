import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// Scoring a whole month: values, targets, totals, grades, ranks, peer groups and failures.
@Suite struct RunnerScoringTests {
    /// October 2017, as of 2017-11-15 (the month is over):
    /// u1 revenue 300/250 → 120 (capped at 120), lost 1 ≤ 1 → 100: 0.6 × 120 + 0.4 × 100 = 112.
    /// u2 the same: 112. u3 revenue 150/250 → 60, lost 2 against 1 (lower is better: 50 %) → 40:
    /// 36 + 16 = 52. Ranks 1, 1, 3; grades A, A, C. u4 (support) is filtered out.
    @Test func totalsRanksAndGradesOfAFullMonthAreTheHandComputedOnes() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        let october = try #require(report.periods.first)
        #expect(october.subjects.map(\.subject.id) == ["u1", "u2", "u3"])
        #expect(!october.isToDate)
        let u1 = try #require(october[subject: "u1"])
        #expect(u1.scorecard.total == 112)
        #expect(u1.scorecard.rank == 1)
        #expect(u1.scorecard.grade == "A")
        #expect(u1.peerGroup == "all")
        #expect(u1.targets["revenue"]?.value == 250)
        #expect(u1.scorecard.node(at: ["results", "revenue"])?.score == 120)
        let u2 = try #require(october[subject: "u2"])
        #expect(u2.scorecard.total == 112)
        #expect(u2.scorecard.rank == 1)
        let u3 = try #require(october[subject: "u3"])
        #expect(u3.scorecard.total == 52)
        #expect(u3.scorecard.rank == 3)
        #expect(u3.scorecard.grade == "C")
        #expect(u3.scorecard.node(at: ["quality", "lost_deals"])?.score == 40)
        #expect(report.failures.isEmpty)
        #expect(report.periods[0].alerts.isEmpty)
    }

    /// The tree leaves are declared higher-is-better by default; lost_deals's own `better` is
    /// lower, and the report's indicator information says so too.
    @Test func aLeafTakesTheIndicatorsDirectionUnlessTheModelGivesOne() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        #expect(report.indicators.map(\.id) == ["revenue", "lost_deals", "open_pipeline"])
        #expect(report.indicators[1].better == .lower)
        let lost = report.definition.model.indicatorPaths.first { $0.indicator.id == "lost_deals" }
        #expect(lost?.indicator.direction == .lowerIsBetter)

        // Declared higher in the model: u3's 2 lost deals now meet a target of 1 → 100:
        // 36 + 40 = 76.
        var settings = RunnerFixture.salesModel().indicators
        settings["lost_deals"]?.declaredDirection = .higherIsBetter
        let overridden = try RunnerFixture.score(RunnerFixture.salesModel(settings: settings))
        #expect(overridden.periods[0][subject: "u3"]?.scorecard.total == 76)
        #expect(overridden.indicators[1].better == .higher)
    }

    /// Ranked by revenue within roles: sales u1 300, u2 300, u3 150 → competition ranks 1, 1, 3,
    /// rank scores 100, 100, 0; support u4 alone → 100. Totals: u1, u2 60 + 40 = 100; u3 0 + 16
    /// = 16; u4 (lost 0 against 1: met) 60 + 40 = 100, ranked 1 in its own group.
    @Test func peerGroupsByRoleAreScoredAndRankedApart() throws {
        let report = try RunnerFixture.score(
            RunnerFixture.salesModel(peers: .role, filter: SubjectFilter(), revenueFunction: .rank))
        let october = report.periods[0]
        #expect(
            october.subjects.map(\.peerGroup) == ["role = sales", "role = sales", "role = sales", "role = support"])
        #expect(october.subjects.map(\.scorecard.total) == [100, 100, 16, 100])
        #expect(october.subjects.map(\.scorecard.rank) == [1, 1, 3, 1])
    }

    @Test func peerGroupsByTeamAreLabelledWithTheTeam() throws {
        let report = try RunnerFixture.score(
            RunnerFixture.salesModel(peers: .team, filter: SubjectFilter(), revenueFunction: .rank))
        let october = report.periods[0]
        #expect(october.subjects.map(\.peerGroup) == ["team = T1", "team = T1", "team = T2", "team = T2"])
        // T2: u3 150 beats u4 50 → u3 rank 1; u4 scores 0 on revenue: 0 + 40 = 40.
        #expect(october[subject: "u3"]?.scorecard.rank == 1)
        #expect(october[subject: "u4"]?.scorecard.total == 40)
    }

    @Test func theFilterMatchesATeamByIdOrByName() throws {
        let byName = try RunnerFixture.score(RunnerFixture.salesModel(filter: SubjectFilter(["team": ["South"]])))
        #expect(byName.periods[0].subjects.map(\.subject.id) == ["u3", "u4"])
        let byID = try RunnerFixture.score(RunnerFixture.salesModel(filter: SubjectFilter(["team": ["T1"]])))
        #expect(byID.periods[0].subjects.map(\.subject.id) == ["u1", "u2"])
    }

    /// u1's open deal o10 (500) is the pipeline beside its won revenue.
    @Test func aKpisPipelineIndicatorGivesTheOpenValue() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        #expect(report.periods[0][subject: "u1"]?.pipeline["revenue"] == 500)
        #expect(report.periods[0][subject: "u2"]?.pipeline["revenue"] == 0)
        #expect(report.periods[0][subject: "u1"]?.pipeline["lost_deals"] == nil)
    }

    /// `broken` fails for Bo: the failures are in the report with their file, Bo's value is
    /// missing with the error, and under the default policy (count as zero) the leaf scores 0:
    /// Bo 72 + 0.4 × (0.5 × 100 + 0.5 × 0) = 92; Ann 72 + 0.4 × (50 + 50) = 112.
    @Test func aFailingIndicatorIsAMissingValueWithItsErrorAndAReportedFailure() throws {
        let extra = ScorecardIndicator("broken", weight: 50, function: .passFail)
        var settings = RunnerFixture.salesModel().indicators
        settings["broken"] = IndicatorSettings("broken", target: .constant(1))
        let report = try RunnerFixture.score(RunnerFixture.salesModel(settings: settings, extraLeaf: extra))
        let bo = try #require(report.periods[0][subject: "u2"])
        #expect(bo.missingValueReasons["broken"]?.contains("no data for Bo") == true)
        #expect(bo.scorecard.total == 92)
        #expect(report.periods[0][subject: "u1"]?.scorecard.total == 112)
        // It failed in the month and in both comparison windows, each reported as the run did.
        #expect(report.failures.map(\.periodLabel) == ["2017-10", "2017-09", "2016-10"])
        #expect(report.failures.allSatisfy { $0.file == "indicators/broken.lua" && $0.subjectID == "u2" })
    }

    @Test func aKpiNamingAnUnknownIndicatorIsAnErrorAtItsLine() throws {
        let extra = ScorecardIndicator(
            "no_such_indicator", weight: 50, location: ModelLocation(file: "scorecards/sales.lua", line: 12))
        #expect {
            try RunnerFixture.score(RunnerFixture.salesModel(extraLeaf: extra))
        } throws: { error in
            guard let error = error as? ScorecardError, let problem = error.problems.first else { return false }
            return error.problems.count == 1 && problem.file == "scorecards/sales.lua" && problem.line == 12
                && problem.message.contains("no_such_indicator") && problem.message.contains("revenue")
        }
    }

    @Test func anUnknownPipelineIndicatorIsAnErrorWhereTheKpiNamesIt() throws {
        var settings = RunnerFixture.salesModel().indicators
        settings["revenue"]?.pipelineIndicator = "no_pipeline"
        settings["revenue"]?.location = ModelLocation(file: "model.lua", line: 6)
        #expect {
            try RunnerFixture.score(RunnerFixture.salesModel(settings: settings))
        } throws: { error in
            guard let error = error as? ScorecardError, let problem = error.problems.first else { return false }
            return error.problems.count == 1 && problem.line == 6
                && problem.message.hasPrefix("pipeline indicator \"no_pipeline\": no indicator no_pipeline")
        }
    }

    @Test func anInvalidModelReportsEveryWeightProblemWithItsLine() throws {
        var definition = RunnerFixture.salesModel()
        guard case .dimension(var results) = definition.model.children[0] else { return }
        results.weight = 50
        definition.model.children[0] = .dimension(results)
        #expect {
            try RunnerFixture.score(definition)
        } throws: { error in
            guard let error = error as? ScorecardError else { return false }
            return error.problems.contains { $0.file == "model.lua" && $0.line == 1 && $0.message.contains("90") }
        }
    }
}

/// A target function that fails for one subject: its scorecard has no target there (the missing
/// policy applies), and the report lists the failure with the function's file and line, as it
/// lists a failing indicator.
@Suite struct RunnerTargetFailureTests {
    struct FailingForU3: TargetFunction {
        var identifier: String { "lua:model.lua:7" }
        var explanation: String { "250, except for u3" }
        func target(_ context: TargetContext) throws -> Double? {
            guard context.subject.id != "u3" else {
                throw ScorecardProblem(file: "model.lua", line: 7, message: "attempt to index a nil value")
            }
            return 250
        }
    }

    @Test func aFailingTargetFunctionIsReportedWithItsFileAndLine() throws {
        var settings = RunnerFixture.salesModel().indicators
        settings["revenue"]?.target = .function(FailingForU3())
        let report = try RunnerFixture.score(RunnerFixture.salesModel(settings: settings))
        let october = report.periods[0]
        #expect(october[subject: "u1"]?.targets["revenue"]?.value == 250)
        let u3 = try #require(october[subject: "u3"])
        #expect(u3.targets["revenue"]?.value == nil)
        #expect(u3.targets["revenue"]?.failure?.line == 7)
        #expect(report.failures.count == 1)
        let failure = try #require(report.failures.first)
        #expect(failure.indicatorID == "revenue")
        #expect(failure.subjectID == "u3")
        #expect(failure.periodLabel == october.period.label)
        #expect(failure.location == "model.lua:7")
        #expect(failure.message == "target: attempt to index a nil value")
    }
}
