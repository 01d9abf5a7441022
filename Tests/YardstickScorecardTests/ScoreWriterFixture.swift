import YardstickData
import YardstickEngine
import YardstickQuery
import YardstickScorecard
import YardstickScoring

/// A hand-built score report for the writer tests: five sales people scored on a four-indicator
/// model whose shares are exact binary fractions, so every expected figure is exact.
///
/// Model `maven-sales` (cap 120, grades A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 0, forced 25/50/25):
///
/// ```
/// results 50:  won_revenue 75 (linear 0.5→1.0, quota 8000)  win_rate 25 (proportional, 0.25, reweight)
/// quality 50:  cycle_days 50 (lower, threshold 1.0 pass 100 fail 40, 60, incomplete)  big_deals 50 (rank)
/// ```
///
/// | id | won (c → score) | win_rate | cycle_days | big_deals (rank → score) | total |
/// |---|---|---|---|---|---|
/// | u1 王芳 | 12000 (1.5 → 120) | 0.25 (1 → 100) | 30 (2 → 100) | 5 (1 → 100) | 57.5 + 50 = 107.5, rank 1, A, A |
/// | u2 Li, "Leo" | 6000 (0.75 → 50) | missing, reweighted | 120 (0.5 → 40) | 3 (3 → 50) | 25 + 22.5 = 47.5, rank 4, D, C |
/// | u3 张伟 | 8000 (1 → 100) | 0.5 (2 → 120) | 60 (1 → 100) | 5 (1 → 100) | 52.5 + 50 = 102.5, rank 2, A, B |
/// | u4 Zoe | 4000 (0.5 → 0) | 0.125 (0.5 → 50) | failed → incomplete | 1 (5 → 0) | 6.25, incomplete |
/// | u5 陈静 | 10000 (1.25 → 120) | 0.25 (1 → 100) | 60 (1 → 100) | 2 (4 → 25) | 57.5 + 31.25 = 88.75, rank 3, B, B |
///
/// Teams: 东区销售 (u1, u3) and West (u2, u4, u5).
enum ScoreWriterFixture {
    static let quarter = Period.quarter(year: 2017, quarter: 4)
    static let quotaRule = "quota revenue: 3 monthly quotas summed (2017-10, 2017-11, 2017-12)"

    static let model = ScoringModel(
        id: "maven-sales", cap: 120,
        children: [
            .dimension(
                ScorecardDimension(
                    "results", weight: 50,
                    children: [
                        .indicator(
                            ScorecardIndicator("won_revenue", weight: 75, function: .linear(zero: 0.5, full: 1))),
                        .indicator(ScorecardIndicator("win_rate", weight: 25, missingPolicy: .excludeAndReweight)),
                    ])),
            .dimension(
                ScorecardDimension(
                    "quality", weight: 50,
                    children: [
                        .indicator(
                            ScorecardIndicator(
                                "cycle_days", weight: 50, direction: .lowerIsBetter,
                                function: .threshold(at: 1, pass: 100, fail: 40), missingPolicy: .markIncomplete)),
                        .indicator(ScorecardIndicator("big_deals", weight: 50, function: .rank)),
                    ])),
        ],
        grades: GradeScale([
            GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 75), GradeBand(grade: "C", minimum: 60),
            GradeBand(grade: "D", minimum: 0),
        ]),
        forcedDistribution: ForcedDistribution([
            GradeShare(grade: "A", percent: 25), GradeShare(grade: "B", percent: 50),
            GradeShare(grade: "C", percent: 25),
        ]))

    static let definition = ScorecardDefinition(
        id: "maven-sales", title: "Sales scorecard", titleZH: "销售考核", version: "1.0", file: "model.lua",
        filter: SubjectFilter(["role": ["sales"]]), model: model,
        indicators: [
            "won_revenue": IndicatorSettings(
                "won_revenue", target: .quota(metric: "revenue", tier: .target), pipelineIndicator: "open_pipeline"),
            "win_rate": IndicatorSettings("win_rate", target: .constant(0.25)),
            "cycle_days": IndicatorSettings("cycle_days", target: .constant(60)),
        ],
        rollups: [.team])

    static let indicators = [
        IndicatorInfo(
            id: "won_revenue", title: "Won revenue", titleZH: "赢单金额", unit: .money,
            sourceFile: "indicators/won_revenue.lua"),
        IndicatorInfo(
            id: "win_rate", title: "Win rate", titleZH: "赢单率", unit: .percent, sourceFile: "indicators/win_rate.lua"),
        IndicatorInfo(
            id: "cycle_days", title: "Sales cycle", titleZH: "销售周期", unit: .days, better: .lower,
            sourceFile: "indicators/cycle_days.lua"),
        IndicatorInfo(
            id: "big_deals", title: "Big deals", titleZH: "大单数", unit: .count, sourceFile: "indicators/big_deals.lua"),
    ]

    /// (id, name, team, won, win_rate, cycle_days, big_deals)
    static let people: [(String, String, String, Double?, Double?, Double?, Double?)] = [
        ("u1", "王芳", "east", 12000, 0.25, 30, 5),
        ("u2", "Li, \"Leo\"", "west", 6000, nil, 120, 3),
        ("u3", "张伟", "east", 8000, 0.5, 60, 5),
        ("u4", "Zoe", "west", 4000, 0.125, nil, 1),
        ("u5", "陈静", "west", 10000, 0.25, 60, 2),
    ]

    static func user(_ id: String, _ name: String, team: String, row: Int32) -> SubjectInfo {
        SubjectInfo(grain: .user, id: id, name: name, team: team, role: "sales", subject: .users([row]))
    }

    static let quotaTarget = ResolvedTarget(
        value: 8000, tier: .target, tiers: [.target: 8000, .stretch: 10000], rule: quotaRule,
        quotaRows: ["q-2017-10", "q-2017-11", "q-2017-12"])

    static func scoredSubjects(model: ScoringModel = model, peerGroup: String = "all") throws -> [ScoredSubject] {
        let figures = people.map { person in
            SubjectFigures(
                subjectID: person.0,
                inputs: [
                    "won_revenue": ScoringInput(value: person.3, target: 8000),
                    "win_rate": ScoringInput(value: person.4, target: 0.25),
                    "cycle_days": ScoringInput(value: person.5, target: 60),
                    "big_deals": ScoringInput(value: person.6),
                ])
        }
        let group = try model.score(figures)
        return people.enumerated().map { row, person in
            var reasons: [String: String] = [:]
            if person.4 == nil { reasons["win_rate"] = "no deals closed" }
            var subject = ScoredSubject(
                subject: user(person.0, person.1, team: person.2, row: Int32(row)), peerGroup: peerGroup,
                scorecard: group.subjects[row],
                targets: [
                    "won_revenue": quotaTarget,
                    "win_rate": ResolvedTarget(value: 0.25, rule: "constant 0.25"),
                    "cycle_days": ResolvedTarget(value: 60, rule: "constant 60"),
                ],
                missingValueReasons: reasons)
            if person.0 == "u1" {
                subject.comparisons["won_revenue"] = IndicatorComparison(value: 12000, previous: 10000, lastYear: 9000)
                subject.pipeline["won_revenue"] = 3500
            }
            return subject
        }
    }

    static func team(_ id: String, _ name: String, members: [ScoredSubject], rows: [Int32]) -> RollupSubject {
        let paths = [
            ["results", "won_revenue"], ["results", "win_rate"], ["results"], ["quality", "cycle_days"],
            ["quality", "big_deals"], ["quality"],
        ]
        let complete = members.filter { $0.scorecard.status == .complete }
        let east = id == "east"
        return RollupSubject(
            subject: SubjectInfo(grain: .team, id: id, name: name, subject: .users(rows)),
            figures: [
                RollupFigure(
                    indicatorID: "won_revenue", value: 20000,
                    target: ResolvedTarget(value: east ? 16000 : 25000, rule: "members' targets summed (2)"),
                    completion: Completion(value: 20000, target: east ? 16000 : 25000, direction: .higherIsBetter)),
                RollupFigure(
                    indicatorID: "win_rate", value: 0.375, target: ResolvedTarget(value: 0.25, rule: "constant 0.25"),
                    completion: Completion(value: 0.375, target: 0.25, direction: .higherIsBetter)),
                RollupFigure(
                    indicatorID: "cycle_days", value: east ? 48 : nil,
                    missingValueReason: east ? nil : "no deals closed",
                    target: ResolvedTarget(value: 60, rule: "constant 60"),
                    completion: east ? Completion(value: 48, target: 60, direction: .lowerIsBetter) : nil),
                RollupFigure(
                    indicatorID: "big_deals", value: east ? 10 : 6,
                    target: ResolvedTarget(value: nil, rule: "none", missingReason: "rank needs no target"),
                    completion: nil),
            ],
            memberIDs: members.map(\.subject.id),
            totalStatistics: PeerStatistics(values: complete.map(\.scorecard.total)),
            nodeStatistics: paths.map { path in
                (path, PeerStatistics(values: members.map { $0.scorecard.node(at: path)?.score }))
            })
    }

    static let cycleFailure = IndicatorFailure(
        indicatorID: "cycle_days", subjectID: "u4", periodLabel: "2017-Q4", grain: .user,
        message: "attempt to compare number with nil", file: "indicators/cycle_days.lua", line: 7)

    /// The report: 2017-Q4 scored on 2018-01-05 (the whole quarter), teams rolled up, two
    /// alerts, u4's failure.
    static func report(
        window: Period = quarter, asOf: Int32 = CivilDate.dayNumber(year: 2018, month: 1, day: 5),
        definition: ScorecardDefinition = definition
    ) throws -> ScoreReport {
        let subjects = try scoredSubjects(model: definition.model)
        let east = subjects.filter { $0.subject.team == "east" }
        let west = subjects.filter { $0.subject.team == "west" }
        let alerts = [
            Alert(
                kind: .milestone, subject: SubjectKey(.user, "u1"), subjectName: "王芳", indicatorID: "won_revenue",
                periodLabel: "2017-Q4", value: 12000, target: 8000, completion: 1.5, mark: 1.2, expectedCompletion: 1,
                remainingDays: 0, remaining: 0, neededPerDay: nil),
            Alert(
                kind: .behindPace, subject: SubjectKey(.user, "u4"), subjectName: "Zoe", indicatorID: "won_revenue",
                periodLabel: "2017-Q4", value: 4000, target: 8000, completion: 0.5, expectedCompletion: 0.75,
                remainingDays: 20, remaining: 4000, neededPerDay: 200),
        ]
        let period = PeriodScores(
            period: quarter, window: window, previousWindow: quarter.previous,
            lastYearWindow: quarter.samePeriodLastYear,
            subjects: subjects,
            rollups: [
                team("east", "东区销售", members: east, rows: [0, 2]),
                team("west", "West", members: west, rows: [1, 3, 4]),
            ],
            alerts: alerts)
        return ScoreReport(
            workspace: "maven", generatedAt: "2018-01-05T08:00:00Z", definition: definition, asOf: asOf,
            indicators: indicators, periods: [period], failures: [cycleFailure])
    }
}

extension ScoreWriterFixture {
    /// A one-period report over any model: each person's values (no targets: use peer or
    /// target-free functions, or constant targets given per indicator), scored per peer group
    /// as the runner does.
    static func report(
        model: ScoringModel, people: [(id: String, name: String, group: String, values: [String: Double])],
        targets: [String: Double] = [:], period: Period = quarter, window: Period? = nil,
        asOf: Int32 = CivilDate.dayNumber(year: 2018, month: 1, day: 5), alerts: [Alert] = []
    ) throws -> ScoreReport {
        var groups: [String] = []
        for person in people where !groups.contains(person.group) { groups.append(person.group) }
        var scored: [String: SubjectScorecard] = [:]
        for group in groups {
            let members = people.filter { $0.group == group }
            let figures = members.map { person in
                SubjectFigures(
                    subjectID: person.id,
                    inputs: person.values.reduce(into: [:]) { inputs, entry in
                        inputs[entry.key] = ScoringInput(value: entry.value, target: targets[entry.key])
                    })
            }
            for scorecard in try model.score(figures).subjects { scored[scorecard.subjectID] = scorecard }
        }
        let subjects = people.enumerated().compactMap { row, person -> ScoredSubject? in
            guard let scorecard = scored[person.id] else { return nil }
            return ScoredSubject(
                subject: user(person.id, person.name, team: "east", row: Int32(row)), peerGroup: person.group,
                scorecard: scorecard, targets: [:])
        }
        let definition = ScorecardDefinition(
            id: model.id, title: "Appraisal", titleZH: "考核", file: "scorecards/appraisal.lua", model: model)
        return ScoreReport(
            workspace: "demo", generatedAt: "2018-01-05T08:00:00Z", definition: definition, asOf: asOf,
            indicators: [],
            periods: [
                PeriodScores(
                    period: period, window: window ?? period, previousWindow: period.previous,
                    lastYearWindow: period.samePeriodLastYear, subjects: subjects, rollups: [], alerts: alerts)
            ],
            failures: [])
    }
}
