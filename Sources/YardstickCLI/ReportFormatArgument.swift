import ArgumentParser
import YardstickEngine

/// The `--format` of `run`: the id of a writer in ``ReportWriterRegistry/standard``.
///
/// An id no writer has is refused by the argument parser, which lists the known ids.
struct ReportFormatArgument: ExpressibleByArgument {
    /// The format id (`table`).
    let formatID: String
    /// The writer of the format.
    let writer: any ReportWriter

    init(formatID: String) {
        self.init(argument: formatID)!
    }

    init?(argument: String) {
        guard let writer = try? ReportWriterRegistry.standard.writer(for: argument) else { return nil }
        self.formatID = argument
        self.writer = writer
    }

    static var allValueStrings: [String] { ReportWriterRegistry.standard.formatIDs }

    var defaultValueDescription: String { formatID }
}
