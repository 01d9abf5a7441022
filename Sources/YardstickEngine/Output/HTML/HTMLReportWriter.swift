/// The HTML format of `yardstick run` (`html`): one self-contained page of the indicator tables.
///
/// The page names the workspace, the periods and when the run was made, then has one table per
/// period and grain (as the terminal table does: subjects in the order they first appear, with
/// their id unless every id equals its name, one column per indicator titled in the locale), values written for people by unit
/// (`ReadableNumber`: `1,278.56`, `31.3%`, `2:23`), a missing value as `—` with its reason in
/// the cell's tooltip and in a `<details>` list under the table, then the errors. Breakdown
/// figures (`--by`) are counted and left to CSV and JSON. Everything from data is escaped;
/// the page fetches nothing (`HTMLPage`) and has no script.
///
/// `yardstick score --format html` writes the scorecard report (leaderboard, cards, charts).
public struct HTMLReportWriter: ReportWriter {
    /// `html`.
    public var formatID: String { "html" }
    /// `html`.
    public var fileExtension: String { "html" }
    /// True: a page is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The report as a page in ``ReportWriterOptions/locale``, with the errors when
    /// ``ReportWriterOptions/includesErrors`` is set.
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - options: The locale and whether to list the errors.
    /// - Returns: The page's UTF-8 bytes.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(Self.page(report, options: options).text.utf8)
    }

    /// The page of a report.
    static func page(_ report: RunReport, options: ReportWriterOptions) -> HTMLPage {
        let chinese = OutputLocale.isChinese(options.locale)
        func text(_ english: String, _ chineseText: String) -> String { chinese ? chineseText : english }
        let title = HTMLText.escaped(report.workspace) + " · " + text("Indicators", "指标")
        var body = "<header>\n<h1>\(title)</h1>\n<p class=\"meta\">"
        body +=
            "<span>" + text("Periods: ", "考核期：") + HTMLText.escaped(report.periods.map(\.label).joined(separator: ", "))
        body += "</span><span>" + text("Indicators: ", "指标数：") + "\(report.indicators.count)</span>"
        body +=
            "<span>" + text("Generated ", "生成于 ") + HTMLText.escaped(report.generatedAt) + "</span></p>\n</header>\n"
        let grains = orderedGrains(report)
        var tables = 0
        for periodLabel in report.results.periodLabels {
            for grain in grains {
                let rows = options.subjectOrder.sorted(
                    report.results.rows(periodLabel: periodLabel, grain: grain), locale: options.locale)
                guard !rows.isEmpty else { continue }
                tables += 1
                body += section(rows, periodLabel: periodLabel, grain: grain, report: report, locale: options.locale)
            }
        }
        if tables == 0 { body += "<p>" + text("No results.", "没有结果。") + "</p>\n" }
        if !report.breakdowns.isEmpty {
            body +=
                "<p class=\"note\">"
                + text(
                    "\(report.breakdowns.count) breakdown figures are in the CSV and JSON outputs.",
                    "\(report.breakdowns.count) 个细分结果见 CSV 与 JSON 输出。") + "</p>\n"
        }
        if options.includesErrors, !report.errors.isEmpty {
            body += "<section id=\"errors\">\n<h2>" + text("Errors", "错误") + " (\(report.errors.count))</h2>\n"
            body += "<ul class=\"errors\">\n"
            for line in FailureSummary(report.errors).lines() { body += "<li>" + HTMLText.escaped(line) + "</li>\n" }
            body += "</ul>\n</section>\n"
        }
        return HTMLPage(locale: options.locale, title: title, body: body)
    }

    /// One period and grain: a table of subjects by indicators, then the reasons of the
    /// missing values.
    static func section(_ rows: [ResultRow], periodLabel: String, grain: Grain, report: RunReport, locale: String)
        -> String
    {
        let chinese = OutputLocale.isChinese(locale)
        var indicatorIDs: [String] = []
        var units: [String: IndicatorUnit] = [:]
        var titles: [String: String] = [:]
        for info in report.indicators {
            titles[info.id] = info.title(locale: locale)
            units[info.id] = info.unit
        }
        for row in rows {
            for figure in row.figures where !indicatorIDs.contains(figure.indicatorID) {
                indicatorIDs.append(figure.indicatorID)
                if titles[figure.indicatorID] == nil { titles[figure.indicatorID] = figure.title }
                if units[figure.indicatorID] == nil { units[figure.indicatorID] = figure.unit }
            }
        }
        let heading = HTMLText.escaped(periodLabel) + " · " + HTMLText.escaped(grain.name(locale: locale))
        // Exports that use names as ids (maven-sales) would show every name twice.
        let showsIDs = rows.contains { $0.subjectID != $0.subjectName }
        var html = "<section class=\"results\" data-period=\"\(HTMLText.escaped(periodLabel))\""
        html += " data-grain=\"\(HTMLText.escaped(grain.rawValue))\">\n<h2>\(heading)</h2>\n<div class=\"scroll\">\n"
        html += "<table class=\"results\">\n<thead><tr>" + (showsIDs ? "<th>" + (chinese ? "编号" : "ID") + "</th>" : "")
        html += "<th>" + (chinese ? "名称" : "Name") + "</th>"
        for id in indicatorIDs {
            html +=
                "<th class=\"num\" title=\"\(HTMLText.escaped(id))\">" + HTMLText.escaped(titles[id] ?? id) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        var reasons: [String] = []
        for row in rows {
            html += "<tr data-subject=\"\(HTMLText.escaped(row.subjectID))\">"
            if showsIDs { html += "<td>" + HTMLText.escaped(row.subjectID) + "</td>" }
            html += "<td>" + HTMLText.escaped(row.subjectName) + "</td>"
            for id in indicatorIDs {
                guard let figure = row.figures.first(where: { $0.indicatorID == id }) else {
                    html += "<td class=\"num missing\"></td>"
                    continue
                }
                let text = HTMLText.escaped(
                    ReadableNumber.text(figure.value, unit: units[id] ?? .number, locale: locale))
                switch figure.value {
                case .missing(let reason), .failed(let reason):
                    let failed = figure.value.status == .failed
                    html +=
                        "<td class=\"num \(failed ? "status-failed" : "missing")\" title=\"\(HTMLText.escaped(reason))\">"
                    html += text + "</td>"
                    reasons.append(
                        HTMLText.escaped(row.subjectName.isEmpty ? row.subjectID : row.subjectName) + " · "
                            + HTMLText.escaped(titles[id] ?? id) + ": " + HTMLText.escaped(reason))
                default:
                    html += "<td class=\"num\">" + text + "</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        if !reasons.isEmpty {
            html += "<details class=\"why\"><summary>" + (chinese ? "缺失原因" : "Why values are missing")
            html += " (\(reasons.count))</summary>\n<ul>\n"
            for reason in reasons { html += "<li>" + reason + "</li>\n" }
            html += "</ul>\n</details>\n"
        }
        return html + "</section>\n"
    }

    /// The grains of the results: the built-in ones in ``Grain`` order, then the workspace's own.
    static func orderedGrains(_ report: RunReport) -> [Grain] {
        var present: [Grain] = []
        var seen: Set<Grain> = []
        for figure in report.results where seen.insert(figure.grain).inserted { present.append(figure.grain) }
        return Grain.allCases.filter { seen.contains($0) } + present.filter { !$0.isBuiltIn }
    }
}
