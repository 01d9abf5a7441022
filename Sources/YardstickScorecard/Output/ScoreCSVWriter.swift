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
        let parts = chunks(report)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }

    /// The report's CSV in pieces, in order: the header, then each period's rows. Joined, they
    /// are ``write(_:locale:)``'s bytes; a caller writing a file writes them one after another
    /// instead (`AtomicFile.write(chunks:to:)`), so the whole CSV — tens of megabytes for a
    /// range of months — is never copied into one buffer.
    ///
    /// - Parameter report: The score report.
    /// - Returns: The header, then one chunk per period.
    package func chunks(_ report: ScoreReport) -> [[UInt8]] {
        let facts = ScoreFacts(report)
        // Periods are written side by side, each into its own buffer.
        let parts = ConcurrentMap.map(report.periods.count) { index in
            let period = report.periods[index]
            var output = Output(facts: facts)
            var window: [UInt8] = []
            CSVReportWriter.appendField(period.window.firstDate + ".." + period.window.lastDate, to: &window)
            output.window = window
            for (position, subject) in period.subjects.enumerated() {
                output.subjectRows(subject, period: period)
                // The first subject's rows tell the period's size: grown once, not doubled
                // over and over (each doubling copies the buffer and touches new pages).
                if position == 0 { output.reserve(timesFirst: period.subjects.count + period.rollups.count) }
            }
            for unit in period.rollups { output.rollupRows(unit, period: period) }
            return output.bytes
        }
        return [Array((ScoreCSVColumn.header + "\n").utf8)] + parts
    }
}

extension ScoreCSVWriter {
    /// The CSV being written: rows are filled cell by cell in one reused ``ScoreCSVRow`` and
    /// appended to ``bytes``.
    struct Output {
        let facts: ScoreFacts
        var bytes: [UInt8] = []
        /// The current period's window as the `window` column writes it, escaped (computed once
        /// per period, not per row).
        var window: [UInt8] = []
        /// The row being filled.
        private var row = ScoreCSVRow()
        /// The cells of each leaf of the model that are the same for every subject, escaped once,
        /// in depth-first order (the order of every subject's tree).
        private let leaves: [LeafCells]
        /// The position in ``leaves`` of the next indicator row of the current subject.
        private var nextLeaf = 0

        /// An empty buffer (the header is written once, by ``ScoreCSVWriter/write(_:locale:)``).
        init(facts: ScoreFacts) {
            self.facts = facts
            leaves = facts.report.definition.model.indicatorPaths.map { leaf in
                LeafCells(
                    path: leaf.path, indicatorID: leaf.indicator.id, function: leaf.indicator.function.name,
                    policy: facts.declaredPolicies[leaf.path] ?? .countAsZero)
            }
        }

        /// The shared cells of an indicator row: the next leaf's when the subject's tree follows
        /// the model (always, for a scored subject), else worked out for this row.
        private mutating func leafCells(of indicator: IndicatorScore) -> LeafCells {
            defer { nextLeaf += 1 }
            if nextLeaf < leaves.count, leaves[nextLeaf].path == indicator.path { return leaves[nextLeaf] }
            return LeafCells(
                path: indicator.path, indicatorID: indicator.indicatorID, function: indicator.function.name,
                policy: facts.declaredPolicy(of: indicator))
        }

        private mutating func finishRow() { row.write(to: &bytes) }

        /// Reserves room for `count` times the bytes written so far, and a tenth more (subjects'
        /// rows differ a little in length: names, reasons).
        mutating func reserve(timesFirst count: Int) {
            bytes.reserveCapacity(bytes.count * count + bytes.count * count / 10)
        }

        /// The cells every row of a subject in a period shares, escaped once.
        private func shared(_ subject: SubjectInfo, period: PeriodScores, peerGroup: String) -> ScoreCSVSharedCells {
            ScoreCSVSharedCells(
                subject: subject, period: period.period.label, model: facts.report.definition.id, window: window,
                peerGroup: peerGroup)
        }

        // MARK: The model's subjects

        mutating func subjectRows(_ subject: ScoredSubject, period: PeriodScores) {
            let cells = shared(subject.subject, period: period, peerGroup: subject.peerGroup)
            nextLeaf = 0
            nodeRows(subject.scorecard.nodes, subject: subject, period: period, cells: cells)
            cells.start(&row, kind: "total", withPeerGroup: true)
            let scorecard = subject.scorecard
            row.set(.total, scorecard.total)
            row.set(.grade, scorecard.grade ?? "")
            row.set(.rank, scorecard.rank)
            row.set(.distributedGrade, scorecard.distributedGrade ?? "")
            row.set(.status, ScoreFacts.status(of: scorecard.status))
            row.set(.cap, facts.report.definition.model.cap)
            switch scorecard.status {
            case .complete: break
            case .incomplete:
                let missing = scorecard.missingIndicators.filter { $0.policy == .markIncomplete }
                row.set(
                    .missingReason,
                    "incomplete: no score for " + missing.map { $0.path.joined(separator: "/") }.joined(separator: ", ")
                )
            case .noScores: row.set(.missingReason, "no indicator has a score")
            }
            finishRow()
        }

        mutating func nodeRows(
            _ nodes: [NodeScore], subject: ScoredSubject, period: PeriodScores, cells: ScoreCSVSharedCells
        ) {
            for node in nodes {
                switch node {
                case .indicator(let indicator): indicatorRow(indicator, subject: subject, period: period, cells: cells)
                case .dimension(let dimension):
                    nodeRows(dimension.children, subject: subject, period: period, cells: cells)
                    dimensionRow(dimension, cells: cells)
                }
            }
        }

        mutating func indicatorRow(
            _ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores, cells: ScoreCSVSharedCells
        ) {
            cells.start(&row, kind: "indicator", withPeerGroup: true)
            let leaf = leafCells(of: indicator)
            let id = indicator.indicatorID
            let (status, reason) = facts.status(of: indicator, in: subject, period: period)
            let target = subject.targets[id]
            row.set(.dimension, escaped: leaf.dimension)
            row.set(.indicator, escaped: leaf.indicator)
            row.set(.value, indicator.value)
            row.set(.target, indicator.target)
            row.set(.completion, indicator.completion?.ratio)
            row.set(.completionRule, indicator.completion?.rule.rawValue ?? "")
            row.set(.score, indicator.outcome.score)
            row.set(.weight, indicator.declaredWeight)
            row.set(.share, indicator.share)
            row.set(.totalShare, indicator.totalShare)
            row.set(.contribution, indicator.contribution)
            row.set(.status, status)
            row.set(.tier, target?.tier?.rawValue ?? "")
            row.set(.targetRule, target?.rule ?? "")
            row.set(.function, escaped: leaf.function)
            row.set(.policy, escaped: leaf.policy)
            row.set(.policyApplied, indicator.appliedPolicy?.rawValue ?? "")
            row.set(.cap, indicator.cap)
            // Without comparisons (`--no-comparisons`) or pipeline indicators these are empty:
            // no lookup per row.
            if !subject.comparisons.isEmpty, let comparison = subject.comparisons[id] {
                row.set(.previous, comparison.previous)
                row.set(.changePrevious, comparison.changeFromPrevious)
                row.set(.lastYear, comparison.lastYear)
                row.set(.changeLastYear, comparison.changeFromLastYear)
            }
            if !subject.pipeline.isEmpty { row.set(.pipeline, subject.pipeline[id]) }
            row.set(.missingReason, reason ?? "")
            finishRow()
        }

        mutating func dimensionRow(_ dimension: DimensionScore, cells: ScoreCSVSharedCells) {
            cells.start(&row, kind: "dimension", withPeerGroup: true)
            row.set(.dimension, dimension.path.joined(separator: "/"))
            row.set(.score, dimension.score)
            row.set(.weight, dimension.declaredWeight)
            row.set(.share, dimension.share)
            row.set(.totalShare, dimension.totalShare)
            row.set(.contribution, dimension.contribution)
            row.set(.status, ScoreFacts.status(of: dimension))
            row.set(.policyApplied, dimension.appliedPolicy?.rawValue ?? "")
            if dimension.score == nil { row.set(.missingReason, "every indicator below it was left out") }
            finishRow()
        }

        // MARK: Rollup subjects

        mutating func rollupRows(_ unit: RollupSubject, period: PeriodScores) {
            let statistics = Dictionary(
                unit.nodeStatistics.map { ($0.path, $0.statistics) }, uniquingKeysWith: { first, _ in first })
            let figures = Dictionary(unit.figures.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first })
            let cells = shared(unit.subject, period: period, peerGroup: "")
            rollupNodeRows(
                facts.report.definition.model.children, path: [], unit: unit, period: period,
                statistics: statistics, figures: figures, cells: cells)
            cells.start(&row, kind: "total", withPeerGroup: false)
            row.set(.status, "ok")
            fillMembers(unit: unit, statistics: unit.totalStatistics)
            finishRow()
        }

        mutating func rollupNodeRows(
            _ nodes: [ScorecardNode], path: [String], unit: RollupSubject, period: PeriodScores,
            statistics: [[String]: PeerStatistics], figures: [String: RollupFigure], cells: ScoreCSVSharedCells
        ) {
            for node in nodes {
                let nodePath = path + [node.id]
                switch node {
                case .indicator(let indicator):
                    cells.start(&row, kind: "indicator", withPeerGroup: false)
                    row.set(.dimension, path.joined(separator: "/"))
                    row.set(.indicator, indicator.id)
                    row.set(.weight, indicator.weight)
                    row.set(.policy, indicator.missingPolicy.rawValue)
                    row.set(.function, indicator.function.name)
                    if let figure = figures[indicator.id] {
                        let (status, reason) = facts.status(of: figure, in: unit, period: period)
                        row.set(.value, figure.value)
                        row.set(.target, figure.target.value)
                        row.set(.completion, figure.completion?.ratio)
                        row.set(.completionRule, figure.completion?.rule.rawValue ?? "")
                        row.set(.tier, figure.target.tier?.rawValue ?? "")
                        row.set(.targetRule, figure.target.rule)
                        row.set(.status, status)
                        row.set(.missingReason, reason ?? "")
                    } else {
                        row.set(.status, "missing")
                        row.set(.missingReason, "not evaluated at the \(unit.subject.grain.rawValue) grain")
                    }
                    fillMembers(unit: unit, statistics: statistics[nodePath])
                    finishRow()
                case .dimension(let dimension):
                    rollupNodeRows(
                        dimension.children, path: nodePath, unit: unit, period: period, statistics: statistics,
                        figures: figures, cells: cells)
                    cells.start(&row, kind: "dimension", withPeerGroup: false)
                    row.set(.dimension, nodePath.joined(separator: "/"))
                    row.set(.weight, dimension.weight)
                    row.set(.status, "ok")
                    fillMembers(unit: unit, statistics: statistics[nodePath])
                    finishRow()
                }
            }
        }

        private mutating func fillMembers(unit: RollupSubject, statistics: PeerStatistics?) {
            row.set(.members, unit.memberIDs.count)
            guard let statistics else { return }
            row.set(.memberScores, statistics.count)
            row.set(.memberMean, statistics.mean)
            row.set(.memberMedian, statistics.median)
            row.set(.memberMin, statistics.minimum)
            row.set(.memberMax, statistics.maximum)
            row.set(.memberSpread, statistics.standardDeviation)
        }
    }
}

extension ScoreCSVWriter.Output {
    /// The cells of a leaf's rows that do not depend on the subject, escaped.
    struct LeafCells {
        let path: [String]
        let dimension: [UInt8]
        let indicator: [UInt8]
        let function: [UInt8]
        let policy: [UInt8]

        init(path: [String], indicatorID: String, function: String, policy: MissingValuePolicy) {
            func escaped(_ text: String) -> [UInt8] {
                var bytes: [UInt8] = []
                CSVReportWriter.appendField(text, to: &bytes)
                return bytes
            }
            self.path = path
            dimension = escaped(path.dropLast().joined(separator: "/"))
            indicator = escaped(indicatorID)
            self.function = escaped(function)
            self.policy = escaped(policy.rawValue)
        }
    }
}
