/// The report formats a program knows, by format id: what `yardstick run --format` chooses from.
///
/// ``standard`` holds the built-in text formats (`table`, `json`, `csv`, `html`, `md`, in that
/// order). A module that adds a format (the spreadsheet of `YardstickXLSX`) registers its writer
/// in a copy:
///
/// ```swift
/// var writers = ReportWriterRegistry.standard
/// writers.register(XLSXReportWriter())
/// let bytes = try writers.writer(for: "xlsx").write(report, options: ReportWriterOptions())
/// ```
public struct ReportWriterRegistry: Sendable {
    private var writers: [any ReportWriter]

    /// The built-in writers: table, json, csv, html and md.
    public static let standard = ReportWriterRegistry([
        TableReportWriter(), JSONReportWriter(), CSVReportWriter(), HTMLReportWriter(), MarkdownReportWriter(),
    ])

    /// Creates a registry of `writers`; of writers with the same format id, the last counts.
    ///
    /// - Parameter writers: The writers, in the order their ids are listed.
    public init(_ writers: [any ReportWriter] = []) {
        self.writers = []
        for writer in writers { register(writer) }
    }

    /// The format ids, in registration order (`table`, `json`, `csv`, `md`).
    public var formatIDs: [String] { writers.map(\.formatID) }

    /// Adds `writer`; a writer already registered under its format id is replaced, in place.
    ///
    /// - Parameter writer: The writer to add.
    public mutating func register(_ writer: any ReportWriter) {
        if let index = writers.firstIndex(where: { $0.formatID == writer.formatID }) {
            writers[index] = writer
        } else {
            writers.append(writer)
        }
    }

    /// The writer of a format.
    ///
    /// - Parameter formatID: The format id (`csv`); matched exactly.
    /// - Returns: The writer registered under it.
    /// - Throws: ``UnknownReportFormatError`` naming the format and listing the known ones.
    public func writer(for formatID: String) throws(UnknownReportFormatError) -> any ReportWriter {
        guard let writer = writers.first(where: { $0.formatID == formatID }) else {
            throw UnknownReportFormatError(formatID: formatID, knownFormatIDs: formatIDs)
        }
        return writer
    }

    /// The known format ids in words for help text: `table, json, csv or md`.
    public var formatList: String {
        let ids = formatIDs
        guard ids.count > 1 else { return ids.first ?? "" }
        return ids.dropLast().joined(separator: ", ") + " or " + ids[ids.count - 1]
    }
}
