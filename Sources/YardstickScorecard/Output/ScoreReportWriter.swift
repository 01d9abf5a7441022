/// A format of `yardstick score`'s output: turns a ``ScoreReport`` into the bytes of one format.
///
/// The contract every writer keeps (as the run's report writers do):
/// - It is a pure function of the report and the locale: no clock, no environment, no file
///   system, so the same report always gives the same bytes.
/// - It never invents or drops a figure silently: a missing value, target, completion or score
///   keeps its place, empty or `null`, with the reason beside it.
/// - Text formats are UTF-8 with LF line ends and end with a newline.
///
/// Writers are found by their format id with ``ScoreReportWriters/writer(for:)``;
/// docs/score-output.md describes each format.
public protocol ScoreReportWriter: Sendable {
    /// The format's id as `--format` takes it (`table`, `csv`, `json`).
    var formatID: String { get }

    /// The usual file name extension of the format, without the dot (`txt`, `csv`, `json`).
    var fileExtension: String { get }

    /// Whether the output is text (false for a spreadsheet, which `score` refuses to print to a
    /// terminal). Text unless a writer says otherwise.
    var isText: Bool { get }

    /// The report in this format.
    ///
    /// - Parameters:
    ///   - report: What `yardstick score` computed.
    ///   - locale: `en` or `zh-CN` (any locale starting with `zh` reads as Chinese); only the
    ///     table speaks a language, CSV and JSON are language-neutral.
    /// - Returns: The output's UTF-8 bytes.
    func write(_ report: ScoreReport, locale: String) -> [UInt8]
}

extension ScoreReportWriter {
    /// True: the formats are text unless a writer says otherwise.
    public var isText: Bool { true }
}
