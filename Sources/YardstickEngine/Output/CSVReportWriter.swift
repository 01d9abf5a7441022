/// The long CSV format (`csv`): one line per period, subject and indicator, for spreadsheets.
///
/// The writer is a pure function of the report: it reads no clock and no environment, so the same
/// report always gives the same bytes (UTF-8, LF line ends, a final newline).
public struct CSVReportWriter: ReportWriter {
    /// `csv`.
    public var formatID: String { "csv" }
    /// `csv`.
    public var fileExtension: String { "csv" }
    /// True: CSV is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The figures in long format; the options do not change CSV (it holds figures only, in
    /// language-neutral form).
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Self.bytes(report)
    }

    /// The header line.
    package static let header = "period,grain,subject_id,subject_name,indicator,value,unit,status"

    /// The results in long format, one line per period, subject and indicator: the
    /// implementation of ``write(_:options:)``.
    ///
    /// The header is exactly `period,grain,subject_id,subject_name,indicator,value,unit,status`;
    /// a report with breakdown figures adds `dimension,member` (and `months_since` when one is
    /// a cohort's) at the end, empty on the overall figures' lines, and its breakdown figures
    /// follow the overall ones.
    /// `value` is ``ResultValue/plainText``: percent values stay fractions (`0.3125`), and
    /// missing or failed values are empty with `status` saying which. Fields holding a comma,
    /// a quote or a line break are quoted as RFC 4180 says, quotes doubled. Errors are not
    /// part of the CSV; see ``JSONReportWriter`` or ``TableReportWriter``.
    ///
    /// - Parameter report: The run's report.
    /// - Returns: The CSV's UTF-8, lines ending in LF.
    static func bytes(_ report: RunReport) -> [UInt8] {
        let breakdownColumns = BreakdownColumns(report.breakdowns)
        var bytes = Array((header + breakdownColumns.header + "\n").utf8)
        bytes.reserveCapacity((report.results.count + report.breakdowns.count) * 64)
        for result in report.results {
            append(result, breakdownColumns, to: &bytes)
        }
        for result in report.breakdowns {
            append(result, breakdownColumns, to: &bytes)
        }
        return bytes
    }

    /// The columns a report's breakdown figures add at the end of each line: none without
    /// breakdowns, `dimension,member` with them, and `months_since` when one is a cohort.
    struct BreakdownColumns {
        /// Whether the report has breakdown figures.
        let present: Bool
        /// Whether one of them is a cohort's.
        let cohorts: Bool

        init(_ breakdowns: [IndicatorResult]) {
            present = !breakdowns.isEmpty
            cohorts = breakdowns.contains { $0.breakdown?.dimension.hasPrefix("cohort:") == true }
        }

        /// The header's added columns, each after a comma.
        var header: String { present ? ",dimension,member" + (cohorts ? ",months_since" : "") : "" }

        /// A figure's added fields: empty for an overall figure.
        func fields(_ result: IndicatorResult) -> [String] {
            guard present else { return [] }
            let breakdown = result.breakdown
            var fields = [breakdown?.dimension ?? "", breakdown?.member ?? ""]
            if cohorts { fields.append(breakdown?.monthsSince.map(String.init) ?? "") }
            return fields
        }
    }

    /// Appends one figure's line.
    private static func append(_ result: IndicatorResult, _ breakdownColumns: BreakdownColumns, to bytes: inout [UInt8])
    {
        // Field by field, with no array of fields per line.
        func next(_ field: String) {
            bytes.append(UInt8(ascii: ","))
            appendField(field, to: &bytes)
        }
        appendField(result.period.label, to: &bytes)
        next(result.grain.rawValue)
        next(result.subjectID)
        next(result.subjectName)
        next(result.indicatorID)
        next(result.value.writtenText)
        next(result.unit.rawValue)
        next(result.value.status.rawValue)
        for field in breakdownColumns.fields(result) { next(field) }
        bytes.append(0x0A)
    }

    /// Appends `field`, quoted when it holds a comma, a quote or a line break.
    package static func appendField(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            var special = false
            for byte in utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                special = true
                break
            }
            guard special else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `field` quoted when it holds a comma, a quote or a line break.
    package static func field(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
