/// Turns a ``RunReport`` into text: CSV for spreadsheets, JSON for programs, tables for people.
///
/// Writers are pure functions of the report: they read no clock and no environment, so the
/// same report always gives the same bytes. Every output is UTF-8 with LF line ends and ends
/// with a newline.
public enum RunReportWriter {
    /// The header line of ``csv(_:)``.
    public static let csvHeader = "period,grain,subject_id,subject_name,indicator,value,unit,status"

    /// The results in long format, one line per period, subject and indicator.
    ///
    /// The header is exactly `period,grain,subject_id,subject_name,indicator,value,unit,status`.
    /// `value` is ``ResultValue/plainText``: percent values stay fractions (`0.3125`), and
    /// missing or failed values are empty with `status` saying which. Fields holding a comma,
    /// a quote or a line break are quoted as RFC 4180 says, quotes doubled. Errors are not
    /// part of the CSV; see ``json(_:statistics:)`` or ``table(_:locale:)``.
    ///
    /// - Parameter report: The run's report.
    /// - Returns: The CSV text, lines ending in LF.
    public static func csv(_ report: RunReport) -> String {
        var bytes = Array((csvHeader + "\n").utf8)
        bytes.reserveCapacity(report.results.count * 64)
        for result in report.results {
            let fields = [
                result.period.label, result.grain.rawValue, result.subjectID, result.subjectName,
                result.indicatorID, result.value.plainText, result.unit.rawValue, result.value.status.rawValue,
            ]
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendCSVField(field, to: &bytes)
            }
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `field`, quoted when it holds a comma, a quote or a line break.
    static func appendCSVField(_ field: String, to bytes: inout [UInt8]) {
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
    static func csvField(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendCSVField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
