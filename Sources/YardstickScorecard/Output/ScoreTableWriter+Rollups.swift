import YardstickData
import YardstickEngine
import YardstickScoring

/// The rollup tables and the alert lines of the leaderboard.
extension ScoreTableWriter {
    /// The units of one grain: members and their totals' mean, median, min and max, then the
    /// unit's own completion per indicator (columns left out from the right to fit the width).
    static func rollupTable(
        _ units: [RollupSubject], grain: Grain, period: PeriodScores, facts: ScoreFacts, labels: ScoreLabels,
        locale: String, width: Int = defaultWidth
    ) -> String {
        let headers = [
            labels.subject(grain), labels.members, labels.mean, labels.median, labels.minimum, labels.maximum,
        ]
        let names = displayNames(units.map(\.subject))
        let fixedRows = zip(units, names).map { unit, name in
            let statistics = unit.totalStatistics
            return [
                name, String(unit.memberIDs.count), ScoreNumberText.score(statistics.mean),
                ScoreNumberText.score(statistics.median), ScoreNumberText.score(statistics.minimum),
                ScoreNumberText.score(statistics.maximum),
            ]
        }
        var indicatorIDs: [String] = []
        for leaf in facts.report.definition.model.indicatorPaths where !indicatorIDs.contains(leaf.indicator.id) {
            indicatorIDs.append(leaf.indicator.id)
        }
        let optional = indicatorIDs.map { id in
            let title = indicatorTitle(id, facts: facts, locale: locale)
            let cells = units.map { unit -> String in
                guard let figure = unit.figures.first(where: { $0.indicatorID == id }), figure.value != nil,
                    let completion = figure.completion
                else { return "—" }
                if let ratio = completion.ratio { return ScoreNumberText.percent(ratio) }
                return completion.isMet ? labels.met : "—"
            }
            return ScoreTableLayout.Column(
                name: title, header: DisplayWidth.truncated(title, to: headerWidth), cells: cells)
        }
        let layout = ScoreTableLayout(
            fixedHeaders: headers, fixedRows: fixedRows, rightAligned: [1, 2, 3, 4, 5], optional: optional,
            width: width)
        var lines = [labels.rollup(grain) + " · " + period.period.label, layout.text, labels.rollupNote]
        if !layout.dropped.isEmpty { lines.append(labels.droppedColumns(layout.dropped, width: width)) }
        return lines.joined(separator: "\n")
    }

    /// The alerts, at most ``alertLineLimit`` lines, then how many more there are.
    static func alertLines(_ alerts: [Alert], facts: ScoreFacts, labels: ScoreLabels, locale: String) -> String {
        var lines = [labels.alerts(alerts.count)]
        for alert in alerts.prefix(alertLineLimit) {
            let unit = facts.units[alert.indicatorID]
            let title = indicatorTitle(alert.indicatorID, facts: facts, locale: locale)
            lines.append(
                "  "
                    + labels.line(of: alert, title: title) {
                        ScoreNumberText.value($0, unit: unit, locale: locale)
                    })
        }
        if alerts.count > alertLineLimit { lines.append("  " + labels.moreAlerts(alerts.count - alertLineLimit)) }
        return lines.joined(separator: "\n")
    }
}
