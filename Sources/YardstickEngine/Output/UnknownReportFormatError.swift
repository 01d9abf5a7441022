/// A report format no registered writer has, with the formats that are known.
public struct UnknownReportFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format id asked for.
    public var formatID: String
    /// The format ids the registry knows, in its order.
    public var knownFormatIDs: [String]

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - formatID: The format id asked for.
    ///   - knownFormatIDs: The ids the registry knows.
    public init(formatID: String, knownFormatIDs: [String]) {
        self.formatID = formatID
        self.knownFormatIDs = knownFormatIDs
    }

    /// `unknown report format "xml" (known: table, json, csv)`.
    public var description: String {
        "unknown report format \"\(formatID)\" (known: \(knownFormatIDs.joined(separator: ", ")))"
    }
}
