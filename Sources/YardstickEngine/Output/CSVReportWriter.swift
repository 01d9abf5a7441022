/// The long CSV format (`csv`): one line per period, subject and indicator; see
/// ``RunReportWriter/csv(_:)``.
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
        Array(RunReportWriter.csv(report).utf8)
    }
}
