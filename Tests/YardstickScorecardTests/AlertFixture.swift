import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// Hand-built scored subjects for the alert tests: October 2017 (31 days, starting on a
/// Sunday; 22 weekdays, 21 working days with 2 October as a holiday), a model scoring
/// `revenue` (higher is better, target 1000 unless given) and `cycle_days` (lower is better,
/// target 60).
enum AlertFixture {
    /// October 2017.
    static let october = Period.month(year: 2017, month: 10)

    /// The day number of `day` October 2017 (0 is 30 September, 32 is 1 November).
    static func oct(_ day: Int) -> Int32 {
        october.firstDay + Int32(day - 1)
    }

    /// The model: revenue 70 (proportional), cycle days 30 (lower is better).
    static let model = ScoringModel(
        id: "alerts-test",
        children: [
            .indicator(ScorecardIndicator("revenue", weight: 70)),
            .indicator(ScorecardIndicator("cycle_days", weight: 30, direction: .lowerIsBetter)),
        ])

    /// The indicators' information, by id.
    static let indicators: [String: IndicatorInfo] = [
        "revenue": IndicatorInfo(
            id: "revenue", title: "Won revenue", titleZH: "赢单金额", unit: .money, sourceFile: "indicators/revenue.lua"),
        "cycle_days": IndicatorInfo(
            id: "cycle_days", title: "Sales cycle", titleZH: "销售周期", unit: .days, better: .lower,
            sourceFile: "indicators/cycle_days.lua"),
    ]

    /// One subject's figures.
    struct Figures {
        var id: String
        var name: String
        var revenue: Double?
        var revenueTarget: Double? = 1000
        var cycleDays: Double? = nil
        var cycleTarget: Double? = 60
        var pipeline: Double? = nil
    }

    /// The subjects scored as one peer group.
    static func scored(_ figures: [Figures]) throws -> [ScoredSubject] {
        let group = try model.score(
            figures.map { subject in
                SubjectFigures(
                    subjectID: subject.id,
                    inputs: [
                        "revenue": ScoringInput(value: subject.revenue, target: subject.revenueTarget),
                        "cycle_days": ScoringInput(value: subject.cycleDays, target: subject.cycleTarget),
                    ])
            })
        return figures.map { subject in
            var targets: [String: ResolvedTarget] = [:]
            if let target = subject.revenueTarget {
                targets["revenue"] = ResolvedTarget(value: target, rule: "constant \(target)")
            }
            if let target = subject.cycleTarget {
                targets["cycle_days"] = ResolvedTarget(value: target, rule: "constant \(target)")
            }
            return ScoredSubject(
                subject: SubjectInfo(grain: .user, id: subject.id, name: subject.name, subject: .company),
                peerGroup: "all", scorecard: group[subject.id]!, targets: targets,
                pipeline: subject.pipeline.map { ["revenue": $0] } ?? [:])
        }
    }

    /// The alerts of `figures` in October 2017 as of `day` October.
    static func alerts(
        _ figures: [Figures], asOf day: Int, settings: AlertSettings = AlertSettings(pace: PaceSettings())
    ) throws -> [Alert] {
        let asOf = oct(day)
        // The detector reads the as-of day; the window only says what the values cover.
        let window = Period.custom(
            firstDay: october.firstDay, lastDay: min(max(asOf, october.firstDay), october.lastDay))
        return AlertDetector(settings: settings).alerts(
            for: try scored(figures), period: october, window: window, asOf: asOf, indicators: indicators)
    }

    /// The alerts of one subject with revenue `value` (target 1000) and no cycle figure.
    static func revenueAlerts(
        _ value: Double, asOf day: Int, settings: AlertSettings = AlertSettings(pace: PaceSettings()),
        pipeline: Double? = nil
    ) throws -> [Alert] {
        try alerts(
            [Figures(id: "u1", name: "Ann", revenue: value, cycleTarget: nil, pipeline: pipeline)], asOf: day,
            settings: settings)
    }

    /// Whether two numbers agree up to floating rounding (1e-9).
    static func isClose(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= 1e-9
    }
}
