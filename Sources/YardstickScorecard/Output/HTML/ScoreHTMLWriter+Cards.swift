import YardstickData
import YardstickEngine
import YardstickScoring

/// The subject cards of the HTML report: headline, charts, and the indicator table with each
/// score's explanation.
extension ScoreHTMLWriter {
    /// One subject's card.
    func card(_ scored: ScoredSubject, period: PeriodScores, peerMeans: [String: Double], context: Context)
        -> String
    {
        let labels = context.labels
        let subject = scored.subject
        let scorecard = scored.scorecard
        let model = context.report.definition.model
        let name = subject.name.isEmpty ? subject.id : subject.name
        var html = "<article class=\"card\" id=\"\(cardID(subject, period: period))\""
        html +=
            " data-subject=\"\(HTMLText.escaped(subject.id))\">\n<header><div><h3>" + HTMLText.escaped(name) + "</h3>"
        html += "<p class=\"meta\">"
        // Some exports use the name as the id: it is not repeated.
        if subject.id != name { html += "<span>" + HTMLText.escaped(subject.id) + "</span>" }
        if let team = subject.team { html += "<span>\(labels.team) " + HTMLText.escaped(team) + "</span>" }
        if let role = subject.role { html += "<span>\(labels.role) " + HTMLText.escaped(role) + "</span>" }
        if scored.peerGroup != PeerGrouping.all.rawValue {
            html += "<span>\(labels.peerGroupTitle) " + HTMLText.escaped(scored.peerGroup) + "</span>"
        }
        html += "</p></div>\n<div class=\"headline\"><div><span class=\"note\">\(labels.total)</span><br>"
        html += "<span class=\"big total\">" + ReadableNumber.score(scorecard.total) + "</span>"
        switch scorecard.status {
        case .complete: break
        case .incomplete: html += " <span class=\"note\">\(labels.incomplete)</span>"
        case .noScores: html += " <span class=\"note\">\(labels.noTotal)</span>"
        }
        html += "</div><div><span class=\"note\">\(labels.grade)</span><br><span class=\"grade\">"
        html += HTMLText.escaped(scorecard.grade ?? "—") + "</span>"
        if let forced = scorecard.distributedGrade {
            html += " <span class=\"note\">\(labels.forced) " + HTMLText.escaped(forced) + "</span>"
        }
        html += "</div>"
        if let rank = scorecard.rank {
            let count = period.subjects.filter { $0.peerGroup == scored.peerGroup }.count
            html += "<div><span class=\"note\">\(labels.rank)</span><br><span class=\"rank\">"
            html += labels.rank(rank, of: count) + "</span></div>"
        }
        html += "</div></header>\n<div class=\"card-body\">\n<div class=\"charts\">\n"
        let chart = DimensionChart(
            axes: model.children.map { node in
                DimensionChart.Axis(
                    label: nodeLabel(node, context: context), score: scorecard.node(at: [node.id])?.score,
                    peerMean: peerMeans[node.id])
            }, cap: model.cap)
        html += "<figure>" + chart.svg + "<figcaption>"
        html += HTMLText.escaped(
            labels.chartCaption(
                cap: ReadableNumber.grouped(model.cap, decimals: 1, trimmed: true), peers: !peerMeans.isEmpty))
        html += "</figcaption></figure>\n"
        let trend = TrendChart(
            points: trends.points(
                of: SubjectKey(subject.grain, subject.id), periodLabel: period.period.label, total: scorecard.total),
            cap: model.cap)
        if trend.isDrawn {
            html +=
                "<figure class=\"trend\">" + trend.svg + "<figcaption>" + labels.trendCaption
                + "</figcaption></figure>\n"
        }
        html += "</div>\n<div class=\"card-table scroll\">\n<table class=\"indicators\">\n<thead><tr>"
        html +=
            "<th>\(labels.indicator)</th><th class=\"num\">\(labels.value)</th><th class=\"num\">\(labels.target)</th>"
        html += "<th class=\"num\">\(labels.completion)</th><th class=\"num\">\(labels.score)</th>"
        html +=
            "<th class=\"num\">\(labels.weight)</th><th class=\"num\">\(labels.contribution)</th></tr></thead>\n<tbody>\n"
        html += rows(scorecard.nodes, depth: 0, scored: scored, period: period, context: context)
        html += "</tbody>\n</table>\n"
        if scorecard.status == .incomplete {
            html += "<p class=\"note\">" + HTMLText.escaped(labels.incompleteNote) + "</p>\n"
        }
        return html + "</div>\n</div>\n</article>\n"
    }

    /// The rows of a subtree, depth first: each dimension's subtotal row, then its children.
    func rows(_ nodes: [NodeScore], depth: Int, scored: ScoredSubject, period: PeriodScores, context: Context)
        -> String
    {
        var html = ""
        let indent = depth > 0 ? " style=\"padding-left:\(10 + 16 * depth)px\"" : ""
        for node in nodes {
            switch node {
            case .dimension(let dimension):
                html +=
                    "<tr class=\"dimension\" data-path=\"\(HTMLText.escaped(dimension.path.joined(separator: "/")))\">"
                let title = context.report.definition.model.dimensionTitle(at: dimension.path, locale: context.locale)
                html += "<td\(indent)>" + HTMLText.escaped(title) + "</td><td></td><td></td><td></td>"
                html += "<td class=\"num\">" + ReadableNumber.score(dimension.score)
                if dimension.isIncomplete { html += "*" }
                html +=
                    "</td><td class=\"num\">"
                    + ReadableNumber.grouped(dimension.declaredWeight, decimals: 2, trimmed: true)
                html += "</td><td class=\"num\">" + contribution(dimension.contribution) + "</td></tr>\n"
                html += rows(dimension.children, depth: depth + 1, scored: scored, period: period, context: context)
            case .indicator(let indicator):
                html += indicatorRow(indicator, indent: indent, scored: scored, period: period, context: context)
            }
        }
        return html
    }

    private func contribution(_ number: Double?) -> String {
        number.map { ReadableNumber.grouped($0, decimals: 2) } ?? "—"
    }

    /// An indicator's row: its title (opening its explanation), value, target and tier,
    /// completion, score, weight and contribution.
    func indicatorRow(
        _ indicator: IndicatorScore, indent: String, scored: ScoredSubject, period: PeriodScores, context: Context
    ) -> String {
        let labels = context.labels
        let id = indicator.indicatorID
        let unit = context.facts.units[id] ?? .number
        let (status, reason) = context.facts.status(of: indicator, in: scored, period: period)
        let target = scored.targets[id]
        var html = "<tr class=\"indicator status-\(status)\" data-indicator=\"\(HTMLText.escaped(id))\">"
        html += "<td\(indent)><details class=\"why\"><summary>" + HTMLText.escaped(indicatorTitle(id, context: context))
        html += "</summary>" + explanation(indicator, status: status, reason: reason, scored: scored, context: context)
        html += "</details></td>"
        let valueTitle = indicator.value == nil ? reason.map { " title=\"\(HTMLText.escaped($0))\"" } ?? "" : ""
        html +=
            "<td class=\"num value\"\(valueTitle)>"
            + HTMLText.escaped(ReadableNumber.text(indicator.value, unit: unit))
        html += "</td><td class=\"num target\">" + HTMLText.escaped(ReadableNumber.text(indicator.target, unit: unit))
        if let tier = target?.tier, indicator.target != nil {
            html += " <span class=\"note\">" + tier.rawValue + "</span>"
        }
        html += "</td><td class=\"num completion\">" + completionText(indicator.completion, labels: labels)
        html += "</td><td class=\"num score\">" + ReadableNumber.score(indicator.outcome.score)
        if indicator.appliedPolicy == .markIncomplete { html += "*" }
        html += "</td><td class=\"num\">" + ReadableNumber.grouped(indicator.declaredWeight, decimals: 2, trimmed: true)
        html += "</td><td class=\"num\">" + contribution(indicator.contribution) + "</td></tr>\n"
        return html
    }

    /// `105.0%`, `met` for a target met without a ratio, `—` without a completion.
    func completionText(_ completion: Completion?, labels: ScoreHTMLLabels) -> String {
        guard let completion else { return "—" }
        if let ratio = completion.ratio { return ReadableNumber.percent(ratio) }
        return completion.isMet ? labels.met : "—"
    }

    /// The explanation of one score: how it was computed and, when it is missing, why.
    func explanation(
        _ indicator: IndicatorScore, status: String, reason: String?, scored: ScoredSubject, context: Context
    ) -> String {
        let labels = context.labels
        let id = indicator.indicatorID
        let unit = context.facts.units[id] ?? .number
        let target = scored.targets[id]
        var entries: [(String, String)] = [
            (labels.function, indicator.function.name),
            (labels.parameters, indicator.function.explanation),
            (labels.direction, indicator.direction == .lowerIsBetter ? labels.lowerIsBetter : labels.higherIsBetter),
        ]
        if let target {
            entries.append((labels.targetRule, target.rule))
            if let tier = target.tier {
                let tiers = target.tiers.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { $0.key.rawValue + " " + ReadableNumber.text($0.value, unit: unit) }
                entries.append(
                    (labels.tier, tier.rawValue + (tiers.isEmpty ? "" : " (" + tiers.joined(separator: ", ") + ")")))
            }
            if !target.quotaRows.isEmpty {
                entries.append((labels.quotaRows, target.quotaRows.joined(separator: ", ")))
            }
        }
        if let completion = indicator.completion { entries.append((labels.completionRule, completion.rule.rawValue)) }
        let outcome = indicator.outcome
        if outcome.reference != nil || outcome.peerCount != nil {
            entries.append(
                (
                    labels.peers,
                    labels.peerText(
                        reference: outcome.reference.map { ReadableNumber.text($0, unit: unit) },
                        rank: outcome.peerRank,
                        count: outcome.peerCount)
                ))
        }
        entries.append((labels.policy, context.facts.declaredPolicy(of: indicator).rawValue))
        if let applied = indicator.appliedPolicy { entries.append((labels.policyApplied, applied.rawValue)) }
        entries.append((labels.status, status))
        if let reason { entries.append((labels.missingReason, reason)) }
        entries.append((labels.share, ReadableNumber.percent(indicator.totalShare)))
        entries.append((labels.cap, ReadableNumber.score(indicator.cap)))
        if let comparison = scored.comparisons[id] {
            if let previous = comparison.previous {
                entries.append(
                    (
                        labels.previous,
                        comparisonText(previous, change: comparison.relativeChangeFromPrevious, unit: unit)
                    ))
            }
            if let lastYear = comparison.lastYear {
                entries.append(
                    (
                        labels.lastYear,
                        comparisonText(lastYear, change: comparison.relativeChangeFromLastYear, unit: unit)
                    ))
            }
        }
        if let pipeline = scored.pipeline[id] {
            entries.append((labels.pipeline, ReadableNumber.text(pipeline, unit: unit)))
        }
        if let file = context.report.indicators.first(where: { $0.id == id })?.sourceFile, !file.isEmpty {
            entries.append((labels.source, file))
        }
        return "<dl>"
            + entries.map { "<dt>" + HTMLText.escaped($0.0) + "</dt><dd>" + HTMLText.escaped($0.1) + "</dd>" }.joined()
            + "</dl>"
    }

    /// `10,000.00 (+20.0%)`.
    private func comparisonText(_ value: Double, change: Double?, unit: IndicatorUnit) -> String {
        let text = ReadableNumber.text(value, unit: unit)
        guard let change else { return text }
        return text + " (" + (change >= 0 ? "+" : "") + ReadableNumber.percent(change) + ")"
    }
}
