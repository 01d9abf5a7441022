/// A report format: turns a ``RunReport`` into the bytes of one output format.
///
/// The contract every writer keeps:
/// - It is a pure function of the report and the options: no clock, no environment, no file
///   system, so the same report always gives the same bytes (the output tests rely on it).
/// - It writes every figure of ``RunReport/results`` it has room for, in the table's order, and
///   never invents or drops a value silently: missing and failed figures keep their status.
/// - Text formats are UTF-8 with LF line ends and end with a newline.
///
/// Writers are found by their ``formatID`` in a ``ReportWriterRegistry``; `yardstick run
/// --format` takes those ids. To add a format (Markdown, HTML, a spreadsheet), write a type
/// conforming to this protocol and register it (see docs/decisions/0010-results-and-writers.md).
public protocol ReportWriter: Sendable {
    /// The format's id as `--format` takes it: lowercase, unique in a registry (`csv`).
    var formatID: String { get }

    /// The usual file name extension of the format, without the dot (`csv`, `json`, `txt`).
    var fileExtension: String { get }

    /// Whether the output is text meant to be read in a terminal or an editor (false for a
    /// binary format such as a spreadsheet, which a caller should not print to a terminal).
    var isText: Bool { get }

    /// The report in this format.
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - options: The locale and what to include besides the figures.
    /// - Returns: The output's bytes (UTF-8 for text formats).
    func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8]
}
