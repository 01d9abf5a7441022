import YardstickData
import YardstickEngine
import YardstickScoring

/// The leaderboard of a score report (`table`), readable in a terminal 100 columns wide (or
/// the ``width`` asked for: `score --width N`, or the terminal's own width).
///
/// Per period: a title line (the model's title in the locale, the period, and the window —
/// `to date 2017-10-20` when the period is still running), then the leaderboard — rank,
/// subject, total, grade (and the forced-distribution grade when the model has one), then one
/// column per top-level dimension (or top-level indicator) score, with abbreviated headers. When
/// the columns do not fit in the width (100 display columns by default) the rightmost dimension
/// columns are left out
/// and a footnote names them. With peer groups other than `all`, one leaderboard per group.
/// Then a section per rollup grain (members' total statistics and the unit's own completion per
/// indicator), the alerts (at most 20 lines) and the failures.
///
/// Chinese text is aligned by display width; with a `zh` locale the headers and notes are in
/// Simplified Chinese and titles use their Chinese forms.
public struct ScoreTableWriter: ScoreReportWriter {
    /// `table`.
    public var formatID: String { "table" }
    /// `txt`.
    public var fileExtension: String { "txt" }

    /// The width the leaderboard fits in by default, in terminal columns.
    public static let defaultWidth = 100
    /// The most alert lines shown per period.
    static let alertLineLimit = 20
    /// The widest a header of a dimension or indicator column may be.
    static let headerWidth = 12
    /// The widest a subject's name may be.
    static let nameWidth = 28

    /// The order of each leaderboard's subjects: nil for by rank (ties by name), or `--sort`
    /// (by name, or by an indicator's value, a dimension's score or `total`).
    public var order: SubjectOrder?

    /// The width the leaderboard and rollup tables fit in, in display columns: the rightmost
    /// dimension (or indicator) columns are left out, and named in a footnote, until a table
    /// fits. `Int.max` for no limit.
    public var width: Int

    /// Creates the writer.
    ///
    /// - Parameters:
    ///   - order: The leaderboard's order; nil (the default) for by rank.
    ///   - width: The width the tables fit in (default ``defaultWidth``; `Int.max`: no limit).
    public init(order: SubjectOrder? = nil, width: Int = ScoreTableWriter.defaultWidth) {
        self.order = order
        self.width = width
    }

    /// The leaderboard text (UTF-8, a final newline).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text's bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Array(Self.text(report, locale: locale, order: order, width: width).utf8)
    }

    /// The leaderboard as text: the implementation of ``write(_:locale:)``.
    static func text(
        _ report: ScoreReport, locale: String, order: SubjectOrder? = nil, width: Int = defaultWidth
    ) -> String {
        let labels = ScoreLabels(locale: locale)
        let facts = ScoreFacts(report)
        var sections: [String] = []
        if report.periods.isEmpty { sections.append(labels.noPeriods) }
        for period in report.periods {
            sections.append(
                periodText(period, facts: facts, labels: labels, locale: locale, order: order, width: width))
        }
        if !report.failures.isEmpty {
            let lines = FailureSummary(report.failures).lines()
            sections.append(([labels.errors(report.failures.count)] + lines.map { "  " + $0 }).joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// One period: title, leaderboards, rollups, alerts.
    static func periodText(
        _ period: PeriodScores, facts: ScoreFacts, labels: ScoreLabels, locale: String, order: SubjectOrder? = nil,
        width: Int = defaultWidth
    ) -> String {
        var parts = [titleLine(period, report: facts.report, labels: labels, locale: locale)]
        var groups: [(name: String, subjects: [ScoredSubject])] = []
        for subject in period.subjects {
            if let index = groups.firstIndex(where: { $0.name == subject.peerGroup }) {
                groups[index].subjects.append(subject)
            } else {
                groups.append((subject.peerGroup, [subject]))
            }
        }
        if groups.isEmpty { parts.append(labels.noSubjects) }
        let showGroups = groups.count > 1 || (groups.first.map { $0.name != PeerGrouping.all.rawValue } ?? false)
        for group in groups {
            let board = leaderboard(
                group.subjects, facts: facts, labels: labels, locale: locale, order: order, width: width)
            parts.append((showGroups ? labels.peerGroup(group.name) + "\n" : "") + board)
        }
        var grains: [Grain] = []
        for unit in period.rollups where !grains.contains(unit.subject.grain) { grains.append(unit.subject.grain) }
        for grain in grains {
            let units = period.rollups.filter { $0.subject.grain == grain }
            parts.append(
                rollupTable(
                    units, grain: grain, period: period, facts: facts, labels: labels, locale: locale, width: width))
        }
        if !period.alerts.isEmpty {
            parts.append(alertLines(period.alerts, facts: facts, labels: labels, locale: locale))
        }
        return parts.joined(separator: "\n\n")
    }

    /// `Sales scorecard (maven-sales 1.0) · 2017-10 · to date 2017-10-20`.
    static func titleLine(_ period: PeriodScores, report: ScoreReport, labels: ScoreLabels, locale: String) -> String {
        let definition = report.definition
        let identity = definition.id + (definition.version.map { " " + $0 } ?? "")
        let window: String
        if report.asOf < period.period.firstDay || period.window.lastDay < period.period.firstDay {
            window = labels.notStarted(CivilDate.isoString(ofDay: report.asOf))
        } else if period.isToDate {
            window = labels.toDate(period.window.lastDate)
        } else {
            window = period.period.firstDate + ".." + period.period.lastDate
        }
        let open = labels.chinese ? "（" : " ("
        let close = labels.chinese ? "）" : ")"
        return definition.title(locale: locale) + open + identity + close + " · " + period.period.label + " · " + window
    }

    // MARK: The leaderboard

    /// One peer group's leaderboard and its footnotes.
    static func leaderboard(
        _ subjects: [ScoredSubject], facts: ScoreFacts, labels: ScoreLabels, locale: String,
        order: SubjectOrder? = nil, width: Int = defaultWidth
    ) -> String {
        let model = facts.report.definition.model
        let ordered = LeaderboardOrder.ordered(subjects, order: order, locale: locale)
        let names = displayNames(ordered.map(\.subject))
        let hasDistribution = model.forcedDistribution != nil
        var fixedHeaders = [
            labels.rank, labels.subject(ordered.first?.subject.grain ?? .user), labels.total, labels.grade,
        ]
        if hasDistribution { fixedHeaders.append(labels.distributedGrade) }
        var fixedRows: [[String]] = []
        for (subject, name) in zip(ordered, names) {
            let scorecard = subject.scorecard
            var total = ScoreNumberText.score(scorecard.total)
            if scorecard.status == .incomplete { total += "*" }
            var row = [scorecard.rank.map(String.init) ?? "—", name, total, scorecard.grade ?? "—"]
            if hasDistribution { row.append(scorecard.distributedGrade ?? "—") }
            fixedRows.append(row)
        }
        let optional: [ScoreTableLayout.Column] = model.children.map { node in
            let header: String
            switch node {
            case .dimension(let dimension): header = dimension.title(locale: locale)
            case .indicator(let indicator): header = indicatorTitle(indicator.id, facts: facts, locale: locale)
            }
            let cells = ordered.map { subject -> String in
                guard let result = subject.scorecard.node(at: [node.id]) else { return "" }
                var cell = ScoreNumberText.score(result.score)
                if case .dimension(let dimension) = result, dimension.isIncomplete { cell += "*" }
                if case .indicator(let indicator) = result, indicator.appliedPolicy == .markIncomplete { cell += "*" }
                return cell
            }
            return ScoreTableLayout.Column(
                name: header, header: DisplayWidth.truncated(header, to: headerWidth), cells: cells)
        }
        let layout = ScoreTableLayout(
            fixedHeaders: fixedHeaders, fixedRows: fixedRows,
            rightAligned: [0, 2], optional: optional, width: width)
        var lines = [layout.text]
        if !layout.dropped.isEmpty { lines.append(labels.droppedColumns(layout.dropped, width: width)) }
        let cards = subjects.map(\.scorecard)
        if cards.contains(where: { $0.status == .incomplete }) { lines.append(labels.incompleteNote) }
        if cards.contains(where: { $0.status == .noScores }) { lines.append(labels.noScoresNote) }
        let ranks = cards.compactMap(\.rank)
        if Set(ranks).count < ranks.count { lines.append(labels.tieNote) }
        return lines.joined(separator: "\n")
    }

    /// Ranked subjects by rank, then incomplete totals (highest first), then those without one.
    static func sortKey(_ scorecard: SubjectScorecard) -> SortKey {
        switch scorecard.status {
        case .complete: SortKey(group: 0, order: Double(scorecard.rank ?? Int.max))
        case .incomplete: SortKey(group: 1, order: -(scorecard.total ?? 0))
        case .noScores: SortKey(group: 2, order: 0)
        }
    }

    /// Where a subject goes in the leaderboard: its group (ranked, incomplete, no total), then
    /// its order within the group.
    struct SortKey: Comparable {
        var group: Int
        var order: Double

        static func < (left: SortKey, right: SortKey) -> Bool {
            left.group != right.group ? left.group < right.group : left.order < right.order
        }
    }

    /// Names cut to ``nameWidth``; a name two subjects share gets the id after it.
    static func displayNames(_ subjects: [SubjectInfo]) -> [String] {
        var counts: [String: Int] = [:]
        for subject in subjects { counts[subject.name, default: 0] += 1 }
        return subjects.map { subject in
            let name = subject.name.isEmpty ? subject.id : subject.name
            let shared = (counts[subject.name] ?? 0) > 1 || subject.name.isEmpty
            let suffix = shared && !subject.name.isEmpty ? " (\(subject.id))" : ""
            return DisplayWidth.truncated(DisplayText.escaped(name), to: nameWidth - DisplayWidth.of(suffix)) + suffix
        }
    }

    /// An indicator's title in the locale, or its id when the report does not describe it.
    static func indicatorTitle(_ id: String, facts: ScoreFacts, locale: String) -> String {
        facts.report.indicators.first { $0.id == id }?.title(locale: locale) ?? id
    }

}
