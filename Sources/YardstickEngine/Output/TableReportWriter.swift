/// The terminal table format (`table`): one aligned table per period and grain, then the
/// errors; see ``RunReportWriter/table(_:locale:errors:)``.
public struct TableReportWriter: ReportWriter {
    /// `table`.
    public var formatID: String { "table" }
    /// `txt`.
    public var fileExtension: String { "txt" }
    /// True: the table is text.
    public var isText: Bool { true }

    /// Creates the writer.
    public init() {}

    /// The report as tables in `options.locale`, with the errors when
    /// ``ReportWriterOptions/includesErrors`` is set.
    public func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
        Array(RunReportWriter.table(report, locale: options.locale, errors: options.includesErrors).utf8)
    }
}
