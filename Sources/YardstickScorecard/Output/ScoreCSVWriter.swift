import Foundation
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
        var bytes: [UInt8] = []
        _ = write(report) { piece in
            bytes += piece
            return true
        }
        return bytes
    }

    /// The report's CSV in pieces, in order: the header, then each period's rows. Joined, they
    /// are ``write(_:locale:)``'s bytes.
    ///
    /// - Parameter report: The score report.
    /// - Returns: The header, then one chunk per period.
    package func chunks(_ report: ScoreReport) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        _ = write(report) { piece in
            chunks.append(piece)
            return true
        }
        return chunks
    }

    /// Writes the report's CSV to `sink` in pieces, in order — the header, then each period's
    /// rows — so that a caller writing a file (`AtomicFile.write(to:streaming:)`) never holds the
    /// whole CSV, tens of megabytes for a range of months, in memory.
    ///
    /// Periods are written side by side, as many at a time as there are cores, each into a
    /// buffer that is handed to `sink` and then reused for a later period: the memory the CSV
    /// takes is a few periods' rows, however many periods the report has.
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - sink: Takes each piece (only for the duration of the call); returns false to stop.
    /// - Returns: False when `sink` stopped the writing, else true.
    package func write(_ report: ScoreReport, to sink: ([UInt8]) -> Bool) -> Bool {
        write(report, sideBySide: ProcessInfo.processInfo.activeProcessorCount, to: sink).completed
    }

    /// ``write(_:to:)`` with `sideBySide` periods at a time, and what writing took
    /// (``Statistics``), for the tests that pin the writer's fast paths.
    func write(_ report: ScoreReport, sideBySide: Int, to sink: ([UInt8]) -> Bool) -> (
        completed: Bool, statistics: Statistics
    ) {
        var statistics = Statistics()
        guard sink(Array((ScoreCSVColumn.header + "\n").utf8)) else { return (false, statistics) }
        let facts = ScoreFacts(report)
        let buffers = (0..<max(1, min(sideBySide, report.periods.count))).map { _ in PeriodBuffer() }
        statistics.periodBuffers = buffers.count
        var first = 0
        while first < report.periods.count {
            let start = first
            let count = min(buffers.count, report.periods.count - start)
            _ = ConcurrentMap.map(count) { slot in
                buffers[slot].fill(with: report.periods[start + slot], facts: facts)
            }
            for slot in 0..<count {
                statistics.add(buffers[slot].statistics)
                guard sink(buffers[slot].bytes) else { return (false, statistics) }
            }
            first += count
        }
        return (true, statistics)
    }

    /// ``chunks(_:)`` and what writing them took.
    func chunksAndStatistics(_ report: ScoreReport, sideBySide: Int = 2) -> (
        chunks: [[UInt8]], statistics: Statistics
    ) {
        var chunks: [[UInt8]] = []
        let (_, statistics) = write(report, sideBySide: sideBySide) { piece in
            chunks.append(piece)
            return true
        }
        return (chunks, statistics)
    }

    /// One period's rows, in a buffer reused from period to period (its capacity kept). Each
    /// buffer is filled by one thread at a time and read once that fill is over.
    final class PeriodBuffer: @unchecked Sendable {
        /// The last period's rows.
        private(set) var bytes: [UInt8] = []
        /// What writing them took.
        private(set) var statistics = Statistics()
        /// How many periods were written into this buffer.
        private(set) var fills = 0

        /// Replaces the buffer's content with `period`'s rows.
        func fill(with period: PeriodScores, facts: ScoreFacts) {
            var output = Output(facts: facts)
            bytes.removeAll(keepingCapacity: true)
            // Moved, not copied: the output's appends find the buffer uniquely referenced.
            output.bytes = bytes
            bytes = []
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
            bytes = output.bytes
            output.bytes = []
            fills += 1
            statistics = output.statistics
            statistics.reusedBuffers = fills > 1 ? 1 : 0
        }
    }

    /// How a CSV was written: how many indicator rows took the direct path (``ScoreCSVLine``:
    /// every one, for a report of scored subjects) and how often a fraction's text came from
    /// the ``ScoreNumberCache``.
    struct Statistics: Sendable, Equatable {
        /// Indicator rows written cell by cell straight into the output.
        var directIndicatorRows = 0
        /// Dimension rows written cell by cell straight into the output.
        var directDimensionRows = 0
        /// The period buffers the rows were written into (reused from period to period).
        var periodBuffers = 0
        /// Periods written into a buffer an earlier period had used.
        var reusedBuffers = 0
        /// Fractions whose text was found in the cache.
        var numberCacheHits = 0
        /// Fractions formatted (not found in the cache).
        var numberCacheMisses = 0

        mutating func add(_ other: Statistics) {
            directIndicatorRows += other.directIndicatorRows
            directDimensionRows += other.directDimensionRows
            reusedBuffers += other.reusedBuffers
            numberCacheHits += other.numberCacheHits
            numberCacheMisses += other.numberCacheMisses
        }
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
        /// How many indicator rows were written directly.
        private var directIndicatorRows = 0
        /// How many dimension rows were written directly.
        private var directDimensionRows = 0
        /// The model's dimensions in row order, their cells escaped once (``dimensionCell(_:)``).
        private let dimensions: [(path: [String], cell: [UInt8])]
        /// The position in ``dimensions`` of the next dimension row of the current subject.
        private var nextDimension = 0

        /// What writing took so far.
        var statistics: Statistics {
            Statistics(
                directIndicatorRows: directIndicatorRows, directDimensionRows: directDimensionRows,
                numberCacheHits: row.numbers.hits, numberCacheMisses: row.numbers.misses)
        }

        /// An empty buffer (the header is written once, by ``ScoreCSVWriter/write(_:locale:)``).
        init(facts: ScoreFacts) {
            self.facts = facts
            leaves = facts.report.definition.model.indicatorPaths.map { leaf in
                LeafCells(
                    path: leaf.path, indicatorID: leaf.indicator.id, function: leaf.indicator.function.name,
                    policy: facts.declaredPolicies[leaf.path] ?? .countAsZero)
            }
            dimensions = Self.dimensions(facts.report.definition.model.children, prefix: [])
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
            nextDimension = 0
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

        /// An indicator row, written cell by cell in column order straight into ``bytes``
        /// (``ScoreCSVLine``): the subject's cells and the leaf's come as blocks escaped once.
        mutating func indicatorRow(
            _ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores, cells: ScoreCSVSharedCells
        ) {
            let leaf = leafCells(of: indicator)
            let id = indicator.indicatorID
            let (status, reason) = facts.status(of: indicator, in: subject, period: period)
            let target = subject.targets[id]
            let completion = indicator.completion
            var line = ScoreCSVLine()
            line.block(cells.prefix, from: .period, through: .model, in: &bytes)
            line.block(leaf.dimensionAndIndicator, from: .dimension, through: .indicator, in: &bytes)
            line.number(indicator.value, at: .value, in: &bytes, cache: &row.numbers)
            line.number(indicator.target, at: .target, in: &bytes, cache: &row.numbers)
            line.number(completion?.ratio, at: .completion, in: &bytes, cache: &row.numbers)
            line.number(indicator.outcome.score, at: .score, in: &bytes, cache: &row.numbers)
            line.number(indicator.declaredWeight, at: .weight, in: &bytes, cache: &row.numbers)
            line.number(indicator.contribution, at: .contribution, in: &bytes, cache: &row.numbers)
            line.text(status, at: .status, in: &bytes)
            line.escaped(Self.indicatorKind, at: .rowKind, in: &bytes)
            line.escaped(cells.peerGroup, at: .peerGroup, in: &bytes)
            line.text(target?.tier?.rawValue ?? "", at: .tier, in: &bytes)
            line.text(target?.rule ?? "", at: .targetRule, in: &bytes)
            line.block(leaf.functionAndPolicy, from: .function, through: .policy, in: &bytes)
            line.text(indicator.appliedPolicy?.rawValue ?? "", at: .policyApplied, in: &bytes)
            line.number(indicator.share, at: .share, in: &bytes, cache: &row.numbers)
            line.number(indicator.totalShare, at: .totalShare, in: &bytes, cache: &row.numbers)
            line.number(indicator.cap, at: .cap, in: &bytes, cache: &row.numbers)
            line.text(completion?.rule.rawValue ?? "", at: .completionRule, in: &bytes)
            line.escaped(window, at: .window, in: &bytes)
            // Without comparisons (`--no-comparisons`) or pipeline indicators these are empty:
            // no lookup per row.
            if !subject.comparisons.isEmpty, let comparison = subject.comparisons[id] {
                line.number(comparison.previous, at: .previous, in: &bytes, cache: &row.numbers)
                line.number(comparison.changeFromPrevious, at: .changePrevious, in: &bytes, cache: &row.numbers)
                line.number(comparison.lastYear, at: .lastYear, in: &bytes, cache: &row.numbers)
                line.number(comparison.changeFromLastYear, at: .changeLastYear, in: &bytes, cache: &row.numbers)
            }
            if !subject.pipeline.isEmpty {
                line.number(subject.pipeline[id], at: .pipeline, in: &bytes, cache: &row.numbers)
            }
            line.text(reason ?? "", at: .missingReason, in: &bytes)
            line.end(in: &bytes)
            directIndicatorRows += 1
        }

        /// The `row_kind` of an indicator row.
        private static let indicatorKind = Array("indicator".utf8)

        /// A dimension row, written directly as an indicator row is (``ScoreCSVLine``).
        mutating func dimensionRow(_ dimension: DimensionScore, cells: ScoreCSVSharedCells) {
            var line = ScoreCSVLine()
            line.block(cells.prefix, from: .period, through: .model, in: &bytes)
            line.escaped(dimensionCell(dimension.path), at: .dimension, in: &bytes)
            line.number(dimension.score, at: .score, in: &bytes, cache: &row.numbers)
            line.number(dimension.declaredWeight, at: .weight, in: &bytes, cache: &row.numbers)
            line.number(dimension.contribution, at: .contribution, in: &bytes, cache: &row.numbers)
            line.text(ScoreFacts.status(of: dimension), at: .status, in: &bytes)
            line.escaped(Self.dimensionKind, at: .rowKind, in: &bytes)
            line.escaped(cells.peerGroup, at: .peerGroup, in: &bytes)
            line.text(dimension.appliedPolicy?.rawValue ?? "", at: .policyApplied, in: &bytes)
            line.number(dimension.share, at: .share, in: &bytes, cache: &row.numbers)
            line.number(dimension.totalShare, at: .totalShare, in: &bytes, cache: &row.numbers)
            line.escaped(window, at: .window, in: &bytes)
            if dimension.score == nil {
                line.text("every indicator below it was left out", at: .missingReason, in: &bytes)
            }
            line.end(in: &bytes)
            directDimensionRows += 1
        }

        /// The `row_kind` of a dimension row.
        private static let dimensionKind = Array("dimension".utf8)

        /// The escaped `dimension` cell of a dimension's path (`sales/pipeline`): the next
        /// dimension's of the model, joined and escaped once, when the subject's tree follows the
        /// model (always, for a scored subject), else worked out for this row.
        private mutating func dimensionCell(_ path: [String]) -> [UInt8] {
            defer { nextDimension += 1 }
            if nextDimension < dimensions.count, dimensions[nextDimension].path == path {
                return dimensions[nextDimension].cell
            }
            return Self.dimensionCell(path)
        }

        /// A dimension path's `dimension` cell, escaped.
        private static func dimensionCell(_ path: [String]) -> [UInt8] {
            var cell: [UInt8] = []
            CSVReportWriter.appendField(path.joined(separator: "/"), to: &cell)
            return cell
        }

        /// The model's dimensions in the order their rows come (each after its children), with
        /// their escaped cells.
        private static func dimensions(_ nodes: [ScorecardNode], prefix: [String]) -> [(path: [String], cell: [UInt8])]
        {
            var result: [(path: [String], cell: [UInt8])] = []
            for case .dimension(let dimension) in nodes {
                let path = prefix + [dimension.id]
                result += dimensions(dimension.children, prefix: path)
                result.append((path, dimensionCell(path)))
            }
            return result
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
    /// The cells of a leaf's rows that do not depend on the subject, escaped and joined once (a
    /// class: handed to every row of the leaf without copying its buffers).
    final class LeafCells {
        let path: [String]
        /// The `dimension` and `indicator` cells, joined by a comma.
        let dimensionAndIndicator: [UInt8]
        /// The `function` and `policy` cells, joined by a comma.
        let functionAndPolicy: [UInt8]

        init(path: [String], indicatorID: String, function: String, policy: MissingValuePolicy) {
            func escaped(_ text: String) -> [UInt8] {
                var bytes: [UInt8] = []
                CSVReportWriter.appendField(text, to: &bytes)
                return bytes
            }
            self.path = path
            dimensionAndIndicator =
                escaped(path.dropLast().joined(separator: "/")) + [UInt8(ascii: ",")]
                + escaped(indicatorID)
            functionAndPolicy = escaped(function) + [UInt8(ascii: ",")] + escaped(policy.rawValue)
        }
    }
}
