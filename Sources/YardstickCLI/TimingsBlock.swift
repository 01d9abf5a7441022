import YardstickEngine

/// What `yardstick run --timings` prints on standard error: a readable block with the load and
/// evaluation times and how the run evaluated (figures per path, queries, discovery), then the
/// times as one JSON line for scripts (`benchmarks/run-eval-benchmark.sh` reads it).
enum TimingsBlock {
    /// The block's lines, without line ends.
    ///
    /// - Parameters:
    ///   - loadSeconds: Wall-clock seconds spent opening and loading the workspace.
    ///   - evalSeconds: Wall-clock seconds spent evaluating.
    ///   - report: The run's report; its ``RunReport/statistics`` give the paths.
    static func lines(loadSeconds: Double, evalSeconds: Double, report: RunReport) -> [String] {
        var lines: [String] = []
        let statistics = report.statistics ?? EvaluationStatistics()
        lines.append(
            "timings: load \(seconds(loadSeconds)) s, evaluation \(seconds(evalSeconds)) s"
                + " (discovery \(seconds(statistics.discoverySeconds)) s,"
                + " prefill \(seconds(statistics.prefillSeconds)) s)")
        let figures = statistics.figures
        lines.append(
            "figures: \(figures.total): \(figures.columnMode) in column mode, \(figures.prefetched) prefetched per subject,"
                + " \(figures.perSubject) per subject, \(figures.alone) alone, \(figures.notRun) not run;"
                + " \(figures.failed) failed, \(figures.stoppedByLimits) stopped by limits")
        lines.append(
            "queries: \(statistics.partitionQueries) grouped (\(statistics.partitionQueriesAhead) computed ahead,"
                + " \(statistics.discoveredQueries) discovered), \(statistics.subjectQueries) for one subject at a time"
        )
        if statistics.hostArithmeticColumns > 0 {
            lines.append(
                "column arithmetic: \(statistics.hostArithmeticColumns)"
                    + (statistics.hostArithmeticColumns == 1 ? " column" : " columns") + " computed in the host"
                    + " (+ - * / on every subject's values at once)")
        }
        let keys = statistics.keyViews
        if !keys.isEmpty {
            lines.append(
                "key views: \(keys.tablesBuilt) tables built, \(keys.tablesReused) reused;"
                    + " \(keys.periodBatches) read once for all periods, \(keys.firstDayViews) before-views from first days,"
                    + " \(keys.combinationsReused) combinations reused")
        }
        let breakdown = statistics.breakdownFigures
        if breakdown.total > 0 {
            lines.append(
                "breakdown: \(breakdown.total) figures over subject × member cells: \(breakdown.columnMode) in column mode,"
                    + " \(breakdown.perSubject + breakdown.prefetched) per cell, \(breakdown.alone) alone,"
                    + " \(breakdown.notRun) not run; \(statistics.breakdownSubjectQueries) queries for one cell at a time"
            )
        }
        if statistics.peerBinFigures > 0 {
            lines.append(
                "peer bins: \(statistics.peerBinFigures) figures binned by the host,"
                    + " \(statistics.evaluationStages) evaluation stages;"
                    + " \(statistics.deferredFigures.total) figures deferred to a later stage"
                    + " (\(statistics.deferredFigures.columnMode) in column mode)")
        }
        let ids = report.indicators.map(\.id).filter { statistics.figuresByIndicator[$0] != nil }
        if !ids.isEmpty {
            let header = ["indicator", "column mode", "prefetched", "per subject", "alone", "not run", "failed"]
            var rows = [header]
            for id in ids {
                let paths = statistics.figuresByIndicator[id] ?? FigurePaths()
                rows.append(
                    [id]
                        + [
                            paths.columnMode, paths.prefetched, paths.perSubject, paths.alone, paths.notRun,
                            paths.failed,
                        ]
                        .map(String.init))
            }
            let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { column, cell in
                    let padding = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + padding : padding + cell
                }
                lines.append("  " + cells.joined(separator: "  "))
            }
        }
        lines.append(
            "{\"load_seconds\":\(loadSeconds),\"eval_seconds\":\(evalSeconds),\"figures\":\(report.results.count)}")
        return lines
    }

    /// Seconds with three decimals.
    private static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
