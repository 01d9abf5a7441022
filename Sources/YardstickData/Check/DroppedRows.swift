/// Records of one file left out by its mapping's row filters.
public struct DroppedRows: Sendable, Codable, Equatable {
    /// The file, relative to the workspace.
    public var file: String
    /// The filters, as written (`drop outcome = "PHANTOM"`).
    public var filters: [String]
    /// How many records they left out.
    public var rows: Int
}
