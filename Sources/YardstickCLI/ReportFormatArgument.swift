import ArgumentParser
import YardstickEngine
import YardstickXLSX

/// The `--format` of `run`: the id of a writer in ``registry`` (the standard text formats and
/// the `xlsx` workbook).
///
/// An id no writer has is refused by the argument parser, which lists the known ids.
struct ReportFormatArgument: ExpressibleByArgument {
    /// The format id (`table`).
    let formatID: String
    /// The writer of the format.
    let writer: any ReportWriter

    /// The formats `run` offers: ``ReportWriterRegistry/standard`` and `xlsx`.
    static let registry: ReportWriterRegistry = {
        var writers = ReportWriterRegistry.standard
        writers.register(XLSXReportWriter())
        return writers
    }()

    init(formatID: String) {
        self.init(argument: formatID)!
    }

    init?(argument: String) {
        guard let writer = try? Self.registry.writer(for: argument) else { return nil }
        self.formatID = argument
        self.writer = writer
    }

    static var allValueStrings: [String] { registry.formatIDs }

    var defaultValueDescription: String { formatID }
}
