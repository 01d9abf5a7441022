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
    /// The header is exactly `period,grain,subject_id,subject_name,indicator,value,unit,status`.
    /// `value` is ``ResultValue/plainText``: percent values stay fractions (`0.3125`), and
    /// missing or failed values are empty with `status` saying which. Fields holding a comma,
    /// a quote or a line break are quoted as RFC 4180 says, quotes doubled. Errors are not
    /// part of the CSV; see ``JSONReportWriter`` or ``TableReportWriter``.
    ///
    /// - Parameter report: The run's report.
    /// - Returns: The CSV's UTF-8, lines ending in LF.
    static func bytes(_ report: RunReport) -> [UInt8] {
        var bytes = Array((header + "\n").utf8)
        bytes.reserveCapacity(report.results.count * 64)
        for result in report.results {
            let fields = [
                result.period.label, result.grain.rawValue, result.subjectID, result.subjectName,
                result.indicatorID, result.value.plainText, result.unit.rawValue, result.value.status.rawValue,
            ]
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendField(field, to: &bytes)
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Appends `field`, quoted when it holds a comma, a quote or a line break.
    package static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        guard field.utf8.contains(where: special) else {
            bytes += field.utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `field` quoted when it holds a comma, a quote or a line break.
    package static func field(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
