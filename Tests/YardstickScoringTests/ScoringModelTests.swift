import Testing
import YardstickScoring

/// The weighted tree: subtotals, contributions, missing-value policies, grades, ranks.
///
/// The model used throughout (weights in percent of the parent):
///
///     results 60 ── revenue 70  linear(zero 0.5, full 1)
///                └─ win_rate 30 proportional
///     crm use 40 ── completeness 100 pass/fail
@Suite struct ScoringModelTests {
    static func model(
        winRatePolicy: MissingValuePolicy = .countAsZero, completenessPolicy: MissingValuePolicy = .countAsZero,
        forcedDistribution: ForcedDistribution? = nil
    ) -> ScoringModel {
        ScoringModel(
            id: "sales", cap: 120,
            children: [
                .dimension(
                    ScorecardDimension(
                        "results", weight: 60,
                        children: [
                            .indicator(
                                ScorecardIndicator("revenue", weight: 70, function: .linear(zero: 0.5, full: 1))),
                            .indicator(ScorecardIndicator("win_rate", weight: 30, missingPolicy: winRatePolicy)),
                        ])),
                .dimension(
                    ScorecardDimension(
                        "crm use", weight: 40,
                        children: [
                            .indicator(
                                ScorecardIndicator(
                                    "completeness", weight: 100, function: .passFail, missingPolicy: completenessPolicy)
                            )
                        ])),
            ],
            grades: GradeScale([
                GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 75),
                GradeBand(grade: "C", minimum: 0),
            ]),
            forcedDistribution: forcedDistribution)
    }

    static func figures(
        _ id: String, revenue: Double? = 90, winRate: Double? = 0.25, completeness: Double? = 0.96
    ) -> SubjectFigures {
        SubjectFigures(
            subjectID: id,
            inputs: [
                "revenue": ScoringInput(value: revenue, target: 100),
                "win_rate": ScoringInput(value: winRate, target: 0.30),
                "completeness": ScoringInput(value: completeness, target: 0.95),
            ])
    }

    @Test func totalIsTheWeightedSumOfTheTree() throws {
        // revenue 90 / 100 = 0.9 → (0.9 − 0.5) / 0.5 × 100 = 80
        // win_rate 0.25 / 0.30 → 83.33…;  completeness 0.96 ≥ 0.95 → 100
        // results = 0.7 × 80 + 0.3 × 83.33… = 56 + 25 = 81
        // total = 0.6 × 81 + 0.4 × 100 = 48.6 + 40 = 88.6
        let group = try Self.model().score([Self.figures("u1")])
        let card = try #require(group["u1"])
        #expect(isClose(card.total, 88.6))
        #expect(card.status == .complete)
        #expect(card.grade == "B")
        #expect(card.rank == 1)
        let results = try #require(card.dimensions.first)
        #expect(isClose(results.score, 81))
        #expect(isClose(results.contribution, 48.6))
        // Contributions: revenue 80 × 0.6 × 0.7 = 33.6; win_rate 83.33… × 0.18 = 15; completeness 40.
        #expect(areClose(card.indicators.map(\.contribution), [33.6, 15, 40]))
        #expect(areClose(card.indicators.map(\.totalShare), [0.42, 0.18, 0.4]))
        #expect(isClose(card.indicators.compactMap(\.contribution).reduce(0, +), 88.6))
        let revenue = try #require(card.indicators.first)
        #expect(revenue.path == ["results", "revenue"])
        #expect(revenue.completion?.ratio == 0.9)
        #expect(revenue.function.explanation == "linear: 0 at 50 % of target, 100 at 100 %")
        #expect(revenue.cap == 120)
        #expect(revenue.appliedPolicy == nil)
    }

    @Test func missingCountedAsZeroKeepsItsWeight() throws {
        // win_rate → 0: results = 56 + 0 = 56; total = 0.6 × 56 + 40 = 73.6.
        let card = try #require(try Self.model().score([Self.figures("u1", winRate: nil)])["u1"])
        #expect(isClose(card.total, 73.6))
        #expect(card.status == .complete)
        #expect(card.grade == "C")
        let winRate = card.indicators[1]
        #expect(winRate.appliedPolicy == .countAsZero)
        #expect(winRate.countedScore == 0)
        #expect(winRate.outcome.missingReason == .missingValue)
        #expect(isClose(winRate.share, 0.3))
        #expect(card.missingIndicators.map(\.policy) == [.countAsZero])
    }

    @Test func missingExcludedHandsItsWeightToItsSiblings() throws {
        // win_rate left out: revenue's share of results 70 / 70 = 1 → results 80;
        // total = 0.6 × 80 + 40 = 88; revenue's total share 0.6.
        let card = try #require(
            try Self.model(winRatePolicy: .excludeAndReweight).score([Self.figures("u1", winRate: nil)])["u1"])
        #expect(isClose(card.total, 88))
        #expect(card.status == .complete)
        #expect(card.rank == 1)
        #expect(isClose(card.indicators[0].share, 1))
        #expect(isClose(card.indicators[0].totalShare, 0.6))
        #expect(card.indicators[1].share == 0)
        #expect(card.indicators[1].contribution == nil)
        #expect(card.indicators[1].appliedPolicy == .excludeAndReweight)
        #expect(card.indicators[0].declaredWeight == 70)
    }

    @Test func aDimensionWithEveryIndicatorExcludedIsExcludedFromItsParent() throws {
        // crm use left out entirely: results takes the whole total: 81.
        let card = try #require(
            try Self.model(completenessPolicy: .excludeAndReweight).score([Self.figures("u1", completeness: nil)])["u1"]
        )
        #expect(isClose(card.total, 81))
        let crm = try #require(card.dimensions.last)
        #expect(crm.score == nil)
        #expect(crm.appliedPolicy == .excludeAndReweight)
        #expect(crm.share == 0)
        #expect(isClose(card.dimensions[0].totalShare, 1))
        #expect(isClose(card.indicators[0].totalShare, 0.7))
    }

    @Test func missingMarkedIncompleteWithholdsGradeAndRank() throws {
        // u1: win_rate missing → total 73.6 (no re-weighting), incomplete; u2 complete at 88.6.
        let group = try Self.model(winRatePolicy: .markIncomplete).score([
            Self.figures("u1", winRate: nil), Self.figures("u2"),
        ])
        let incomplete = try #require(group["u1"])
        #expect(isClose(incomplete.total, 73.6))
        #expect(incomplete.status == .incomplete)
        #expect(incomplete.grade == nil)
        #expect(incomplete.rank == nil)
        #expect(incomplete.indicators[1].countedScore == nil)
        #expect(incomplete.indicators[1].appliedPolicy == .markIncomplete)
        #expect(group["u2"]?.rank == 1)
        #expect(group.totalStatistics.count == 1)
        #expect(incomplete.dimensions.map(\.isIncomplete) == [true, false])
        #expect(group["u2"]?.dimensions.contains { $0.isIncomplete } == false)
    }

    @Test func anIndicatorsOwnCapOverridesTheModels() throws {
        // Model cap 100; a's cap 120: 13 / 10 → 130 → 120; b keeps the model's 100.
        // total = 0.5 × 120 + 0.5 × 100 = 110.
        let model = ScoringModel(
            id: "m",
            children: [
                .indicator(ScorecardIndicator("a", weight: 50, cap: 120)),
                .indicator(ScorecardIndicator("b", weight: 50)),
            ])
        let figures = SubjectFigures(
            subjectID: "u1",
            inputs: ["a": ScoringInput(value: 13, target: 10), "b": ScoringInput(value: 13, target: 10)])
        let card = try #require(try model.score([figures])["u1"])
        #expect(areClose(card.indicators.map(\.countedScore), [120, 100]))
        #expect(card.indicators.map(\.cap) == [120, 100])
        #expect(isClose(card.total, 110))
    }

    @Test func everythingExcludedLeavesNoTotal() throws {
        let model = ScoringModel(
            id: "m", children: [.indicator(ScorecardIndicator("a", weight: 100, missingPolicy: .excludeAndReweight))])
        let card = try #require(try model.score([SubjectFigures(subjectID: "u1", inputs: [:])])["u1"])
        #expect(card.total == nil)
        #expect(card.status == .noScores)
        #expect(card.rank == nil)
    }

    @Test func nestedDimensionsMultiplyTheirShares() throws {
        // normalised weights: outer (1) → inner (3) → a (1) and b (1); plus c (1) at the top.
        // shares: outer 1/2, inner 3/3 = 1, a 1/2, b 1/2, c 1/2 → a and b 0.25 of the total each.
        // a = 80, b = 40, c = 100: inner = 60, outer = 60, total = 0.5 × 60 + 0.5 × 100 = 80.
        let model = ScoringModel(
            id: "m", weightRule: .normalised,
            children: [
                .dimension(
                    ScorecardDimension(
                        "outer", weight: 1,
                        children: [
                            .dimension(
                                ScorecardDimension(
                                    "inner", weight: 3,
                                    children: [
                                        .indicator(ScorecardIndicator("a", weight: 1)),
                                        .indicator(ScorecardIndicator("b", weight: 1)),
                                    ]))
                        ])),
                .indicator(ScorecardIndicator("c", weight: 1)),
            ])
        let figures = SubjectFigures(
            subjectID: "u1",
            inputs: [
                "a": ScoringInput(value: 8, target: 10), "b": ScoringInput(value: 4, target: 10),
                "c": ScoringInput(value: 10, target: 10),
            ])
        let card = try #require(try model.score([figures])["u1"])
        #expect(isClose(card.total, 80))
        #expect(areClose(card.indicators.map(\.totalShare), [0.25, 0.25, 0.5]))
        #expect(card.dimensions.map(\.path) == [["outer"], ["outer", "inner"]])
        #expect(isClose(card.dimensions[1].score, 60))
        #expect(isClose(card.dimensions[1].contribution, 30))
        guard case .indicator(let b) = card.node(at: ["outer", "inner", "b"]) else {
            Issue.record("no node at outer › inner › b")
            return
        }
        #expect(isClose(b.contribution, 10))
    }

    @Test func peerFunctionsInTheTreeSeeEveryone() throws {
        // rank of 10, 30, 20 among three: 0, 100, 50.
        let model = ScoringModel(
            id: "m", children: [.indicator(ScorecardIndicator("calls", weight: 100, function: .rank))])
        let group = try model.score(
            [10.0, 30, 20].enumerated().map { index, value in
                SubjectFigures(subjectID: "u\(index)", inputs: ["calls": ScoringInput(value: value)])
            })
        #expect(areClose(group.subjects.map(\.total), [0, 100, 50]))
        #expect(group.subjects.map(\.rank) == [3, 1, 2])
        #expect(group.subjects[0].indicators[0].outcome.peerRank == 3)
    }

    @Test func ranksGradesAndForcedDistributionFollowTheTotals() throws {
        // Totals: u1 88.6 (as above); u2 revenue 100 → 100, total 0.6 × (70 + 25) + 40 = 97;
        // u3 same as u1 (tie); u4 revenue 50 → 0: 0.6 × 25 + 40 = 55; u5 completeness fails: 48.6.
        // Ranks 2 1 2 4 5. Forced 20/70/10 over 5: ends 1, 5 (4.5 rounds up), 5 → A, B, B, B, B.
        let distribution = ForcedDistribution([
            GradeShare(grade: "A", percent: 20), GradeShare(grade: "B", percent: 70),
            GradeShare(grade: "C", percent: 10),
        ])
        let group = try Self.model(forcedDistribution: distribution).score([
            Self.figures("u1"), Self.figures("u2", revenue: 100), Self.figures("u3"), Self.figures("u4", revenue: 50),
            Self.figures("u5", completeness: 0.5),
        ])
        #expect(areClose(group.subjects.map(\.total), [88.6, 97, 88.6, 55, 48.6]))
        #expect(group.subjects.map(\.rank) == [2, 1, 2, 4, 5])
        #expect(group.subjects.map(\.grade) == ["B", "A", "B", "C", "C"])
        #expect(group.subjects.map(\.distributedGrade) == ["B", "A", "B", "B", "B"])
        // Statistics of the five totals: mean (88.6 + 97 + 88.6 + 55 + 48.6) / 5 = 75.56; median 88.6.
        #expect(isClose(group.totalStatistics.mean, 75.56))
        #expect(isClose(group.totalStatistics.median, 88.6))
        #expect(group.totalStatistics.maximum == 97)
    }

    @Test func nodeStatisticsDescribeEachDimensionAcrossTheGroup() throws {
        // results subtotals: u1 81, u2 95 (revenue 100), u3 56 (win_rate missing, counted as 0).
        // mean (81 + 95 + 56) / 3 = 77.33…; median 81; deviations 3.67, 17.67, −21.33 → population sd
        // sqrt((13.44… + 312.11… + 455.11…) / 3) = sqrt(260.22…) = 16.131…
        let group = try Self.model().score([
            Self.figures("u1"), Self.figures("u2", revenue: 100), Self.figures("u3", winRate: nil),
        ])
        let results = group.statistics(at: ["results"])
        #expect(results.count == 3)
        #expect(isClose(results.mean, 232.0 / 3))
        #expect(isClose(results.median, 81))
        let mean = 232.0 / 3
        let spread = ([81.0, 95, 56].map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        #expect(isClose(results.standardDeviation, spread))
        #expect(abs(spread - 16.131) < 0.001)
        // win_rate's counted scores: 83.33…, 83.33…, 0.
        #expect(isClose(group.statistics(at: ["results", "win_rate"]).minimum, 0))
        #expect(group.statistics(at: ["nowhere"]).count == 0)
    }

    @Test func lookupBySubjectAnswersTheFirstScorecardOfAnID() throws {
        // Two "u1": the first (88.6) is answered; both are scored and ranked.
        let group = try Self.model().score([Self.figures("u1"), Self.figures("u1", revenue: 100), Self.figures("u2")])
        #expect(isClose(group["u1"]?.total, 88.6))
        #expect(group["nobody"] == nil)
        #expect(group.subjects.map(\.rank) == [2, 1, 2])
    }

    @Test func anEmptyPeerGroupScoresToNothing() throws {
        let group = try Self.model().score([])
        #expect(group.subjects.isEmpty)
        #expect(group.totalStatistics.count == 0)
        #expect(group.modelID == "sales")
    }
}
