import YardstickData
import YardstickEngine

/// The spreadsheet format of `yardstick run` (`xlsx`): an Office Open XML workbook that Excel
/// and LibreOffice open.
///
/// Sheets:
/// - **Results**: the long CSV's columns and rows (`CSVReportWriter`: `period, grain,
///   subject_id, subject_name, indicator, value, unit, status`, then `dimension, member`
///   and `months_since` when there are breakdowns), typed — `value` a number shown by its unit
///   (money `#,##0.00`, percent `0.0%` holding the fraction, counts `#,##0`, days and hours
///   `#,##0.0`), empty when missing or failed — then `reason` (why a value is missing, or the
///   error) and `period_start`, `period_end` as dates.
/// - **Indicators**: each indicator's id, titles, unit, direction, description and file.
/// - **Errors** (when the run had any): indicator, grain, subject, period, location, message.
///
/// Every sheet has a bold, frozen, filtered header row and fitted column widths. The bytes are
/// a pure function of the report.
public struct XLSXReportWriter: ReportWriter {
    /// `xlsx`.
    public var formatID: String { "xlsx" }
    /// `xlsx`.
    public var fileExtension: String { "xlsx" }
    /// False: a workbook is binary (`run` refuses to print it to a terminal).
    public var isText: Bool { false }

    /// Creates the writer.
    public init() {}

    /// The workbook's bytes; the locale does not change them (ids and figures are
    /// language-neutral; titles are in both languages on the Indicators sheet).
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Self.workbook(report).bytes()
    }

    /// The workbook of a report: the implementation of ``write(_:options:)``.
    package static func workbook(_ report: RunReport) -> XLSXWorkbook {
        var sheets = [results(report), indicators(report)]
        if !report.errors.isEmpty { sheets.append(errors(report)) }
        return XLSXWorkbook(sheets: sheets)
    }

    /// The Results sheet.
    static func results(_ report: RunReport) -> XLSXSheet {
        let breakdowns = !report.breakdowns.isEmpty
        let cohorts = report.breakdowns.contains { $0.breakdown?.dimension.hasPrefix("cohort:") == true }
        var headers = CSVReportWriter.header.split(separator: ",").map(String.init)
        if breakdowns { headers += ["dimension", "member"] + (cohorts ? ["months_since"] : []) }
        headers += ["reason", "period_start", "period_end"]
        var rows: [[XLSXCell]] = []
        rows.reserveCapacity(report.results.count + report.breakdowns.count)
        for figure in report.results { rows.append(row(figure, breakdowns: breakdowns, cohorts: cohorts)) }
        for figure in report.breakdowns { rows.append(row(figure, breakdowns: breakdowns, cohorts: cohorts)) }
        return XLSXSheet(name: "Results", headers: headers, rows: rows)
    }

    /// One figure's row.
    private static func row(_ figure: IndicatorResult, breakdowns: Bool, cohorts: Bool) -> [XLSXCell] {
        var row: [XLSXCell] = [
            .text(figure.period.label), .text(figure.grain.rawValue), .text(figure.subjectID),
            .text(figure.subjectName), .text(figure.indicatorID), value(figure.value, unit: figure.unit),
            .text(figure.unit.rawValue), .text(figure.value.status.rawValue),
        ]
        if breakdowns {
            let breakdown = figure.breakdown
            row += [breakdown.map { .text($0.dimension) } ?? .empty, breakdown.map { .text($0.member) } ?? .empty]
            if cohorts { row.append(breakdown?.monthsSince.map { .number(Double($0), .integer) } ?? .empty) }
        }
        row.append(figure.value.reason.map { .text($0) } ?? .empty)
        row += [.date(figure.period.firstDay), .date(figure.period.lastDay)]
        return row
    }

    /// A value as a number cell in its unit's format; empty when missing or failed.
    static func value(_ value: ResultValue, unit: IndicatorUnit) -> XLSXCell {
        let format = XLSXNumberFormat(unit: unit)
        switch value {
        case .integer(let integer): return .number(Double(integer), format)
        case .number(let number): return .finite(number, format)
        case .decimal(let decimal): return .number(decimal.doubleValue, format)
        case .missing, .failed: return .empty
        }
    }

    /// The Indicators sheet.
    static func indicators(_ report: RunReport) -> XLSXSheet {
        let headers = ["indicator", "title", "title_zh", "unit", "better", "description", "file"]
        let rows = report.indicators.map { info -> [XLSXCell] in
            [
                .text(info.id), .text(info.title), info.titleZH.map { .text($0) } ?? .empty, .text(info.unit.rawValue),
                .text(info.better.rawValue), info.description.isEmpty ? .empty : .text(info.description),
                .text(info.sourceFile),
            ]
        }
        return XLSXSheet(name: "Indicators", headers: headers, rows: rows)
    }

    /// The Errors sheet.
    static func errors(_ report: RunReport) -> XLSXSheet {
        let headers = ["indicator", "grain", "subject_id", "period", "location", "message"]
        let rows = report.errors.map { failure -> [XLSXCell] in
            [
                .text(failure.indicatorID), failure.grain.map { .text($0.rawValue) } ?? .empty,
                failure.subjectID.map { .text($0) } ?? .empty, failure.periodLabel.map { .text($0) } ?? .empty,
                .text(failure.location), .text(failure.message),
            ]
        }
        return XLSXSheet(name: "Errors", headers: headers, rows: rows)
    }
}
