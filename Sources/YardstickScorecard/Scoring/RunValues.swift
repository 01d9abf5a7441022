import YardstickData
import YardstickEngine
import YardstickLocalization

/// The figures of the runs a scorecard reads, as numbers or reasons.
///
/// Lookups are cheap by design (scoring must add little to `run`): a subject's figures over a
/// window are found with one index lookup (``row(of:over:)``), and each indicator's figure in
/// that row by the column its id has in the run, worked out once per run.
struct RunValues {
    /// A figure as scoring reads it: a number, or why there is none.
    struct Figure {
        /// The value, when there is one.
        var value: Double?
        /// Why there is no value (missing, failed, not evaluated), when there is none.
        var reason: String?
    }

    /// One subject's figures over one window, or why it has none.
    struct Row {
        /// The run that has them.
        fileprivate var run: Int
        /// Where the figures lie in the run's table, in its indicator order (a full row).
        fileprivate var positions: Range<Int>?
        /// Whether the run has the row at all (a row that is not a full one is read through the
        /// table's subscripts).
        fileprivate var exists: Bool
        /// The window, for subscript lookups.
        fileprivate var window: Period
        /// Why there are none, for every indicator (a window not begun), when so.
        fileprivate var reason: String?
        /// The subject, for the reason of a figure that is absent.
        fileprivate var subject: SubjectKey
    }

    /// The runs: the main one, then (without comparisons) the one of the comparison windows
    /// for target functions.
    let reports: [RunReport]
    /// The ids looked up, in the order callers number them.
    let ids: [String]
    /// Per run, per id (by number): its column in the run's rows, when the run has it.
    private let columns: [[Int?]]
    /// Per id (by number): why it produced no figure at all (its file did not load, its needs
    /// are not mapped), from the runs' failures for every subject.
    private let wholeRunFailures: [String?]

    /// Indexes `reports` for the indicators `ids`.
    init(_ reports: [RunReport], ids: [String]) {
        self.reports = reports
        self.ids = ids
        columns = reports.map { report in
            let numbers = Dictionary(report.results.indicatorIDs.enumerated().map { ($1, $0) }) { first, _ in first }
            return ids.map { numbers[$0] }
        }
        var failures: [String: String] = [:]
        for report in reports {
            for failure in report.errors where failure.subjectID == nil && !failure.indicatorID.isEmpty {
                failures[failure.indicatorID] =
                    failures[failure.indicatorID] ?? "\(failure.location): \(failure.message)"
            }
        }
        wholeRunFailures = ids.map { failures[$0] }
    }

    /// The figures of `subject` over `window`: from the first run that has them.
    func row(of subject: SubjectKey, over window: Period) -> Row {
        if window.isEmptyWindow {
            return Row(
                run: 0, positions: nil, exists: false, window: window,
                reason:
                    "no values yet: the period starts on \(CivilDate.isoString(ofDay: window.firstDay)), after the as-of day",
                subject: subject)
        }
        for (number, report) in reports.enumerated() {
            if let positions = report.results.fullRow(subject: subject, period: window) {
                return Row(
                    run: number, positions: positions, exists: true, window: window, reason: nil, subject: subject)
            }
            if report.results[subject: subject, period: window] != nil {
                return Row(run: number, positions: nil, exists: true, window: window, reason: nil, subject: subject)
            }
        }
        return Row(run: 0, positions: nil, exists: false, window: window, reason: nil, subject: subject)
    }

    /// The figure of the indicator numbered `index` (in ``ids``) in `row`.
    ///
    /// A failed figure is missing with its error message; an indicator that never ran is
    /// missing with the reason it did not.
    func figure(_ index: Int, in row: Row) -> Figure {
        if let reason = row.reason { return Figure(value: nil, reason: reason) }
        guard row.exists, let result = find(index, in: row) else {
            return Figure(value: nil, reason: wholeRunFailures[index] ?? "not evaluated for \(row.subject)")
        }
        switch result.value {
        case .integer(let value): return Figure(value: Double(value))
        case .number(let value): return Figure(value: value)
        case .decimal(let value): return Figure(value: value.doubleValue)
        case .missing(let reason): return Figure(value: nil, reason: reason)
        case .failed(let message): return Figure(value: nil, reason: tr("failed: %@", message))
        }
    }

    /// The figure of the indicator numbered `index` in a row: at its column when the row is a
    /// full one, else through the table's subscript.
    /// The value of the indicator at `index` in a row, without the reason when there is none
    /// (for comparisons and pipeline values, which never show it).
    func value(_ index: Int, in row: Row) -> Double? {
        guard row.reason == nil, row.exists, let result = find(index, in: row) else { return nil }
        switch result.value {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .decimal(let value): return value.doubleValue
        case .missing, .failed: return nil
        }
    }

    private func find(_ index: Int, in row: Row) -> IndicatorResult? {
        let results = reports[row.run].results
        if let positions = row.positions {
            guard let column = columns[row.run][index] else { return nil }
            let result = results[positions.lowerBound + column]
            if result.indicatorID == ids[index] { return result }
        }
        return results[subject: row.subject, indicator: ids[index], period: row.window]
    }
}
