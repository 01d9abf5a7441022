import YardstickData
import YardstickEngine
import YardstickScoring

/// The HTML format of `yardstick score` (`html`): one self-contained report page that opens
/// offline in any browser and prints cleanly.
///
/// Per period: the model (id, version), the workspace, the period and the days its values
/// cover; the **leaderboard** (rank, name, total, grade, forced grade, each top-level score) per
/// peer group; one **card** per subject (total, grade, rank; a radar of its dimension scores
/// from three dimensions on, bars below, with the peer group's mean; the trend of its total
/// over past periods when ``trends`` has one; every indicator's value, target and tier,
/// completion, score, weight and contribution under its dimension's subtotal, and the
/// explanation of each score on demand in a `<details>` element: function and parameters,
/// target rule, policy, why it is missing, comparisons); the **rollups** (members' totals and
/// each unit's own completion per indicator); the **alerts**; then the run's errors.
///
/// The page has no network reference at all: style and an optional script are inline, charts
/// are inline SVG, and a content security policy forbids every fetch (see
/// docs/decisions/0030-html-report.md). Everything from data is escaped. Values are written
/// for people by unit (`1,278.56`, `31.3%`, `2:23`); CSV and JSON keep full precision. With a
/// `zh` locale the labels are Simplified Chinese and titles use their Chinese forms. Works
/// with scripts off; the script only adds sorting of the leaderboard and a button that opens
/// every explanation.
public struct ScoreHTMLWriter: ScoreReportWriter {
    /// `html`.
    public var formatID: String { "html" }
    /// `html`.
    public var fileExtension: String { "html" }

    /// Earlier totals per subject, drawn as a trend on each card (empty: no trend).
    public var trends: ScoreTrends

    /// Creates the writer.
    ///
    /// - Parameter trends: Earlier totals per subject, from the run history; empty by default.
    public init(trends: ScoreTrends = ScoreTrends()) {
        self.trends = trends
    }

    /// The report page (UTF-8, a final newline).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The page's bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array(page(report, locale: locale).text.utf8)
    }

    /// The page of a report: the implementation of ``write(_:locale:)``.
    func page(_ report: ScoreReport, locale: String) -> HTMLPage {
        let context = Context(
            report: report, facts: ScoreFacts(report), labels: ScoreHTMLLabels(locale: locale), locale: locale)
        let definition = report.definition
        let title = HTMLText.escaped(definition.title(locale: locale))
        var body = "<header class=\"report\">\n<h1>\(title)</h1>\n<p class=\"meta\">"
        body +=
            "<span>\(context.labels.workspace): <b class=\"workspace\">\(HTMLText.escaped(report.workspace))</b></span>"
        body += "<span>\(context.labels.model): <b class=\"model\">\(HTMLText.escaped(definition.id))</b>"
        if let version = definition.version {
            body += " \(context.labels.version) <b class=\"model-version\">\(HTMLText.escaped(version))</b>"
        }
        body += "</span><span>\(context.labels.asOf) \(CivilDate.isoString(ofDay: report.asOf))</span>"
        body += "<span>\(context.labels.generated) \(HTMLText.escaped(report.generatedAt))</span></p>\n"
        if report.periods.count == 1, let period = report.periods.first {
            body += "<nav class=\"toc\">" + toc(period, labels: context.labels) + "</nav>\n"
        }
        body += "</header>\n"
        if report.periods.isEmpty { body += "<p>\(context.labels.noPeriods)</p>\n" }
        for period in report.periods {
            body += periodSection(period, context: context)
        }
        if !report.failures.isEmpty {
            body +=
                "<section id=\"errors\">\n<h2>\(context.labels.errors) (\(report.failures.count))</h2>\n<ul class=\"errors\">\n"
            for line in FailureSummary(report.failures).lines() { body += "<li>" + HTMLText.escaped(line) + "</li>\n" }
            body += "</ul>\n</section>\n"
        }
        body += "<footer>" + HTMLText.escaped(context.labels.footer) + "</footer>\n"
        return HTMLPage(locale: locale, title: title, body: body, script: ScoreHTMLScript.script(context.labels))
    }

    /// What the parts of a page read.
    struct Context {
        let report: ScoreReport
        let facts: ScoreFacts
        let labels: ScoreHTMLLabels
        let locale: String
    }

    /// The links to a period's sections.
    private func toc(_ period: PeriodScores, labels: ScoreHTMLLabels) -> String {
        let label = period.period.label
        var links = [(HTMLText.identifier("leaderboard", label), labels.leaderboard)]
        if !period.subjects.isEmpty { links.append((HTMLText.identifier("cards", label), labels.cards)) }
        if !period.rollups.isEmpty { links.append((HTMLText.identifier("rollups", label), labels.rollups)) }
        if !period.alerts.isEmpty { links.append((HTMLText.identifier("alerts", label), labels.alerts)) }
        return links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined()
    }

    /// One period: heading, leaderboards, cards, rollups, alerts.
    func periodSection(_ period: PeriodScores, context: Context) -> String {
        let labels = context.labels
        let label = period.period.label
        var html = "<section class=\"period\" data-period=\"\(HTMLText.escaped(label))\">\n<div class=\"period-head\">"
        html += "<h2>\(labels.period) \(HTMLText.escaped(label))</h2>\n<p class=\"meta\">"
        html += "<span>\(labels.window) \(period.window.firstDate)..\(period.window.lastDate)"
        if period.isToDate { html += " (" + (labels.chinese ? "期中" : "to date") + ")" }
        html += "</span><span class=\"model\">\(HTMLText.escaped(context.report.definition.id))"
        if let version = context.report.definition.version { html += " " + HTMLText.escaped(version) }
        html += "</span></p></div>\n"
        html += "<section class=\"leaderboards\" id=\"\(HTMLText.identifier("leaderboard", label))\">\n"
        html += "<h3>\(labels.leaderboard)</h3>\n"
        let groups = peerGroups(period.subjects)
        if groups.isEmpty { html += "<p>\(labels.noSubjects)</p>\n" }
        let showGroups = groups.count > 1 || (groups.first.map { $0.name != PeerGrouping.all.rawValue } ?? false)
        for group in groups {
            if showGroups { html += "<h4>\(labels.peerGroupTitle): \(HTMLText.escaped(group.name))</h4>\n" }
            html += leaderboard(group.subjects, period: period, context: context)
        }
        html += "</section>\n"
        if !period.subjects.isEmpty {
            html += "<section class=\"cards-section\" id=\"\(HTMLText.identifier("cards", label))\">\n"
            html +=
                "<h3>\(labels.cards) (\(period.subjects.count))</h3>\n<div class=\"tools\"></div>\n<div class=\"cards\">\n"
            let means = peerMeans(period)
            for group in groups {
                for subject in ordered(group.subjects, context: context) {
                    html += card(subject, period: period, peerMeans: means[subject.peerGroup] ?? [:], context: context)
                }
            }
            html += "</div>\n</section>\n"
        }
        html += rollupSections(period, context: context)
        html += alertSection(period, context: context)
        return html + "</section>\n"
    }

    /// The subjects grouped by peer group, groups in order of first appearance.
    func peerGroups(_ subjects: [ScoredSubject]) -> [(name: String, subjects: [ScoredSubject])] {
        var groups: [(name: String, subjects: [ScoredSubject])] = []
        for subject in subjects {
            if let index = groups.firstIndex(where: { $0.name == subject.peerGroup }) {
                groups[index].subjects.append(subject)
            } else {
                groups.append((subject.peerGroup, [subject]))
            }
        }
        return groups
    }

    /// Subjects in leaderboard order, as the score table and Markdown list them
    /// (``LeaderboardOrder``): ranked by rank, then incomplete totals (highest first), then
    /// those without a total; ties by name in the locale's collation, then id.
    func ordered(_ subjects: [ScoredSubject], context: Context) -> [ScoredSubject] {
        LeaderboardOrder.ordered(subjects, order: nil, locale: context.locale)
    }

    /// The anchor of a subject's card.
    func cardID(_ subject: SubjectInfo, period: PeriodScores) -> String {
        HTMLText.identifier("card", period.period.label, subject.grain.rawValue, subject.id)
    }

    /// The label of a top-level node in the locale: a dimension's title (or id), an indicator's title.
    func nodeLabel(_ node: ScorecardNode, context: Context) -> String {
        switch node {
        case .dimension(let dimension): dimension.title(locale: context.locale)
        case .indicator(let indicator): indicatorTitle(indicator.id, context: context)
        }
    }

    /// An indicator's title in the locale, or its id when the report does not describe it.
    func indicatorTitle(_ id: String, context: Context) -> String {
        context.report.indicators.first { $0.id == id }?.title(locale: context.locale) ?? id
    }

    /// One peer group's leaderboard.
    func leaderboard(_ subjects: [ScoredSubject], period: PeriodScores, context: Context) -> String {
        let labels = context.labels
        let model = context.report.definition.model
        let hasForced = model.forcedDistribution != nil
        let people = subjects.first.map { Grain.people.contains($0.subject.grain) } ?? true
        var html = "<div class=\"scroll\">\n<table class=\"leaderboard\">\n<thead><tr>"
        html += "<th class=\"num\">\(labels.rank)</th><th>\(people ? labels.name : labels.unitName)</th>"
        html += "<th>\(labels.team)</th><th class=\"num\">\(labels.total)</th><th>\(labels.grade)</th>"
        if hasForced { html += "<th>\(labels.forced)</th>" }
        for node in model.children {
            html += "<th class=\"num dimension\">" + HTMLText.escaped(nodeLabel(node, context: context)) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for subject in ordered(subjects, context: context) {
            let scorecard = subject.scorecard
            let ranked = scorecard.rank != nil
            html +=
                "<tr data-subject=\"\(HTMLText.escaped(subject.subject.id))\"" + (ranked ? "" : " class=\"unranked\"")
            html += "><td class=\"num rank\">" + (scorecard.rank.map(String.init) ?? "—") + "</td>"
            html += "<td class=\"name\"><a href=\"#\(cardID(subject.subject, period: period))\">"
            html +=
                HTMLText.escaped(subject.subject.name.isEmpty ? subject.subject.id : subject.subject.name) + "</a></td>"
            html += "<td class=\"team\">" + HTMLText.escaped(subject.subject.team ?? "") + "</td>"
            html += "<td class=\"num total\" data-status=\"\(ScoreFacts.status(of: scorecard.status))\">"
            html += ReadableNumber.score(scorecard.total)
            if scorecard.status == .incomplete { html += "<span title=\"\(labels.incomplete)\">*</span>" }
            html += "</td><td class=\"grade\">" + HTMLText.escaped(scorecard.grade ?? "—") + "</td>"
            if hasForced {
                html += "<td class=\"forced\">" + HTMLText.escaped(scorecard.distributedGrade ?? "—") + "</td>"
            }
            for node in model.children {
                let score = scorecard.node(at: [node.id])?.score
                let width = score.map { max(0, min(1, $0 / max(model.cap, 1))) * 48 } ?? 0
                html += "<td class=\"num\"><span class=\"bar\" style=\"width:\(Int(width.rounded()))px\"></span> "
                html += ReadableNumber.score(score) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        let cards = subjects.map(\.scorecard)
        if cards.contains(where: { $0.status == .incomplete }) {
            html += "<p class=\"note\">* " + HTMLText.escaped(labels.incompleteNote) + "</p>\n"
        }
        let ranks = cards.compactMap(\.rank)
        if Set(ranks).count < ranks.count { html += "<p class=\"note\">" + HTMLText.escaped(labels.tieNote) + "</p>\n" }
        return html
    }

    /// Per peer group, per top-level node id: the mean score of the group's subjects that have
    /// one there.
    func peerMeans(_ period: PeriodScores) -> [String: [String: Double]] {
        var sums: [String: [String: (total: Double, count: Int)]] = [:]
        for subject in period.subjects {
            for node in subject.scorecard.nodes {
                guard let score = node.score, score.isFinite else { continue }
                let id = node.path.last ?? ""
                let current = sums[subject.peerGroup, default: [:]][id] ?? (0, 0)
                sums[subject.peerGroup, default: [:]][id] = (current.total + score, current.count + 1)
            }
        }
        return sums.mapValues { entries in entries.mapValues { $0.total / Double($0.count) } }
    }
}
