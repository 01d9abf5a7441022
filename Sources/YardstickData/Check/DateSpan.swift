/// The earliest and latest value of dates, as ISO 8601 text.
public struct DateSpan: Sendable, Codable, Equatable {
    /// The earliest value.
    public var first: String
    /// The latest value.
    public var last: String
}
