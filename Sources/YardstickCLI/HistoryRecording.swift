import YardstickData
import YardstickEngine
import YardstickSQLite
import YardstickScorecard

/// What `run --record` and `score --record` write to the workspace's history.
enum HistoryRecording {
    /// Records a run's figures (one per subject, indicator and period; breakdown cells are not
    /// recorded).
    ///
    /// - Throws: ``CommandFailure`` of kind `output` when the history cannot be written.
    static func record(_ report: RunReport, workspace directory: String) throws(CommandFailure) {
        let results = report.results.map { figure in
            HistoryResult(
                period: figure.period.label, periodStart: CivilDate.isoString(ofDay: figure.period.firstDay),
                periodEnd: CivilDate.isoString(ofDay: figure.period.lastDay), grain: figure.grain.rawValue,
                subject: figure.subjectID, subjectName: figure.subjectName, indicator: figure.indicatorID,
                status: figure.value.status.rawValue, value: number(figure.value),
                valueText: figure.value.plainText, reason: figure.value.reason, unit: figure.unit.rawValue)
        }
        try write(HistoryRun(command: "run"), results, workspace: directory)
    }

    /// Records a score report: each scored subject's indicator values with their scores, and
    /// its total under ``HistoryStore/totalIndicator``.
    ///
    /// - Throws: ``CommandFailure`` of kind `output` when the history cannot be written.
    static func record(_ report: ScoreReport, workspace directory: String) throws(CommandFailure) {
        var results: [HistoryResult] = []
        let units = Dictionary(report.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        for period in report.periods {
            let label = period.period.label
            let start = CivilDate.isoString(ofDay: period.period.firstDay)
            let end = CivilDate.isoString(ofDay: period.period.lastDay)
            for scored in period.subjects {
                let subject = scored.subject
                for indicator in scored.scorecard.indicators {
                    let reason = indicator.value == nil ? scored.missingValueReasons[indicator.indicatorID] : nil
                    results.append(
                        HistoryResult(
                            period: label, periodStart: start, periodEnd: end, grain: subject.grain.rawValue,
                            subject: subject.id, subjectName: subject.name, indicator: indicator.indicatorID,
                            status: indicator.value == nil ? "missing" : "ok", value: indicator.value, reason: reason,
                            score: indicator.countedScore, unit: units[indicator.indicatorID]?.rawValue))
                }
                let total = scored.scorecard.total
                results.append(
                    HistoryResult(
                        period: label, periodStart: start, periodEnd: end, grain: subject.grain.rawValue,
                        subject: subject.id, subjectName: subject.name, indicator: HistoryStore.totalIndicator,
                        status: total == nil ? "missing" : "ok", value: total, score: total))
            }
        }
        let run = HistoryRun(
            command: "score", model: report.definition.id, modelVersion: report.definition.version ?? "")
        try write(run, results, workspace: directory)
    }

    /// The totals a model's earlier recorded scorings gave each subject, oldest period first, for
    /// the HTML report's trend charts: empty when the workspace has no history (or it cannot be
    /// read: the report is still written, without trends). Of several recordings of one period
    /// (model versions), the latest counts.
    static func trends(model: String, workspace directory: String) -> ScoreTrends {
        guard let store = try? HistoryStore.existing(path: HistoryStore.path(ofWorkspace: directory)),
            let points = try? store.results(
                matching: HistoryQuery(indicator: HistoryStore.totalIndicator, model: model))
        else { return ScoreTrends() }
        struct Period: Hashable {
            let grain: String
            let subject: String
            let label: String
        }
        var latest: [Period: HistoryPoint] = [:]
        for point in points {
            let key = Period(grain: point.result.grain, subject: point.result.subject, label: point.result.period)
            if let known = latest[key], known.recordedAt > point.recordedAt { continue }
            latest[key] = point
        }
        var series: [SubjectKey: [(start: String, point: ScoreTrendPoint)]] = [:]
        for (key, point) in latest {
            guard let grain = Grain(rawValue: key.grain) else { continue }
            series[SubjectKey(grain, key.subject), default: []].append(
                (point.result.periodStart, ScoreTrendPoint(periodLabel: key.label, total: point.result.value)))
        }
        return ScoreTrends(series.mapValues { $0.sorted { $0.start < $1.start }.map(\.point) })
    }

    private static func write(_ run: HistoryRun, _ results: [HistoryResult], workspace directory: String)
        throws(CommandFailure)
    {
        do {
            try HistoryStore(path: HistoryStore.path(ofWorkspace: directory)).record(run, results: results)
        } catch {
            throw CommandFailure(.output, cause: error)
        }
    }

    /// A present value as a number.
    private static func number(_ value: ResultValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        case .decimal(let decimal): decimal.doubleValue
        case .missing, .failed: nil
        }
    }
}
