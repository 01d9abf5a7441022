import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The spreadsheet format of `yardstick score` (`xlsx`): an Office Open XML workbook that Excel
/// and LibreOffice open.
///
/// Sheets:
/// - **Results**: the score CSV (`ScoreCSVWriter`), every column and row, typed: values,
///   targets, comparisons and pipeline as numbers in the indicator's unit format; completions
///   and shares as percentages holding the fraction; scores, weights, contributions, totals and
///   member statistics with one decimal; ranks and member counts as whole numbers; other
///   columns as text; then `window_start` and `window_end` as dates. The rows are the CSV's
///   own, so the sheet and the CSV cannot disagree.
/// - **Leaderboard**: per period and subject, in the leaderboard's order: peer group, rank,
///   subject, total, grade, forced grade, status and one score column per top-level dimension
///   or indicator.
/// - **One sheet per top-level dimension** (`Dimension results`): per subject, each indicator under
///   it as value, completion and score, then the dimension's subtotal.
/// - **Alerts**: the alerts CSV of `yardstick alerts --format csv`, typed:
///   every alert's period, kind, who, indicator, value, target, completion, mark, expected
///   completion, remaining, remaining days, needed per day, pipeline and sentence.
///
/// Every sheet has a bold, frozen, filtered header row and fitted column widths. The bytes are
/// a pure function of the report; the locale does not change them.
public struct XLSXScoreWriter: ScoreReportWriter {
    /// `xlsx`.
    public var formatID: String { "xlsx" }
    /// `xlsx`.
    public var fileExtension: String { "xlsx" }
    /// False: a workbook is binary (`score` refuses to print it to a terminal).
    public var isText: Bool { false }

    /// Creates the writer.
    public init() {}

    /// The workbook's bytes.
    ///
    /// - Parameters:
    ///   - report: The score report.
    ///   - locale: Ignored: the workbook holds ids and figures.
    public func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        Self.workbook(report).bytes()
    }

    /// The workbook of a report: the implementation of ``write(_:locale:)``.
    package static func workbook(_ report: ScoreReport) -> XLSXWorkbook {
        var sheets = [results(report), leaderboard(report)]
        for node in report.definition.model.children {
            if case .dimension(let dimension) = node { sheets.append(dimensionSheet(dimension, report: report)) }
        }
        sheets.append(alerts(report))
        return XLSXWorkbook(sheets: sheets)
    }

    /// How a column of the score CSV is typed.
    enum ColumnKind {
        case text, valueInUnit, percent, oneDecimal, integer
    }

    /// The kind of each score CSV column, by name.
    static func kind(of column: String) -> ColumnKind {
        switch column {
        case "value", "target", "previous", "change_previous", "last_year", "change_last_year", "pipeline":
            .valueInUnit
        case "completion", "share", "total_share": .percent
        case "score", "weight", "contribution", "total", "cap", "member_mean", "member_median", "member_min",
            "member_max", "member_spread":
            .oneDecimal
        case "rank", "members", "member_scores": .integer
        default: .text
        }
    }

    /// The Results sheet: the score CSV typed.
    static func results(_ report: ScoreReport) -> XLSXSheet {
        let records = CSVRecords.parse(ScoreCSVWriter().write(report, locale: "en"))
        guard let header = records.first else { return XLSXSheet(name: "Results", headers: []) }
        let kinds = header.map(kind(of:))
        let units = Dictionary(report.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let indicatorColumn = header.firstIndex(of: "indicator")
        let windowColumn = header.firstIndex(of: "window")
        var rows: [[XLSXCell]] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            let unit = indicatorColumn.flatMap { $0 < record.count ? units[record[$0]] : nil } ?? .number
            var row: [XLSXCell] = []
            row.reserveCapacity(record.count + 2)
            for (index, field) in record.enumerated() {
                row.append(cell(field, kind: index < kinds.count ? kinds[index] : .text, unit: unit))
            }
            let window = windowColumn.flatMap { $0 < record.count ? record[$0] : nil } ?? ""
            let days = window.split(separator: ".", omittingEmptySubsequences: true).compactMap { day(String($0)) }
            row += days.count == 2 ? [.date(days[0]), .date(days[1])] : [.empty, .empty]
            rows.append(row)
        }
        return XLSXSheet(name: "Results", headers: header + ["window_start", "window_end"], rows: rows)
    }

    /// A CSV field as a cell of its column's kind: empty stays empty, a number that does not
    /// parse stays text.
    static func cell(_ field: String, kind: ColumnKind, unit: IndicatorUnit) -> XLSXCell {
        guard !field.isEmpty else { return .empty }
        let format: XLSXNumberFormat
        switch kind {
        case .text: return .text(field)
        case .valueInUnit: format = XLSXNumberFormat(unit: unit)
        case .percent: format = .percent
        case .oneDecimal: format = .oneDecimal
        case .integer: format = .integer
        }
        guard let number = Double(field) else { return .text(field) }
        return .finite(number, format)
    }

    /// The day number of `YYYY-MM-DD`, or nil.
    static func day(_ text: String) -> Int32? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// A number cell, or empty when nil.
    static func number(_ number: Double?, _ format: XLSXNumberFormat) -> XLSXCell {
        number.map { .finite($0, format) } ?? .empty
    }

    /// The subjects of a period in the leaderboard's order: by peer group in order of first
    /// appearance, then as every leaderboard orders them (``LeaderboardOrder``, with English
    /// collation: the workbook does not depend on the locale).
    static func ordered(_ subjects: [ScoredSubject]) -> [ScoredSubject] {
        var groups: [String: [ScoredSubject]] = [:]
        var names: [String] = []
        for subject in subjects {
            if groups[subject.peerGroup] == nil { names.append(subject.peerGroup) }
            groups[subject.peerGroup, default: []].append(subject)
        }
        return names.flatMap { LeaderboardOrder.ordered(groups[$0] ?? [], order: nil, locale: "en") }
    }

    /// The Leaderboard sheet.
    static func leaderboard(_ report: ScoreReport) -> XLSXSheet {
        let nodes = report.definition.model.children
        let headers =
            [
                "period", "peer_group", "rank", "subject_id", "subject_name", "total", "grade", "distributed_grade",
                "status",
            ] + nodes.map(\.id)
        var rows: [[XLSXCell]] = []
        for period in report.periods {
            for subject in ordered(period.subjects) {
                let scorecard = subject.scorecard
                var row: [XLSXCell] = [
                    .text(period.period.label), .text(subject.peerGroup),
                    scorecard.rank.map { .number(Double($0), .integer) } ?? .empty, .text(subject.subject.id),
                    .text(subject.subject.name), number(scorecard.total, .oneDecimal),
                    scorecard.grade.map { .text($0) } ?? .empty, scorecard.distributedGrade.map { .text($0) } ?? .empty,
                    .text(scorecard.status == .complete ? "ok" : scorecard.status.rawValue),
                ]
                row += nodes.map { number(scorecard.node(at: [$0.id])?.score, .oneDecimal) }
                rows.append(row)
            }
        }
        return XLSXSheet(name: "Leaderboard", headers: headers, rows: rows)
    }

    /// A top-level dimension's sheet.
    static func dimensionSheet(_ dimension: ScorecardDimension, report: ScoreReport) -> XLSXSheet {
        let leaves = report.definition.model.indicatorPaths.filter { $0.path.first == dimension.id }
        let units = Dictionary(report.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var headers = ["period", "rank", "subject_id", "subject_name"]
        for leaf in leaves {
            let name = leaf.path.dropFirst().joined(separator: ".")
            headers += [name, name + " completion", name + " score"]
        }
        headers.append("subtotal")
        var rows: [[XLSXCell]] = []
        for period in report.periods {
            for subject in ordered(period.subjects) {
                let scorecard = subject.scorecard
                var row: [XLSXCell] = [
                    .text(period.period.label), scorecard.rank.map { .number(Double($0), .integer) } ?? .empty,
                    .text(subject.subject.id), .text(subject.subject.name),
                ]
                for leaf in leaves {
                    guard case .indicator(let indicator) = scorecard.node(at: leaf.path) else {
                        row += [.empty, .empty, .empty]
                        continue
                    }
                    let format = XLSXNumberFormat(unit: units[indicator.indicatorID] ?? .number)
                    row += [
                        number(indicator.value, format), number(indicator.completion?.ratio, .percent),
                        number(indicator.outcome.score, .oneDecimal),
                    ]
                }
                row.append(number(scorecard.node(at: [dimension.id])?.score, .oneDecimal))
                rows.append(row)
            }
        }
        return XLSXSheet(name: "Dimension " + dimension.id, headers: headers, rows: rows)
    }

    /// The Alerts sheet: the alerts CSV (``AlertsCSVWriter``, English) typed — values, targets,
    /// remaining amounts, needs per day and pipelines as numbers in the indicator's unit format;
    /// completions and marks as percentages holding the fraction; remaining days as whole
    /// numbers; the period's first and last day and the as-of day as dates; other columns as
    /// text. The rows are the CSV's own, so the sheet and `alerts --format csv` cannot disagree.
    static func alerts(_ report: ScoreReport) -> XLSXSheet {
        let records = CSVRecords.parse(AlertsCSVWriter().write(report, locale: "en"))
        let header = records.first ?? AlertsCSVWriter.columns
        let units = Dictionary(report.indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let indicatorColumn = header.firstIndex(of: "indicator")
        let kinds = header.map(alertColumnKind(of:))
        var rows: [[XLSXCell]] = []
        for record in records.dropFirst() {
            let unit = indicatorColumn.flatMap { $0 < record.count ? units[record[$0]] : nil } ?? .number
            rows.append(
                record.enumerated().map { index, field in
                    guard index < kinds.count else { return .text(field) }
                    if kinds[index] == nil {
                        return day(field).map(XLSXCell.date) ?? (field.isEmpty ? .empty : .text(field))
                    }
                    return cell(field, kind: kinds[index] ?? .text, unit: unit)
                })
        }
        return XLSXSheet(name: "Alerts", headers: header, rows: rows)
    }

    /// The kind of each alerts CSV column, by name; nil for the date columns.
    static func alertColumnKind(of column: String) -> ColumnKind? {
        switch column {
        case "value", "target", "remaining", "needed_per_day", "pipeline": .valueInUnit
        case "completion", "mark", "expected_completion", "completion_with_pipeline": .percent
        case "remaining_days": .integer
        case "period_first", "period_last", "as_of": nil
        default: .text
        }
    }
}
