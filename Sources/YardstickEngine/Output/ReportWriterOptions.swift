/// What a ``ReportWriter`` is asked to include besides the figures, and in which language.
///
/// A writer uses the options that make sense for its format and ignores the others (CSV, a
/// long format of figures only, ignores all three).
public struct ReportWriterOptions: Sendable, Hashable {
    /// The output language: `en` or `zh-CN` (any locale starting with `zh` reads as Chinese).
    public var locale: String
    /// Whether to end with the run's errors (the table leaves them out when `run` prints it to
    /// a terminal and lists them on standard error instead).
    public var includesErrors: Bool
    /// Whether to add the report's ``RunReport/statistics`` (`--timings`); they hold times, so
    /// the output is then not reproducible.
    public var includesStatistics: Bool
    /// The order of the subjects in the tables people read (table, Markdown, HTML); CSV and
    /// JSON keep the run's order. By name unless `--sort` says otherwise.
    public var subjectOrder: SubjectOrder = .name
    /// The terminal width the table format fits its tables into (splitting wide tables into
    /// blocks of columns); nil for no limit (a file, a pipe).
    public var width: Int?

    /// Creates options; the defaults give reproducible English output with the errors.
    ///
    /// - Parameters:
    ///   - locale: The output language (`en`, `zh-CN`).
    ///   - includesErrors: Whether to end with the run's errors, where the format has room.
    ///   - includesStatistics: Whether to add the evaluation statistics, where the format has room.
    public init(locale: String = "en", includesErrors: Bool = true, includesStatistics: Bool = false) {
        self.locale = locale
        self.includesErrors = includesErrors
        self.includesStatistics = includesStatistics
    }
}
