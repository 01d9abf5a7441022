import YardstickData

/// The terminal table format (`table`): one aligned table per period and grain, then the errors.
///
/// The writer is a pure function of the report: it reads no clock and no environment, so the same
/// report always gives the same bytes (UTF-8, LF line ends, a final newline).
public struct TableReportWriter: ReportWriter {
    /// `table`.
    public var formatID: String { "table" }
    /// `txt`.
    public var fileExtension: String { "txt" }
    /// True: the table is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The report as tables in ``ReportWriterOptions/locale``, with the errors when
    /// ``ReportWriterOptions/includesErrors`` is set.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(Self.text(report, locale: options.locale, errors: options.includesErrors).utf8)
    }

    /// The report as tables for a terminal, then a list of errors: the implementation of
    /// ``write(_:options:)``.
    ///
    /// There is one table per period (in the report's order) and grain (the built-in grains in
    /// ``Grain`` order, then the workspace's own), headed `2026-10 · user`, or
    /// `as of 2024-01-31 · customer` for a snapshot. Rows are subjects in the order they first appear in the
    /// results, with their identifier and name; columns are the indicators in the report's
    /// order, titled in `locale`. Columns line up in a terminal even with Chinese names, and
    /// values are right-aligned: percent values as `31.3%`, missing values as `—`, failed
    /// ones as `error`. Then come the errors, grouped as in ``FailureSummary`` (one line per
    /// indicator, grain and error, at most 20, then how many were left out).
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - locale: `en` or `zh-CN`; Chinese uses each indicator's Chinese title when it has one.
    ///   - errors: Whether to end with the errors (`run` leaves them to standard error when it
    ///     prints the table to a terminal).
    /// - Returns: The text, ending with a newline.
    static func text(_ report: RunReport, locale: String, errors: Bool) -> String {
        let chinese = OutputLocale.isChinese(locale)
        var sections: [String] = []
        let grains = orderedGrains(report)
        let snapshots = Set(report.periods.filter { $0.kind == .snapshot }.map(\.label))
        for period in orderedPeriods(report) {
            for grain in grains {
                let rows = report.results.rows(periodLabel: period, grain: grain)
                guard !rows.isEmpty else { continue }
                let label = snapshots.contains(period) ? (chinese ? "截至 " : "as of ") + period : period
                let heading = label + " · " + grain.name(locale: locale)
                sections.append(heading + "\n" + table(of: rows, report: report, locale: locale))
            }
        }
        if sections.isEmpty { sections.append(chinese ? "没有结果。" : "No results.") }
        if errors, !report.errors.isEmpty {
            let heading = (chinese ? "错误" : "Errors") + " (\(report.errors.count))"
            let lines = FailureSummary(report.errors).lines()
            sections.append(([heading] + lines.map { "  " + $0 }).joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The grains of the results: the built-in ones in ``Grain`` order, then the workspace's
    /// own in the order they first appear (with their titles).
    private static func orderedGrains(_ report: RunReport) -> [Grain] {
        var present: [Grain] = []
        var seen: Set<Grain> = []
        for figure in report.results where seen.insert(figure.grain).inserted { present.append(figure.grain) }
        let builtIn = Grain.allCases.filter { seen.contains($0) }
        return builtIn + present.filter { !$0.isBuiltIn }
    }

    /// Period labels: the report's periods, then any others the results name.
    private static func orderedPeriods(_ report: RunReport) -> [String] {
        var labels = report.periods.map(\.label)
        var seen = Set(labels)
        for label in report.results.periodLabels where seen.insert(label).inserted {
            labels.append(label)
        }
        return labels
    }

    /// The table of one period and grain: a line per row (subject), a column per indicator.
    private static func table(of rows: [ResultRow], report: RunReport, locale: String) -> String {
        var columns: [(id: String, title: String)] = []
        var seenIndicators: Set<String> = []
        let figures = rows.flatMap(\.figures)
        let present = Set(figures.map(\.indicatorID))
        for info in report.indicators where present.contains(info.id) && seenIndicators.insert(info.id).inserted {
            columns.append((info.id, info.title(locale: locale)))
        }
        for figure in figures where seenIndicators.insert(figure.indicatorID).inserted {
            columns.append((figure.indicatorID, figure.title))
        }
        let chinese = OutputLocale.isChinese(locale)
        var table = TextTable(
            headers: [chinese ? "编号" : "ID", chinese ? "名称" : "Name"] + columns.map(\.title),
            rightAligned: Set(2..<(2 + columns.count)))
        for row in rows {
            // The last figure of an indicator wins, should a row hold one twice.
            var cells: [String: String] = [:]
            for figure in row.figures {
                cells[figure.indicatorID] = figure.value.tableText(unit: figure.unit, locale: locale)
            }
            table.rows.append([row.subjectID, row.subjectName] + columns.map { cells[$0.id] ?? "" })
        }
        return table.render()
    }
}
