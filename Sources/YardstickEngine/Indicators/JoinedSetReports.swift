import Foundation

/// The reports of indicator sets evaluated apart, put together into one as they come, with
/// each set's ids qualified by the set (see ``Evaluator/run(_:periods:grains:)``).
struct JoinedSetReports {
    var generatedAt: String?
    var indicators: [IndicatorInfo] = []
    var tables: [ResultTable] = []
    var breakdowns: [IndicatorResult] = []
    var errors: [IndicatorFailure] = []
    var limitStops: [String: Int] = [:]
    var statistics: EvaluationStatistics?

    /// The joined report: each subject's row holds the sets' indicators set by set.
    ///
    /// - Parameters:
    ///   - workspace: The workspace's name.
    ///   - periods: The periods evaluated, in the order requested.
    func report(workspace: String, periods: [Period]) -> RunReport {
        var report = RunReport(
            workspace: workspace, generatedAt: generatedAt ?? ISO8601DateFormatter().string(from: Date()),
            periods: periods, indicators: indicators, results: ResultTable.joiningIndicators(of: tables),
            errors: errors, limitStops: limitStops, statistics: statistics)
        report.breakdowns = breakdowns
        return report
    }

    /// Adds one set's report, its ids qualified by the set.
    mutating func add(_ report: RunReport, of set: IndicatorSet) {
        let qualified = set.qualifiedID
        generatedAt = generatedAt ?? report.generatedAt
        indicators += report.indicators.map { info in
            var info = info
            info.id = qualified(info.id)
            return info
        }
        tables.append(set.isWorkspaceSet ? report.results : report.results.renamingIndicators(qualified))
        breakdowns += report.breakdowns.map { figure in
            var figure = figure
            if !set.isWorkspaceSet { figure.indicatorID = qualified(figure.indicatorID) }
            return figure
        }
        errors += report.errors.map { failure in
            var failure = failure
            // Load errors name no indicator; they stay as they are.
            if !failure.indicatorID.isEmpty { failure.indicatorID = qualified(failure.indicatorID) }
            return failure
        }
        for (id, count) in report.limitStops { limitStops[qualified(id), default: 0] += count }
        if let added = report.statistics {
            var sum = statistics ?? EvaluationStatistics()
            for (id, paths) in added.figuresByIndicator {
                sum.figuresByIndicator[qualified(id)] = paths
            }
            sum.partitionQueries += added.partitionQueries
            sum.partitionQueriesAhead += added.partitionQueriesAhead
            sum.subjectQueries += added.subjectQueries
            sum.discoveredQueries += added.discoveredQueries
            sum.discoverySeconds += added.discoverySeconds
            sum.prefillSeconds += added.prefillSeconds
            sum.breakdownFigures = sum.breakdownFigures + added.breakdownFigures
            sum.breakdownSubjectQueries += added.breakdownSubjectQueries
            statistics = sum
        }
    }
}
