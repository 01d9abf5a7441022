import YardstickEngine

extension ReportWriter {
    /// What the writer writes for `report`, as text: the standard writers write UTF-8.
    func text(_ report: RunReport, options: ReportWriterOptions = ReportWriterOptions()) -> String {
        String(decoding: write(report, options: options), as: UTF8.self)
    }
}
