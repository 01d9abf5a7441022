import YardstickData
import YardstickEngine
import YardstickScoring

/// The rollups and the alerts of the HTML report.
extension ScoreHTMLWriter {
    /// One table per rollup grain: members, their totals' mean, median, minimum and maximum,
    /// then per indicator the unit's own completion, its value against its target beneath.
    func rollupSections(_ period: PeriodScores, context: Context) -> String {
        guard !period.rollups.isEmpty else { return "" }
        let labels = context.labels
        var grains: [Grain] = []
        for unit in period.rollups where !grains.contains(unit.subject.grain) { grains.append(unit.subject.grain) }
        var indicatorIDs: [String] = []
        for leaf in context.report.definition.model.indicatorPaths where !indicatorIDs.contains(leaf.indicator.id) {
            indicatorIDs.append(leaf.indicator.id)
        }
        var html = "<section class=\"rollups\" id=\"\(HTMLText.identifier("rollups", period.period.label))\">\n"
        html += "<h3>\(labels.rollups)</h3>\n"
        for grain in grains {
            let units = period.rollups.filter { $0.subject.grain == grain }
            html += "<h4>" + HTMLText.escaped(labels.rollup(grain)) + "</h4>\n<div class=\"scroll\">\n"
            html += "<table class=\"rollup\" data-grain=\"\(HTMLText.escaped(grain.rawValue))\">\n<thead><tr>"
            html +=
                "<th>\(labels.unitName)</th><th class=\"num\">\(labels.members)</th><th class=\"num\">\(labels.mean)</th>"
            html += "<th class=\"num\">\(labels.median)</th><th class=\"num\">\(labels.minimum)</th>"
            html += "<th class=\"num\">\(labels.maximum)</th>"
            for id in indicatorIDs {
                html += "<th class=\"num\">" + HTMLText.escaped(indicatorTitle(id, context: context)) + "</th>"
            }
            html += "</tr></thead>\n<tbody>\n"
            for unit in units {
                let statistics = unit.totalStatistics
                html += "<tr data-subject=\"\(HTMLText.escaped(unit.subject.id))\"><td>"
                html += HTMLText.escaped(unit.subject.name.isEmpty ? unit.subject.id : unit.subject.name)
                html += "</td><td class=\"num members\">\(unit.memberIDs.count)</td>"
                for figure in [statistics.mean, statistics.median, statistics.minimum, statistics.maximum] {
                    html += "<td class=\"num\">" + ReadableNumber.score(figure) + "</td>"
                }
                for id in indicatorIDs {
                    html += rollupCell(
                        unit.figures.first { $0.indicatorID == id }, unit: unit, period: period, context: context)
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n</div>\n"
        }
        html += "<p class=\"note\">" + HTMLText.escaped(labels.rollupNote) + "</p>\n"
        return html + "</section>\n"
    }

    /// A unit's completion of one indicator, with its value and target beneath and the reason
    /// for anything missing as the cell's tooltip.
    private func rollupCell(_ figure: RollupFigure?, unit: RollupSubject, period: PeriodScores, context: Context)
        -> String
    {
        guard let figure else { return "<td class=\"num missing\">—</td>" }
        let (_, reason) = context.facts.status(of: figure, in: unit, period: period)
        let indicatorUnit = context.facts.units[figure.indicatorID] ?? .number
        let title = reason.map { " title=\"\(HTMLText.escaped($0))\"" } ?? ""
        var html = "<td class=\"num\"\(title)>"
        html += figure.value == nil ? "—" : completionText(figure.completion, labels: context.labels)
        html += "<br><span class=\"note\">" + HTMLText.escaped(ReadableNumber.text(figure.value, unit: indicatorUnit))
        if figure.target.value != nil {
            html += " / " + HTMLText.escaped(ReadableNumber.text(figure.target.value, unit: indicatorUnit))
        }
        return html + "</span></td>"
    }

    /// The alerts of a period, every one (a page has room), each with its kind.
    func alertSection(_ period: PeriodScores, context: Context) -> String {
        guard !period.alerts.isEmpty else { return "" }
        let lineLabels = ScoreLabels(locale: context.locale)
        var html = "<section class=\"alerts\" id=\"\(HTMLText.identifier("alerts", period.period.label))\">\n"
        html += "<h3>\(context.labels.alerts) (\(period.alerts.count))</h3>\n<ul class=\"alerts\">\n"
        for alert in period.alerts {
            let unit = context.facts.units[alert.indicatorID] ?? .number
            let line = lineLabels.line(of: alert, title: indicatorTitle(alert.indicatorID, context: context)) {
                ReadableNumber.text($0, unit: unit)
            }
            let kind = alert.kind.rawValue
            html += "<li class=\"alert\" data-subject=\"\(HTMLText.escaped(alert.subject.id))\">"
            html += "<span class=\"kind kind-\(HTMLText.identifier(kind))\">" + HTMLText.escaped(kind) + "</span>"
            html += HTMLText.escaped(line) + "</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
