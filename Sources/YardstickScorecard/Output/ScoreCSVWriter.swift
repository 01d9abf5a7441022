import YardstickEngine
import YardstickScoring

/// The long CSV of a score report (`csv`): per period, one row per subject × indicator, one
/// per dimension and one total row per subject — the model's subjects, then the rollup
/// subjects — for spreadsheets and pivot tables.
///
/// The header starts with exactly
/// `period,grain,subject_id,subject_name,model,dimension,indicator,value,target,completion,score,weight,contribution,total,grade,rank,status`
/// and continues with the extra columns docs/score-output.md lists (`row_kind`, `peer_group`,
/// `tier`, `target_rule`, …, `missing_reason`). Within a subject, rows follow the model's tree
/// depth first, each dimension's row after its children's (a subtotal below its items) and the
/// total row last. Numbers are written as the run's CSV writes them (full precision, no
/// grouping), completions as fractions (`1.05`), scores from 0 to the cap. A missing figure is
/// an empty cell with the reason in `missing_reason`. Fields are quoted as RFC 4180 says.
/// The CSV is language-neutral: the locale changes nothing.
public struct ScoreCSVWriter: ScoreReportWriter {
    /// `csv`.
    public var formatID: String { "csv" }
    /// `csv`.
    public var fileExtension: String { "csv" }

    /// Creates the writer.
    public init() {}

    /// The report as long CSV (UTF-8, LF line ends, a final newline).
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: Ignored: the CSV holds ids and figures only.
    /// - Returns: The CSV's bytes.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        let facts = ScoreFacts(report)
        // Periods are written side by side, each into its own buffer, then joined in order.
        let parts = ConcurrentMap.map(report.periods.count) { index in
            let period = report.periods[index]
            var output = Output(facts: facts)
            output.windowText = period.window.firstDate + ".." + period.window.lastDate
            for subject in period.subjects { output.subjectRows(subject, period: period) }
            for unit in period.rollups { output.rollupRows(unit, period: period) }
            return output.bytes
        }
        var bytes = Array((ScoreCSVColumn.header + "\n").utf8)
        bytes.reserveCapacity(parts.reduce(bytes.count) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }
}

extension ScoreCSVWriter {
    /// One row being filled, a cell per ``ScoreCSVColumn``.
    struct Row {
        var cells = [String](repeating: "", count: ScoreCSVColumn.allCases.count)

        subscript(column: ScoreCSVColumn) -> String {
            get { cells[column.rawValue] }
            set { cells[column.rawValue] = newValue }
        }
    }

    /// The CSV being written.
    struct Output {
        let facts: ScoreFacts
        var bytes: [UInt8]
        /// The current period's window as the `window` column writes it (computed once per
        /// period, not per row).
        var windowText = ""

        /// An empty buffer (the header is written once, by ``ScoreCSVWriter/write(_:locale:)``).
        init(facts: ScoreFacts) {
            self.facts = facts
            bytes = []
        }

        mutating func append(_ row: Row) {
            for index in row.cells.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                // Most cells of a long score CSV are empty: skip them without scanning.
                if !row.cells[index].isEmpty { CSVReportWriter.appendField(row.cells[index], to: &bytes) }
            }
            bytes.append(0x0A)
        }

        /// The cells every row of a subject in a period shares.
        func base(_ subject: SubjectInfo, period: PeriodScores, kind: String) -> Row {
            var row = Row()
            row[.period] = period.period.label
            row[.grain] = subject.grain.rawValue
            row[.subjectID] = subject.id
            row[.subjectName] = subject.name
            row[.model] = facts.report.definition.id
            row[.window] = windowText
            row[.rowKind] = kind
            return row
        }

        // MARK: The model's subjects

        mutating func subjectRows(_ subject: ScoredSubject, period: PeriodScores) {
            nodeRows(subject.scorecard.nodes, subject: subject, period: period)
            var row = base(subject.subject, period: period, kind: "total")
            let scorecard = subject.scorecard
            row[.peerGroup] = subject.peerGroup
            row[.total] = ScoreNumberText.plain(scorecard.total)
            row[.grade] = scorecard.grade ?? ""
            row[.rank] = ScoreNumberText.plain(scorecard.rank)
            row[.distributedGrade] = scorecard.distributedGrade ?? ""
            row[.status] = ScoreFacts.status(of: scorecard.status)
            row[.cap] = ScoreNumberText.plain(facts.report.definition.model.cap)
            switch scorecard.status {
            case .complete: break
            case .incomplete:
                let missing = scorecard.missingIndicators.filter { $0.policy == .markIncomplete }
                row[.missingReason] =
                    "incomplete: no score for " + missing.map { $0.path.joined(separator: "/") }.joined(separator: ", ")
            case .noScores: row[.missingReason] = "no indicator has a score"
            }
            append(row)
        }

        mutating func nodeRows(_ nodes: [NodeScore], subject: ScoredSubject, period: PeriodScores) {
            for node in nodes {
                switch node {
                case .indicator(let indicator): indicatorRow(indicator, subject: subject, period: period)
                case .dimension(let dimension):
                    nodeRows(dimension.children, subject: subject, period: period)
                    dimensionRow(dimension, subject: subject, period: period)
                }
            }
        }

        mutating func indicatorRow(_ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores) {
            var row = base(subject.subject, period: period, kind: "indicator")
            let id = indicator.indicatorID
            let (status, reason) = facts.status(of: indicator, in: subject, period: period)
            let target = subject.targets[id]
            row[.peerGroup] = subject.peerGroup
            row[.dimension] = indicator.path.dropLast().joined(separator: "/")
            row[.indicator] = id
            row[.value] = ScoreNumberText.plain(indicator.value)
            row[.target] = ScoreNumberText.plain(indicator.target)
            row[.completion] = ScoreNumberText.plain(indicator.completion?.ratio)
            row[.completionRule] = indicator.completion?.rule.rawValue ?? ""
            row[.score] = ScoreNumberText.plain(indicator.outcome.score)
            row[.weight] = ScoreNumberText.plain(indicator.declaredWeight)
            row[.share] = ScoreNumberText.plain(indicator.share)
            row[.totalShare] = ScoreNumberText.plain(indicator.totalShare)
            row[.contribution] = ScoreNumberText.plain(indicator.contribution)
            row[.status] = status
            row[.tier] = target?.tier?.rawValue ?? ""
            row[.targetRule] = target?.rule ?? ""
            row[.function] = indicator.function.name
            row[.policy] = facts.declaredPolicy(of: indicator).rawValue
            row[.policyApplied] = indicator.appliedPolicy?.rawValue ?? ""
            row[.cap] = ScoreNumberText.plain(indicator.cap)
            if let comparison = subject.comparisons[id] {
                row[.previous] = ScoreNumberText.plain(comparison.previous)
                row[.changePrevious] = ScoreNumberText.plain(comparison.changeFromPrevious)
                row[.lastYear] = ScoreNumberText.plain(comparison.lastYear)
                row[.changeLastYear] = ScoreNumberText.plain(comparison.changeFromLastYear)
            }
            row[.pipeline] = ScoreNumberText.plain(subject.pipeline[id])
            row[.missingReason] = reason ?? ""
            append(row)
        }

        mutating func dimensionRow(_ dimension: DimensionScore, subject: ScoredSubject, period: PeriodScores) {
            var row = base(subject.subject, period: period, kind: "dimension")
            row[.peerGroup] = subject.peerGroup
            row[.dimension] = dimension.path.joined(separator: "/")
            row[.score] = ScoreNumberText.plain(dimension.score)
            row[.weight] = ScoreNumberText.plain(dimension.declaredWeight)
            row[.share] = ScoreNumberText.plain(dimension.share)
            row[.totalShare] = ScoreNumberText.plain(dimension.totalShare)
            row[.contribution] = ScoreNumberText.plain(dimension.contribution)
            row[.status] = ScoreFacts.status(of: dimension)
            row[.policyApplied] = dimension.appliedPolicy?.rawValue ?? ""
            if dimension.score == nil { row[.missingReason] = "every indicator below it was left out" }
            append(row)
        }

        // MARK: Rollup subjects

        mutating func rollupRows(_ unit: RollupSubject, period: PeriodScores) {
            let statistics = Dictionary(
                unit.nodeStatistics.map { ($0.path, $0.statistics) }, uniquingKeysWith: { first, _ in first })
            let figures = Dictionary(unit.figures.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first })
            rollupNodeRows(
                facts.report.definition.model.children, path: [], unit: unit, period: period,
                statistics: statistics, figures: figures)
            var row = base(unit.subject, period: period, kind: "total")
            row[.status] = "ok"
            fillMembers(&row, unit: unit, statistics: unit.totalStatistics)
            append(row)
        }

        mutating func rollupNodeRows(
            _ nodes: [ScorecardNode], path: [String], unit: RollupSubject, period: PeriodScores,
            statistics: [[String]: PeerStatistics], figures: [String: RollupFigure]
        ) {
            for node in nodes {
                let nodePath = path + [node.id]
                switch node {
                case .indicator(let indicator):
                    var row = base(unit.subject, period: period, kind: "indicator")
                    row[.dimension] = path.joined(separator: "/")
                    row[.indicator] = indicator.id
                    row[.weight] = ScoreNumberText.plain(indicator.weight)
                    row[.policy] = indicator.missingPolicy.rawValue
                    row[.function] = indicator.function.name
                    if let figure = figures[indicator.id] {
                        let (status, reason) = facts.status(of: figure, in: unit, period: period)
                        row[.value] = ScoreNumberText.plain(figure.value)
                        row[.target] = ScoreNumberText.plain(figure.target.value)
                        row[.completion] = ScoreNumberText.plain(figure.completion?.ratio)
                        row[.completionRule] = figure.completion?.rule.rawValue ?? ""
                        row[.tier] = figure.target.tier?.rawValue ?? ""
                        row[.targetRule] = figure.target.rule
                        row[.status] = status
                        row[.missingReason] = reason ?? ""
                    } else {
                        row[.status] = "missing"
                        row[.missingReason] = "not evaluated at the \(unit.subject.grain.rawValue) grain"
                    }
                    fillMembers(&row, unit: unit, statistics: statistics[nodePath])
                    append(row)
                case .dimension(let dimension):
                    rollupNodeRows(
                        dimension.children, path: nodePath, unit: unit, period: period, statistics: statistics,
                        figures: figures)
                    var row = base(unit.subject, period: period, kind: "dimension")
                    row[.dimension] = nodePath.joined(separator: "/")
                    row[.weight] = ScoreNumberText.plain(dimension.weight)
                    row[.status] = "ok"
                    fillMembers(&row, unit: unit, statistics: statistics[nodePath])
                    append(row)
                }
            }
        }

        func fillMembers(_ row: inout Row, unit: RollupSubject, statistics: PeerStatistics?) {
            row[.members] = String(unit.memberIDs.count)
            guard let statistics else { return }
            row[.memberScores] = String(statistics.count)
            row[.memberMean] = ScoreNumberText.plain(statistics.mean)
            row[.memberMedian] = ScoreNumberText.plain(statistics.median)
            row[.memberMin] = ScoreNumberText.plain(statistics.minimum)
            row[.memberMax] = ScoreNumberText.plain(statistics.maximum)
            row[.memberSpread] = ScoreNumberText.plain(statistics.standardDeviation)
        }
    }
}
