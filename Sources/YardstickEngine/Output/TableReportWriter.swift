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
        Array(
            Self.text(
                report, locale: options.locale, errors: options.includesErrors, order: options.subjectOrder,
                width: options.width
            ).utf8)
    }

    /// The report as tables for a terminal, then a list of errors: the implementation of
    /// ``write(_:options:)``.
    ///
    /// There is one table per period (in the report's order) and grain (the built-in grains in
    /// ``Grain`` order, then the workspace's own), headed `2026-10 · user`, or
    /// `as of 2024-01-31 · customer` for a snapshot. Rows are subjects in `order` (by name by
    /// default, see ``SubjectOrder``), with their identifier and name; columns are the
    /// indicators in the report's order, titled in `locale`. Columns line up in a terminal even
    /// with Chinese names (wide characters count two columns), and values are right-aligned and
    /// written for reading by unit (``ReadableNumber``: `1,278.56`, `31.3%`, `2:23`), missing
    /// values as `—`, failed ones as `error`. A table wider than `width` is split into blocks
    /// of columns, each repeating the identifier and name. Then come the errors, grouped as in
    /// ``FailureSummary`` (one line per indicator, grain and error, at most 20, then how many
    /// were left out).
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - locale: `en` or `zh-CN`; Chinese uses each indicator's Chinese title when it has one.
    ///   - errors: Whether to end with the errors (`run` leaves them to standard error when it
    ///     prints the table to a terminal).
    ///   - order: The order of the subjects.
    ///   - width: The terminal's width in columns; nil for no limit.
    /// - Returns: The text, ending with a newline.
    static func text(
        _ report: RunReport, locale: String, errors: Bool, order: SubjectOrder = .name, width: Int? = nil
    ) -> String {
        let chinese = OutputLocale.isChinese(locale)
        var sections: [String] = []
        let grains = orderedGrains(report)
        let snapshots = Set(report.periods.filter { $0.kind == .snapshot }.map(\.label))
        for period in orderedPeriods(report) {
            for grain in grains {
                let rows = order.sorted(report.results.rows(periodLabel: period, grain: grain), locale: locale)
                guard !rows.isEmpty else { continue }
                let label = snapshots.contains(period) ? (chinese ? "截至 " : "as of ") + period : period
                let heading = label + " · " + grain.name(locale: locale)
                sections.append(heading + "\n" + table(of: rows, report: report, locale: locale, width: width))
            }
        }
        sections += breakdownSections(report, locale: locale, order: order, width: width)
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

    /// One table per dimension, period and grain of the report's breakdown figures, headed
    /// `2026-10 · user · by product.family`: each subject's line (identifier, name, its overall
    /// figures, member `all`) with its members' lines under it (member label, their figures).
    private static func breakdownSections(_ report: RunReport, locale: String, order: SubjectOrder, width: Int?)
        -> [String]
    {
        guard !report.breakdowns.isEmpty else { return [] }
        let chinese = OutputLocale.isChinese(locale)
        var dimensions: [String] = []
        var blocks: [String: [IndicatorResult]] = [:]
        var blockOrder: [String: [String]] = [:]
        for figure in report.breakdowns {
            guard let breakdown = figure.breakdown else { continue }
            if blockOrder[breakdown.dimension] == nil {
                dimensions.append(breakdown.dimension)
                blockOrder[breakdown.dimension] = []
            }
            let key = breakdown.dimension + "\u{1F}" + figure.period.label + "\u{1F}" + figure.grain.rawValue
            if blocks[key] == nil { blockOrder[breakdown.dimension]?.append(key) }
            blocks[key, default: []].append(figure)
        }
        var sections: [String] = []
        for dimension in dimensions {
            for key in blockOrder[dimension] ?? [] {
                guard let figures = blocks[key], let first = figures.first else { continue }
                let heading =
                    first.period.label + " · " + first.grain.name(locale: locale) + " · "
                    + (chinese ? "按 " : "by ") + dimension
                sections.append(
                    heading + "\n"
                        + breakdownTable(figures, report: report, locale: locale, order: order, width: width))
            }
        }
        return sections
    }

    /// The table of one dimension, period and grain: a line per subject with its overall
    /// figures, then a line per member.
    private static func breakdownTable(
        _ figures: [IndicatorResult], report: RunReport, locale: String, order: SubjectOrder, width: Int?
    ) -> String {
        let chinese = OutputLocale.isChinese(locale)
        var columns: [(id: String, title: String)] = []
        var seen: Set<String> = []
        let present = Set(figures.map(\.indicatorID))
        for info in report.indicators where present.contains(info.id) && seen.insert(info.id).inserted {
            columns.append((info.id, info.title(locale: locale)))
        }
        for figure in figures where seen.insert(figure.indicatorID).inserted {
            columns.append((figure.indicatorID, figure.title))
        }
        let monthsColumn = figures.contains { $0.breakdown?.monthsSince != nil }
        var headers = [chinese ? "编号" : "ID", chinese ? "名称" : "Name", chinese ? "成员" : "Member"]
        if monthsColumn { headers.append(chinese ? "月数" : "Months since") }
        let valueStart = headers.count
        var table = TextTable(
            headers: headers + columns.map(\.title),
            rightAligned: Set((monthsColumn ? 3 : valueStart)..<(valueStart + columns.count)),
            repeatedColumns: valueStart)
        // Subjects in order of first appearance; each subject's members in order.
        var subjects: [SubjectKey] = []
        var names: [SubjectKey: String] = [:]
        var members: [SubjectKey: [String]] = [:]
        var cells: [SubjectKey: [String: [String: String]]] = [:]
        var months: [SubjectKey: [String: String]] = [:]
        for figure in figures {
            guard let breakdown = figure.breakdown else { continue }
            let subject = SubjectKey(figure.grain, figure.subjectID)
            if names[subject] == nil {
                subjects.append(subject)
                names[subject] = figure.subjectName
            }
            if cells[subject]?[breakdown.member] == nil {
                members[subject, default: []].append(breakdown.member)
                cells[subject, default: [:]][breakdown.member] = [:]
            }
            cells[subject]?[breakdown.member]?[figure.indicatorID] = ReadableNumber.text(
                figure.value, unit: figure.unit, locale: locale)
            if let since = breakdown.monthsSince { months[subject, default: [:]][breakdown.member] = String(since) }
        }
        let period = figures[0].period
        let sortedSubjects = order.sorted(
            subjects, locale: locale, id: \.id, name: { names[$0] ?? "" },
            value: { report.results[subject: $0, indicator: $1, period: period]?.value })
        for subject in sortedSubjects {
            var line = [subject.id, names[subject] ?? "", chinese ? "全部" : "all"]
            if monthsColumn { line.append("") }
            line += columns.map { column in
                report.results[subject: subject, indicator: column.id, period: period].map {
                    ReadableNumber.text($0.value, unit: $0.unit, locale: locale)
                } ?? ""
            }
            table.rows.append(line)
            for member in members[subject] ?? [] {
                var memberLine = ["", "", "  " + member]
                if monthsColumn { memberLine.append(months[subject]?[member] ?? "") }
                memberLine += columns.map { cells[subject]?[member]?[$0.id] ?? "" }
                table.rows.append(memberLine)
            }
        }
        return table.render(width: width)
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
    private static func table(of rows: [ResultRow], report: RunReport, locale: String, width: Int?) -> String {
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
            rightAligned: Set(2..<(2 + columns.count)), repeatedColumns: 2)
        for row in rows {
            // The last figure of an indicator wins, should a row hold one twice.
            var cells: [String: String] = [:]
            for figure in row.figures {
                cells[figure.indicatorID] = ReadableNumber.text(figure.value, unit: figure.unit, locale: locale)
            }
            table.rows.append([row.subjectID, row.subjectName] + columns.map { cells[$0.id] ?? "" })
        }
        return table.render(width: width)
    }
}
