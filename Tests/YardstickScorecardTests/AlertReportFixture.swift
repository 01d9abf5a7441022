import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// A score report with hand-picked alerts for the writer tests: October 2017 as of the 20th
/// (calendar days: 20 elapsed, 11 left), default alert settings with pace.
enum AlertReportFixture {
    /// The team "East" (or `name`) with its own revenue against its own target.
    static func team(_ name: String = "East", revenue: Double?, target: Double?) -> RollupSubject {
        let value = revenue
        return RollupSubject(
            subject: SubjectInfo(grain: .team, id: "T1", name: name, subject: .users([])),
            figures: [
                RollupFigure(
                    indicatorID: "revenue", value: value,
                    target: ResolvedTarget(value: target, tier: .stretch, rule: "quota revenue: own row"),
                    completion: value.flatMap { value in
                        target.map { Completion(value: value, target: $0, direction: .higherIsBetter) }
                    })
            ],
            memberIDs: ["u1", "u2"], totalStatistics: PeerStatistics(values: []), nodeStatistics: [])
    }

    /// The report: Ann (revenue 500 of 1000, pipeline 300), 王芳 (cycle 80 days against 60), the
    /// team East (3000 of 10000), alerts raised by the detector.
    static func report(locale: String = "en") throws -> ScoreReport {
        let settings = AlertSettings(pace: PaceSettings())
        let october = AlertFixture.october
        let asOf = AlertFixture.oct(20)
        let subjects = try AlertFixture.scored([
            .init(id: "u1", name: "Ann", revenue: 500, cycleTarget: nil, pipeline: 300),
            .init(id: "u2", name: "王芳", revenue: nil, revenueTarget: nil, cycleDays: 80),
        ])
        let window = Period.custom(firstDay: october.firstDay, lastDay: asOf)
        var scores = PeriodScores(
            period: october, window: window, previousWindow: window, lastYearWindow: window, subjects: subjects,
            rollups: [team(revenue: 3000, target: 10000)], alerts: [])
        scores.alerts = AlertDetector(settings: settings).alerts(
            in: scores, asOf: asOf, indicators: AlertFixture.indicators, model: AlertFixture.model)
        let definition = ScorecardDefinition(
            id: "alerts-test", title: "Alert test", titleZH: "提醒测试", version: "1.0", file: "model.lua",
            model: AlertFixture.model, rollups: [.team], alerts: settings)
        return ScoreReport(
            workspace: "Test", generatedAt: "2017-10-20T08:00:00Z", definition: definition, asOf: asOf,
            indicators: ["revenue", "cycle_days"].compactMap { AlertFixture.indicators[$0] }, periods: [scores],
            failures: [])
    }
}
