import YardstickData
import YardstickEngine

/// The figures of the run a scorecard reads, as numbers or reasons: one lookup per subject,
/// indicator and window, straight from the run's indexed table (no scan per subject).
struct RunValues {
    /// A figure as scoring reads it: a number, or why there is none.
    struct Figure {
        /// The value, when there is one.
        var value: Double?
        /// Why there is no value (missing, failed, not evaluated), when there is none.
        var reason: String?
    }

    /// The runs: the main one, then (without comparisons) the one of the comparison windows
    /// for target functions; a figure is looked up in each in turn.
    let reports: [RunReport]
    /// Per indicator id: why it produced no figure at all (its file did not load, its needs are
    /// not mapped), from the runs' failures for every subject.
    private let wholeRunFailures: [String: String]

    /// Indexes `reports`.
    init(_ reports: [RunReport]) {
        self.reports = reports
        var failures: [String: String] = [:]
        for report in reports {
            for failure in report.errors where failure.subjectID == nil && !failure.indicatorID.isEmpty {
                failures[failure.indicatorID] =
                    failures[failure.indicatorID] ?? "\(failure.location): \(failure.message)"
            }
        }
        wholeRunFailures = failures
    }

    /// The figure of `indicator` for `subject` over `window`.
    ///
    /// An empty window (a period not yet begun) has no values; a failed figure is missing with
    /// its error message; an indicator that never ran is missing with the reason it did not.
    func figure(_ indicator: String, of subject: SubjectKey, over window: Period) -> Figure {
        if window.isEmptyWindow {
            return Figure(
                value: nil,
                reason:
                    "no values yet: the period starts on \(CivilDate.isoString(ofDay: window.firstDay)), after the as-of day"
            )
        }
        guard
            let result = reports.lazy.compactMap({ $0.results[subject: subject, indicator: indicator, period: window] })
                .first
        else {
            return Figure(value: nil, reason: wholeRunFailures[indicator] ?? "not evaluated for \(subject)")
        }
        switch result.value {
        case .integer(let value): return Figure(value: Double(value))
        case .number(let value): return Figure(value: value)
        case .decimal(let value): return Figure(value: value.doubleValue)
        case .missing(let reason): return Figure(value: nil, reason: reason)
        case .failed(let message): return Figure(value: nil, reason: "failed: \(message)")
        }
    }
}
