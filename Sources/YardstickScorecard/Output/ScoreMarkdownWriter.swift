import YardstickData
import YardstickEngine
import YardstickScoring

/// The Markdown format of a score report (`md`): GitHub-flavoured tables for wikis and chat.
///
/// Per period: a title (the model's title in the locale, its id and version, the period and
/// the window, as the leaderboard's) and the workspace; the leaderboard (rank, subject, total,
/// grade, the forced-distribution grade when the model has one, one column per top-level
/// dimension or indicator score; per peer group when there are groups), in the leaderboard's
/// order; then per top-level dimension a table of its indicators — each indicator's value in
/// its unit with its completion, and its score — and the dimension's subtotal; the rollups
/// (members' totals, the unit's own completion per indicator); the alerts, all of them; then
/// the failures. Values are written for reading (`ReadableNumber`), scores with one decimal;
/// a missing figure is `—` with a footnote giving its reason (equal reasons share one). Names
/// are escaped for Markdown and kept as written otherwise; headings and labels follow the
/// locale.
public struct ScoreMarkdownWriter: ScoreReportWriter {
    /// `md`.
    public var formatID: String { "md" }
    /// `md`.
    public var fileExtension: String { "md" }

    /// The order of each leaderboard's subjects: nil for by rank (ties by name), or `--sort`.
    public var order: SubjectOrder?

    /// Creates the writer.
    ///
    /// - Parameter order: The leaderboard's order; nil (the default) for by rank.
    public init(order: SubjectOrder? = nil) {
        self.order = order
    }

    /// The report as Markdown (UTF-8, LF line ends, a final newline).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text's bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array(Self.text(report, locale: locale, order: order).utf8)
    }

    /// The document: the implementation of ``write(_:locale:)``.
    static func text(_ report: ScoreReport, locale: String, order: SubjectOrder? = nil) -> String {
        var document = Document(
            facts: ScoreFacts(report), labels: ScoreLabels(locale: locale), locale: locale, order: order)
        var sections: [String] = []
        if report.periods.isEmpty {
            sections.append("# " + MarkdownText.escaped(report.definition.title(locale: locale)))
            sections.append(document.labels.noPeriods)
        }
        for period in report.periods { sections += document.period(period) }
        if !report.failures.isEmpty {
            let lines = FailureSummary(report.failures).lines().map { "- " + MarkdownText.escaped($0) }
            sections.append(
                "## " + document.labels.errors(report.failures.count) + "\n\n" + lines.joined(separator: "\n"))
        }
        if !document.footnotes.isEmpty { sections.append(document.footnotes.definitions) }
        return sections.joined(separator: "\n\n") + "\n"
    }
}

extension ScoreMarkdownWriter {
    /// The document being written: what every table reads, and the footnotes so far.
    struct Document {
        let facts: ScoreFacts
        let labels: ScoreLabels
        let locale: String
        var order: SubjectOrder?
        var footnotes = MarkdownFootnotes()

        var words: ScoreMarkdownLabels { ScoreMarkdownLabels(chinese: labels.chinese) }

        /// One period's sections.
        mutating func period(_ period: PeriodScores) -> [String] {
            let report = facts.report
            var sections = [
                "# "
                    + MarkdownText.escaped(
                        ScoreTableWriter.titleLine(period, report: report, labels: labels, locale: locale))
                    + "\n\n" + MarkdownText.escaped(words.workspace(report.workspace))
            ]
            var groups: [(name: String, subjects: [ScoredSubject])] = []
            for subject in period.subjects {
                if let index = groups.firstIndex(where: { $0.name == subject.peerGroup }) {
                    groups[index].subjects.append(subject)
                } else {
                    groups.append((subject.peerGroup, [subject]))
                }
            }
            if groups.isEmpty { sections.append(labels.noSubjects) }
            let showGroups = groups.count > 1 || (groups.first.map { $0.name != PeerGrouping.all.rawValue } ?? false)
            for group in groups {
                let heading =
                    "## " + words.leaderboard
                    + (showGroups ? " · " + MarkdownText.escaped(labels.peerGroup(group.name)) : "")
                sections.append(heading + "\n\n" + leaderboard(ordered(group.subjects)))
            }
            let subjects = groups.flatMap { ordered($0.subjects) }
            if !subjects.isEmpty {
                for node in report.definition.model.children {
                    sections.append(nodeTable(node, subjects: subjects, period: period))
                }
            }
            var grains: [Grain] = []
            for unit in period.rollups where !grains.contains(unit.subject.grain) { grains.append(unit.subject.grain) }
            for grain in grains {
                sections.append(
                    rollupTable(period.rollups.filter { $0.subject.grain == grain }, grain: grain, period: period))
            }
            if !period.alerts.isEmpty { sections.append(alerts(period.alerts)) }
            return sections
        }

        /// Subjects in the leaderboard's order (``LeaderboardOrder``): by rank unless `--sort`.
        func ordered(_ subjects: [ScoredSubject]) -> [ScoredSubject] {
            LeaderboardOrder.ordered(subjects, order: order, locale: locale)
        }

        /// A subject's name as a cell: escaped, its id added when the name is empty.
        func name(_ subject: SubjectInfo) -> String {
            MarkdownText.escaped(subject.name.isEmpty ? subject.id : subject.name)
        }

        /// The leaderboard of one peer group.
        func leaderboard(_ subjects: [ScoredSubject]) -> String {
            let model = facts.report.definition.model
            let hasDistribution = model.forcedDistribution != nil
            var headers = [
                labels.rank, labels.subject(subjects.first?.subject.grain ?? .user), labels.total, labels.grade,
            ]
            if hasDistribution { headers.append(labels.distributedGrade) }
            let fixed = headers.count
            headers += model.children.map { MarkdownText.escaped(title(of: $0)) }
            var rows: [[String]] = []
            var notes: [String] = []
            for subject in subjects {
                let scorecard = subject.scorecard
                var total = ScoreNumberText.score(scorecard.total)
                if scorecard.status == .incomplete { total += "\\*" }
                var row = [
                    scorecard.rank.map(String.init) ?? "—", name(subject.subject), total, scorecard.grade ?? "—",
                ]
                if hasDistribution { row.append(scorecard.distributedGrade ?? "—") }
                row += model.children.map { node in
                    guard let result = scorecard.node(at: [node.id]) else { return "" }
                    var cell = ScoreNumberText.score(result.score)
                    if case .dimension(let dimension) = result, dimension.isIncomplete { cell += "\\*" }
                    if case .indicator(let indicator) = result, indicator.appliedPolicy == .markIncomplete {
                        cell += "\\*"
                    }
                    return cell
                }
                rows.append(row)
            }
            let cards = subjects.map(\.scorecard)
            if cards.contains(where: { $0.status == .incomplete }) {
                notes.append(MarkdownText.escaped(labels.incompleteNote))
            }
            if cards.contains(where: { $0.status == .noScores }) {
                notes.append(MarkdownText.escaped(labels.noScoresNote))
            }
            let ranks = cards.compactMap(\.rank)
            if Set(ranks).count < ranks.count { notes.append(MarkdownText.escaped(labels.tieNote)) }
            let table = MarkdownText.table(
                headers: headers, rows: rows, rightAligned: Set([0, 2]).union(fixed..<headers.count))
            return ([table] + notes).joined(separator: "\n\n")
        }

        /// A top-level node's title in the locale: a dimension's title (or id), an indicator's title.
        func title(of node: ScorecardNode) -> String {
            switch node {
            case .dimension(let dimension): dimension.title(locale: locale)
            case .indicator(let indicator): ScoreTableWriter.indicatorTitle(indicator.id, facts: facts, locale: locale)
            }
        }

        /// A top-level node's table: per subject, each indicator under it (value and
        /// completion, then score) and, for a dimension, its subtotal.
        mutating func nodeTable(_ node: ScorecardNode, subjects: [ScoredSubject], period: PeriodScores) -> String {
            let leaves = facts.report.definition.model.indicatorPaths.filter { $0.path.first == node.id }
            var headers = [labels.rank, labels.subject(subjects.first?.subject.grain ?? .user)]
            for leaf in leaves {
                let title = MarkdownText.escaped(
                    ScoreTableWriter.indicatorTitle(leaf.indicator.id, facts: facts, locale: locale))
                let path =
                    leaf.path.count > 2
                    ? MarkdownText.escaped(leaf.path.dropLast().dropFirst().joined(separator: " › ")) + " › " : ""
                headers += [path + title, path + title + " · " + words.score]
            }
            let isDimension: Bool
            if case .dimension = node { isDimension = true } else { isDimension = false }
            if isDimension { headers.append(words.subtotal) }
            var rows: [[String]] = []
            for subject in subjects {
                var row = [subject.scorecard.rank.map(String.init) ?? "—", name(subject.subject)]
                for leaf in leaves {
                    guard case .indicator(let indicator) = subject.scorecard.node(at: leaf.path) else {
                        row += ["", ""]
                        continue
                    }
                    row += indicatorCells(indicator, subject: subject, period: period)
                }
                if isDimension, let result = subject.scorecard.node(at: [node.id]) {
                    var cell = ScoreNumberText.score(result.score)
                    if case .dimension(let dimension) = result, dimension.isIncomplete { cell += "\\*" }
                    row.append(cell)
                } else if isDimension {
                    row.append("")
                }
                rows.append(row)
            }
            let heading = "## " + MarkdownText.escaped(title(of: node))
            return heading + "\n\n"
                + MarkdownText.table(headers: headers, rows: rows, rightAligned: Set([0]).union(2..<headers.count))
        }

        /// An indicator's value cell (value in its unit · completion) and score cell; a missing
        /// figure is `—` with its reason as a footnote.
        mutating func indicatorCells(_ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores)
            -> [String]
        {
            let (_, reason) = facts.status(of: indicator, in: subject, period: period)
            let unit = facts.units[indicator.indicatorID] ?? .number
            var value = "—"
            if let number = indicator.value {
                value = ReadableNumber.text(number, unit: unit)
                if let ratio = indicator.completion?.ratio { value += " · " + ScoreNumberText.percent(ratio) }
            } else if let reason {
                value += footnotes.reference(reason)
            }
            var score = ScoreNumberText.score(indicator.outcome.score)
            if indicator.outcome.score == nil, indicator.value != nil, let reason {
                score += footnotes.reference(reason)
            }
            return [value, score]
        }

        /// The units of one rollup grain.
        func rollupTable(_ units: [RollupSubject], grain: Grain, period: PeriodScores) -> String {
            var headers = [
                labels.subject(grain), labels.members, labels.mean, labels.median, labels.minimum, labels.maximum,
            ]
            var indicatorIDs: [String] = []
            for leaf in facts.report.definition.model.indicatorPaths where !indicatorIDs.contains(leaf.indicator.id) {
                indicatorIDs.append(leaf.indicator.id)
            }
            headers += indicatorIDs.map {
                MarkdownText.escaped(ScoreTableWriter.indicatorTitle($0, facts: facts, locale: locale))
            }
            let rows = units.map { unit -> [String] in
                let statistics = unit.totalStatistics
                var row = [
                    name(unit.subject), String(unit.memberIDs.count), ScoreNumberText.score(statistics.mean),
                    ScoreNumberText.score(statistics.median), ScoreNumberText.score(statistics.minimum),
                    ScoreNumberText.score(statistics.maximum),
                ]
                row += indicatorIDs.map { id in
                    guard let figure = unit.figures.first(where: { $0.indicatorID == id }), figure.value != nil,
                        let completion = figure.completion
                    else { return "—" }
                    if let ratio = completion.ratio { return ScoreNumberText.percent(ratio) }
                    return completion.isMet ? labels.met : "—"
                }
                return row
            }
            let heading = "## " + MarkdownText.escaped(labels.rollup(grain) + " · " + period.period.label)
            return heading + "\n\n"
                + MarkdownText.table(headers: headers, rows: rows, rightAligned: Set(1..<headers.count)) + "\n\n"
                + MarkdownText.escaped(labels.rollupNote)
        }

        /// Every alert as a list item.
        func alerts(_ alerts: [Alert]) -> String {
            let lines = alerts.map { alert -> String in
                let unit = facts.units[alert.indicatorID] ?? .number
                let title = ScoreTableWriter.indicatorTitle(alert.indicatorID, facts: facts, locale: locale)
                return "- "
                    + MarkdownText.escaped(labels.line(of: alert, title: title) { ReadableNumber.text($0, unit: unit) })
            }
            return "## " + labels.alerts(alerts.count) + "\n\n" + lines.joined(separator: "\n")
        }
    }
}

/// The words the Markdown report adds to the leaderboard's (``ScoreLabels``).
struct ScoreMarkdownLabels {
    let chinese: Bool

    private func text(_ english: String, _ chinese: String) -> String { self.chinese ? chinese : english }

    var leaderboard: String { text("Leaderboard", "排行榜") }
    var score: String { text("score", "得分") }
    var subtotal: String { text("Subtotal", "小计") }
    /// `Workspace: maven-sales` / `工作区：maven-sales`.
    func workspace(_ name: String) -> String { text("Workspace: \(name)", "工作区：\(name)") }
}
