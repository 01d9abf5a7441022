import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// Hand-built reports for the evolution tests: three sales reps scored on revenue and win rate
/// (dimension `results`) and sales-cycle days (dimension `quality`, lower is better).
///
/// Hand-computed, per rep: results subtotal and quality subtotal (revenue linear 0.5→1.0 with
/// cap 120 and re-weighted when missing; win rate pass 100 / fail 40 at the target; cycle
/// proportional, lower is better, cap 100):
///
/// | rep | revenue | win rate | cycle | results | quality |
/// |---|---|---|---|---|---|
/// | u1 Ann | 900/1000 → 80 | 0.30/0.30 → 100 | 60/60 → 100 | 80×.7 + 100×.3 = 86 | 100 |
/// | u2 王芳 | 1200/1000 → 120 | 0.20/0.30 → 40 | 80/60 → 75 | 120×.7 + 40×.3 = 96 | 75 |
/// | u3 Cy | missing → left out | 0.30/0.30 → 100 | 40/60 → 100 | 100 | 100 |
enum EvolutionFixture {
    static let period = Period.month(year: 2017, month: 10)

    static let indicators = [
        IndicatorInfo(
            id: "won_revenue", title: "Won revenue", titleZH: "赢单金额", unit: .money,
            sourceFile: "indicators/won_revenue.lua"),
        IndicatorInfo(
            id: "win_rate", title: "Win rate", titleZH: "赢单率", unit: .percent, sourceFile: "indicators/win_rate.lua"),
        IndicatorInfo(
            id: "cycle_days", title: "Sales cycle", titleZH: "销售周期", unit: .days, better: .lower,
            sourceFile: "indicators/cycle_days.lua"),
    ]

    static let people = [
        SubjectInfo(grain: .user, id: "u1", name: "Ann", team: "T1", role: "sales", subject: .users([0])),
        SubjectInfo(grain: .user, id: "u2", name: "王芳", team: "T1", role: "sales", subject: .users([1])),
        SubjectInfo(grain: .user, id: "u3", name: "Cy", team: "T2", role: "sales", subject: .users([2])),
        SubjectInfo(grain: .user, id: "u4", name: "Dee", team: "T2", role: "sales", subject: .users([3])),
    ]

    static let values: [String: [String: Double?]] = [
        "u1": ["won_revenue": 900, "win_rate": 0.30, "cycle_days": 60],
        "u2": ["won_revenue": 1200, "win_rate": 0.20, "cycle_days": 80],
        "u3": ["won_revenue": nil, "win_rate": 0.30, "cycle_days": 40],
        "u4": ["won_revenue": 1000, "win_rate": 0.30, "cycle_days": 60],
    ]

    static let targets: [String: ResolvedTarget] = [
        "won_revenue": ResolvedTarget(
            value: 1000, tier: .target, tiers: [.target: 1000, .stretch: 1200],
            rule: "quota revenue: the 2017-10 quota", quotaRows: ["q7"]),
        "win_rate": ResolvedTarget(value: 0.30, rule: "constant 0.3"),
        "cycle_days": ResolvedTarget(value: 60, rule: "constant 60"),
    ]

    /// The model with `results` and `quality` weighted as given (they must sum to 100).
    static func definition(id: String, version: String, results: Double, quality: Double) -> ScorecardDefinition {
        let model = ScoringModel(
            id: id, location: ModelLocation(file: "scorecards/\(id).lua", line: 1),
            children: [
                .dimension(
                    ScorecardDimension(
                        "results", weight: results,
                        children: [
                            .indicator(
                                ScorecardIndicator(
                                    "won_revenue", weight: 70, function: .linear(zero: 0.5, full: 1), cap: 120,
                                    missingPolicy: .excludeAndReweight)),
                            .indicator(
                                ScorecardIndicator(
                                    "win_rate", weight: 30, function: .threshold(at: 1, pass: 100, fail: 40))),
                        ])),
                .dimension(
                    ScorecardDimension(
                        "quality", weight: quality,
                        children: [.indicator(ScorecardIndicator("cycle_days", weight: 100, direction: .lowerIsBetter))]
                    )),
            ],
            grades: GradeScale([
                GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 75),
                GradeBand(grade: "C", minimum: 60),
                GradeBand(grade: "D", minimum: 0),
            ]))
        return ScorecardDefinition(
            id: id, title: "Sales scorecard", titleZH: "销售考核", version: version, file: "scorecards/\(id).lua",
            filter: SubjectFilter(["role": ["sales"]]), model: model,
            indicators: [
                "won_revenue": IndicatorSettings("won_revenue", target: .quota(metric: "revenue", tier: .target)),
                "win_rate": IndicatorSettings("win_rate", target: .constant(0.3)),
                "cycle_days": IndicatorSettings("cycle_days", target: .constant(60)),
            ])
    }

    /// A report of `definition` over the reps with the given ids.
    static func report(_ definition: ScorecardDefinition, subjects ids: [String] = ["u1", "u2", "u3"]) throws
        -> ScoreReport
    {
        let people = ids.compactMap { id in Self.people.first { $0.id == id } }
        let figures = people.map { person in
            SubjectFigures(
                subjectID: person.id,
                inputs: Dictionary(
                    uniqueKeysWithValues: (values[person.id] ?? [:]).map { id, value in
                        (id, ScoringInput(value: value, target: targets[id]?.value))
                    }))
        }
        let group = try definition.model.score(figures)
        let subjects = zip(people, group.subjects).map { person, scorecard in
            ScoredSubject(
                subject: person, peerGroup: "all", scorecard: scorecard, targets: targets,
                missingValueReasons: person.id == "u3" ? ["won_revenue": "no deals closed"] : [:])
        }
        return ScoreReport(
            workspace: "Demo", generatedAt: "2017-11-01T08:00:00Z", definition: definition,
            asOf: period.lastDay + 1, indicators: indicators,
            periods: [
                PeriodScores(
                    period: period, window: period, previousWindow: period.previous,
                    lastYearWindow: period.samePeriodLastYear, subjects: subjects, rollups: [], alerts: [])
            ], failures: [])
    }
}
