/// The JSON format (`json`): the whole report as pretty-printed JSON with sorted keys, in the
/// shape docs/run-output.md documents.
///
/// The writer is a pure function of the report: it reads no clock and no environment, so the same
/// report always gives the same bytes (UTF-8, LF line ends, a final newline).
public struct JSONReportWriter: ReportWriter {
    /// `json`.
    public var formatID: String { "json" }
    /// `json`.
    public var fileExtension: String { "json" }
    /// True: JSON is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The whole report, with the evaluation statistics when
    /// ``ReportWriterOptions/includesStatistics`` is set; JSON always holds the errors and is
    /// language-neutral.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(Self.text(report, statistics: options.includesStatistics).utf8)
    }

    /// The whole report as pretty-printed JSON with sorted keys: the implementation of
    /// ``write(_:options:)``.
    ///
    /// Integers and floating-point values are JSON numbers (floating-point rounded as in
    /// ``ResultValue/plainText``); exact decimals are JSON strings (`"1054.5"`) so that no
    /// reader turns money into binary floating point, as are non-finite numbers (`"NaN"`).
    /// Missing and failed values are `null` with a `reason`. Optional fields that are absent
    /// are left out rather than written as `null`.
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - statistics: Whether to add the report's ``RunReport/statistics`` as `evaluation`
    ///     (`--timings`); they hold times, so the output is then not reproducible.
    /// - Returns: The JSON text, two-space indented, ending with a newline.
    static func text(_ report: RunReport, statistics: Bool) -> String {
        var fields: [String: JSONText] = [
            "workspace": .string(report.workspace),
            "generated_at": .string(report.generatedAt),
            "periods": .array(report.periods.map(periodJSON)),
            "indicators": .array(report.indicators.map(indicatorJSON)),
            "results": .array(report.results.map(resultJSON) + report.breakdowns.map(resultJSON)),
            "errors": .array(report.errors.map(failureJSON)),
        ]
        if statistics, let evaluation = report.statistics { fields["evaluation"] = statisticsJSON(evaluation) }
        return JSONText.object(fields).rendered() + "\n"
    }

    private static func statisticsJSON(_ statistics: EvaluationStatistics) -> JSONText {
        func seconds(_ value: Double) -> JSONText { .number(ResultValue.number(value).plainText) }
        var fields: [String: JSONText] = [
            "figures": figurePathsJSON(statistics.figures),
            "figures_by_indicator": .object(statistics.figuresByIndicator.mapValues(figurePathsJSON)),
            "queries": .object([
                "grouped": .number(String(statistics.partitionQueries)),
                "grouped_ahead": .number(String(statistics.partitionQueriesAhead)),
                "one_subject": .number(String(statistics.subjectQueries)),
                "discovered": .number(String(statistics.discoveredQueries)),
            ]),
            "discovery_seconds": seconds(statistics.discoverySeconds),
            "prefill_seconds": seconds(statistics.prefillSeconds),
        ]
        if statistics.peerBinFigures > 0 {
            fields["peer_bins"] = .object([
                "figures": .number(String(statistics.peerBinFigures)),
                "stages": .number(String(statistics.evaluationStages)),
                "deferred": figurePathsJSON(statistics.deferredFigures),
            ])
        }
        if statistics.hostArithmeticColumns > 0 {
            fields["host_arithmetic_columns"] = .number(String(statistics.hostArithmeticColumns))
        }
        let keys = statistics.keyViews
        if !keys.isEmpty {
            fields["key_views"] = .object([
                "tables_built": .number(String(keys.tablesBuilt)),
                "tables_reused": .number(String(keys.tablesReused)),
                "period_batches": .number(String(keys.periodBatches)),
                "first_day_views": .number(String(keys.firstDayViews)),
                "combinations_reused": .number(String(keys.combinationsReused)),
            ])
        }
        fields.merge(breakdownStatisticsJSON(statistics)) { first, _ in first }
        return .object(fields)
    }

    /// The breakdown's figures and one-subject queries, only when the run broke figures down.
    private static func breakdownStatisticsJSON(_ statistics: EvaluationStatistics) -> [String: JSONText] {
        guard statistics.breakdownFigures.total > 0 else { return [:] }
        return [
            "breakdown_figures": figurePathsJSON(statistics.breakdownFigures),
            "breakdown_one_subject_queries": .number(String(statistics.breakdownSubjectQueries)),
        ]
    }

    private static func figurePathsJSON(_ paths: FigurePaths) -> JSONText {
        .object([
            "column_mode": .number(String(paths.columnMode)), "prefetched": .number(String(paths.prefetched)),
            "per_subject": .number(String(paths.perSubject)), "alone": .number(String(paths.alone)),
            "not_run": .number(String(paths.notRun)), "failed": .number(String(paths.failed)),
            "stopped_by_limits": .number(String(paths.stoppedByLimits)), "total": .number(String(paths.total)),
        ])
    }

    private static func periodJSON(_ period: Period) -> JSONText {
        .object([
            "label": .string(period.label), "kind": .string(period.kind.rawValue),
            "start": .string(period.firstDate), "end": .string(period.lastDate),
        ])
    }

    private static func indicatorJSON(_ info: IndicatorInfo) -> JSONText {
        var fields: [String: JSONText] = [
            "id": .string(info.id), "title": .string(info.title), "unit": .string(info.unit.rawValue),
            "better": .string(info.better.rawValue), "description": .string(info.description),
            "source_file": .string(info.sourceFile),
        ]
        if let titleZH = info.titleZH { fields["title_zh"] = .string(titleZH) }
        return .object(fields)
    }

    /// A result row's fields, built in key order (no dictionary to hash and sort per row).
    private static func resultJSON(_ result: IndicatorResult) -> JSONText {
        var fields: [(String, JSONText)] = [
            ("grain", .string(result.grain.rawValue)), ("indicator", .string(result.indicatorID)),
            ("period", .string(result.period.label)),
        ]
        let value: JSONText
        switch result.value {
        case .integer(let number): value = .number(String(number))
        case .number(let number):
            let text = result.value.writtenText
            value = number.isFinite ? .number(text) : .string(text)
        case .decimal(let decimal): value = .string(decimal.description)
        case .missing(let reason), .failed(let reason):
            value = .null
            fields.append(("reason", .string(reason)))
        }
        fields += [
            ("status", .string(result.value.status.rawValue)), ("subject_id", .string(result.subjectID)),
            ("subject_name", .string(result.subjectName)), ("unit", .string(result.unit.rawValue)), ("value", value),
        ]
        if let breakdown = result.breakdown {
            fields += [("dimension", .string(breakdown.dimension)), ("member", .string(breakdown.member))]
            if let months = breakdown.monthsSince { fields.append(("months_since", .number(String(months)))) }
            fields.sort { $0.0 < $1.0 }
        }
        return .orderedObject(fields)
    }

    private static func failureJSON(_ failure: IndicatorFailure) -> JSONText {
        var fields: [String: JSONText] = [
            "indicator": .string(failure.indicatorID), "message": .string(failure.message),
            "file": .string(failure.file),
        ]
        if let subjectID = failure.subjectID { fields["subject_id"] = .string(subjectID) }
        if let periodLabel = failure.periodLabel { fields["period"] = .string(periodLabel) }
        if let line = failure.line { fields["line"] = .number(String(line)) }
        return .object(fields)
    }
}
