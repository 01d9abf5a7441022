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
    /// part of the CSV; see ``json(_:)`` or ``table(_:locale:)``.
    ///
    /// - Parameter report: The run's report.
    /// - Returns: The CSV text, lines ending in LF.
    public static func csv(_ report: RunReport) -> String {
        var text = csvHeader + "\n"
        for result in report.results {
            let fields = [
                result.period.label, result.grain.rawValue, result.subjectID, result.subjectName,
                result.indicatorID, result.value.plainText, result.unit.rawValue, result.value.status.rawValue,
            ]
            text += fields.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    /// `field` quoted when it holds a comma, a quote or a line break.
    static func csvField(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
