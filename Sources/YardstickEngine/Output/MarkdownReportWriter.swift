import YardstickData

/// The Markdown format (`md`): GitHub-flavoured tables for wikis and chat.
///
/// A title with the workspace and the periods, then one table per period and grain (the
/// table writer's order and headings), one per breakdown dimension, period and grain, and the
/// errors. Values are written for reading (`ReadableNumber`: money `72,878.00`, percent
/// `31.3%`, counts `1,425`); a missing value is `—` with a footnote giving its reason, a failed
/// one `error` with a footnote giving the message; equal reasons share one footnote. Names are
/// escaped (`MarkdownText.escaped(_:)`: pipes, markup characters, line breaks) and kept as
/// written otherwise, Chinese included. Headings and column titles follow the locale (`zh`:
/// Simplified Chinese and the indicators' Chinese titles).
///
/// The writer is a pure function of the report (UTF-8, LF line ends, a final newline).
public struct MarkdownReportWriter: ReportWriter {
    /// `md`.
    public var formatID: String { "md" }
    /// `md`.
    public var fileExtension: String { "md" }
    /// True: Markdown is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The report as Markdown in ``ReportWriterOptions/locale``, with the errors when
    /// ``ReportWriterOptions/includesErrors`` is set.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(
            Self.text(report, locale: options.locale, errors: options.includesErrors, order: options.subjectOrder)
                .utf8)
    }

    /// The document: the implementation of ``write(_:options:)``, subjects in `order`.
    static func text(_ report: RunReport, locale: String, errors: Bool, order: SubjectOrder = .name) -> String {
        let chinese = OutputLocale.isChinese(locale)
        var footnotes = MarkdownFootnotes()
        var sections = [title(report, chinese: chinese)]
        let snapshots = Set(report.periods.filter { $0.kind == .snapshot }.map(\.label))
        var periods = report.periods.map(\.label)
        for label in report.results.periodLabels where !periods.contains(label) { periods.append(label) }
        let grains = orderedGrains(report)
        var tables = 0
        for period in periods {
            for grain in grains {
                let rows = order.sorted(report.results.rows(periodLabel: period, grain: grain), locale: locale)
                guard !rows.isEmpty else { continue }
                let label = snapshots.contains(period) ? (chinese ? "截至 " : "as of ") + period : period
                let heading = "## " + MarkdownText.escaped(label + " · " + grain.name(locale: locale))
                let body = table(
                    rows.map { Row(id: $0.subjectID, name: $0.subjectName, member: nil, figures: $0.figures) },
                    report: report, locale: locale, footnotes: &footnotes)
                sections.append(heading + "\n\n" + body)
                tables += 1
            }
        }
        for block in breakdownBlocks(report) {
            let first = block[0]
            guard let breakdown = first.breakdown else { continue }
            let heading =
                "## "
                + MarkdownText.escaped(
                    first.period.label + " · " + first.grain.name(locale: locale) + " · " + (chinese ? "按 " : "by ")
                        + breakdown.dimension)
            var rows: [Row] = []
            var index: [String: Int] = [:]
            for figure in block {
                let member = figure.breakdown?.member ?? ""
                let key = figure.subjectID + "\u{1F}" + member
                if let position = index[key] {
                    rows[position].figures.append(figure)
                } else {
                    index[key] = rows.count
                    rows.append(Row(id: figure.subjectID, name: figure.subjectName, member: member, figures: [figure]))
                }
            }
            sections.append(heading + "\n\n" + table(rows, report: report, locale: locale, footnotes: &footnotes))
            tables += 1
        }
        if tables == 0 { sections.append(chinese ? "没有结果。" : "No results.") }
        if errors, !report.errors.isEmpty {
            let heading = "## " + (chinese ? "错误" : "Errors") + " (\(report.errors.count))"
            let lines = FailureSummary(report.errors).lines().map { "- " + MarkdownText.escaped($0) }
            sections.append(heading + "\n\n" + lines.joined(separator: "\n"))
        }
        if !footnotes.isEmpty { sections.append(footnotes.definitions) }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `# Indicators · maven-sales` and a line with the periods and the number of indicators.
    private static func title(_ report: RunReport, chinese: Bool) -> String {
        let heading = "# " + (chinese ? "指标报告 · " : "Indicators · ") + MarkdownText.escaped(report.workspace)
        let periods = report.periods.map { period in
            period.kind == .snapshot
                ? period.label : period.label + " (" + period.firstDate + ".." + period.lastDate + ")"
        }
        let line =
            chinese
            ? "考核期：" + periods.joined(separator: "、") + " · 指标：\(report.indicators.count) 个"
            : "Periods: " + periods.joined(separator: ", ") + " · \(report.indicators.count) indicators"
        return heading + "\n\n" + MarkdownText.escaped(line)
    }

    /// The grains of the results: the built-in ones in ``Grain`` order, then the workspace's own.
    private static func orderedGrains(_ report: RunReport) -> [Grain] {
        var present: [Grain] = []
        var seen: Set<Grain> = []
        for figure in report.results where seen.insert(figure.grain).inserted { present.append(figure.grain) }
        return Grain.allCases.filter { seen.contains($0) } + present.filter { !$0.isBuiltIn }
    }

    /// The breakdown figures grouped by dimension, period and grain, in first-appearance order.
    private static func breakdownBlocks(_ report: RunReport) -> [[IndicatorResult]] {
        var order: [String] = []
        var blocks: [String: [IndicatorResult]] = [:]
        var dimensions: [String] = []
        for figure in report.breakdowns {
            guard let breakdown = figure.breakdown else { continue }
            if !dimensions.contains(breakdown.dimension) { dimensions.append(breakdown.dimension) }
            let key = breakdown.dimension + "\u{1F}" + figure.period.label + "\u{1F}" + figure.grain.rawValue
            if blocks[key] == nil { order.append(key) }
            blocks[key, default: []].append(figure)
        }
        return dimensions.flatMap { dimension in
            order.filter { $0.hasPrefix(dimension + "\u{1F}") }.compactMap { blocks[$0] }
        }
    }

    /// One line of a table: a subject, or a subject's breakdown member, and its figures.
    private struct Row {
        var id: String
        var name: String
        var member: String?
        var figures: [IndicatorResult]
    }

    /// One table: a line per subject (or per subject and member, with a Member column), a
    /// column per indicator.
    private static func table(
        _ rows: [Row], report: RunReport, locale: String, footnotes: inout MarkdownFootnotes
    ) -> String {
        let memberColumn = rows.contains { $0.member != nil }
        let chinese = OutputLocale.isChinese(locale)
        var columns: [(id: String, title: String)] = []
        var seen: Set<String> = []
        let present = Set(rows.flatMap { $0.figures.map(\.indicatorID) })
        for info in report.indicators where present.contains(info.id) && seen.insert(info.id).inserted {
            columns.append((info.id, info.title(locale: locale)))
        }
        for row in rows {
            for figure in row.figures where seen.insert(figure.indicatorID).inserted {
                columns.append((figure.indicatorID, figure.title))
            }
        }
        var headers = [chinese ? "编号" : "ID", chinese ? "名称" : "Name"]
        if memberColumn { headers.append(chinese ? "成员" : "Member") }
        let firstValue = headers.count
        headers += columns.map { MarkdownText.escaped($0.title) }
        var body: [[String]] = []
        for row in rows {
            var cells: [String: String] = [:]
            for figure in row.figures {
                var cell = ReadableNumber.text(figure.value, unit: figure.unit, locale: locale)
                if let reason = figure.value.reason { cell += footnotes.reference(reason) }
                cells[figure.indicatorID] = cell
            }
            var line = [MarkdownText.escaped(row.id), MarkdownText.escaped(row.name)]
            if memberColumn { line.append(MarkdownText.escaped(row.member ?? "")) }
            body.append(line + columns.map { cells[$0.id] ?? "" })
        }
        return MarkdownText.table(
            headers: headers, rows: body, rightAligned: Set(firstValue..<(firstValue + columns.count)))
    }
}
