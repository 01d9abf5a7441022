import Foundation
import YardstickLocalization

/// Runs that mix snapshot indicators with indicators evaluated per period.
extension Evaluator {
    /// Evaluates the period indicators in `periods` and each group of snapshot indicators in
    /// its snapshot period, and joins the reports: indicators in declaration order, the period
    /// figures first, then each snapshot's.
    ///
    /// - Throws: ``EvaluationError`` when period indicators are asked for with no period, or as
    ///   ``run(sources:periods:grains:only:)`` does.
    func runSplit(sources: [Source], groups: SnapshotGroups, periods: [Period], grains: [Grain])
        throws(EvaluationError) -> RunReport
    {
        var reports: [RunReport] = []
        var evaluated: [Period] = []
        if !groups.periodIDs.isEmpty {
            guard !periods.isEmpty else {
                throw EvaluationError(
                    groups.periodIDs.count == 1
                        ? tr("%@ is not a snapshot and needs a period (--period)", groups.periodIDs[0])
                        : tr(
                            "%@ are not snapshots and need a period (--period)",
                            groups.periodIDs.joined(separator: ", ")))
            }
            reports.append(
                try runLoaded(
                    try load(sources), sources: sources, periods: periods, grains: grains,
                    only: Set(groups.periodIDs)))
            evaluated += periods
        }
        for (day, ids) in groups.snapshots {
            var evaluator = self
            evaluator.snapshotAsOf = day
            let snapshot = Period.snapshot(asOf: day)
            reports.append(
                try evaluator.runLoaded(
                    try evaluator.load(sources), sources: sources, periods: [snapshot], grains: grains,
                    only: Set(ids)))
            evaluated.append(snapshot)
        }
        return Self.joined(reports, groups: groups, periods: evaluated, workspace: workspace.name)
    }

    /// One report from the reports of a split run.
    static func joined(_ reports: [RunReport], groups: SnapshotGroups, periods: [Period], workspace: String)
        -> RunReport
    {
        let position = Dictionary(groups.order.enumerated().map { ($1, $0) }) { first, _ in first }
        var indicators: [IndicatorInfo] = []
        var seen: Set<String> = []
        for info in reports.flatMap(\.indicators) where seen.insert(info.id).inserted { indicators.append(info) }
        indicators.sort { (position[$0.id] ?? Int.max) < (position[$1.id] ?? Int.max) }
        // Files that fail to load fail in every part: listed once.
        var errors = groups.failures
        for failure in reports.flatMap(\.errors) where !(failure.subjectID == nil && errors.contains(failure)) {
            errors.append(failure)
        }
        var limitStops: [String: Int] = [:]
        var statistics: EvaluationStatistics?
        for report in reports {
            for (id, count) in report.limitStops { limitStops[id, default: 0] += count }
            guard let added = report.statistics else { continue }
            var sum = statistics ?? EvaluationStatistics()
            sum.figuresByIndicator.merge(added.figuresByIndicator) { first, _ in first }
            sum.partitionQueries += added.partitionQueries
            sum.partitionQueriesAhead += added.partitionQueriesAhead
            sum.subjectQueries += added.subjectQueries
            sum.discoveredQueries += added.discoveredQueries
            sum.discoverySeconds += added.discoverySeconds
            sum.prefillSeconds += added.prefillSeconds
            statistics = sum
        }
        return RunReport(
            workspace: workspace,
            generatedAt: reports.first?.generatedAt ?? ISO8601DateFormatter().string(from: Date()),
            periods: periods, indicators: indicators, results: reports.flatMap { Array($0.results) }, errors: errors,
            limitStops: limitStops, statistics: statistics)
    }
}
