/// The JSON format (`json`), described in docs/run-output.md; see
/// ``RunReportWriter/json(_:statistics:)``.
public struct JSONReportWriter: ReportWriter {
    /// `json`.
    public var formatID: String { "json" }
    /// `json`.
    public var fileExtension: String { "json" }
    /// True: JSON is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The whole report, with the evaluation statistics when
    /// ``ReportWriterOptions/includesStatistics`` is set; JSON always holds the errors and is
    /// language-neutral.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(RunReportWriter.json(report, statistics: options.includesStatistics).utf8)
    }
}
