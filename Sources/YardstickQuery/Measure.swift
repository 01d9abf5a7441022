import YardstickData

/// What an aggregate measures on each row: a field, or a duration between two date fields.
public enum Measure: Sendable, Hashable, CustomStringConvertible {
    /// A field's value.
    case field(FieldPath)
    /// `to − from` in days or hours (rows where either is null are skipped).
    case duration(from: String, to: String, hours: Bool)

    /// The measure in words.
    public var description: String {
        switch self {
        case .field(let path): path.description
        case .duration(let from, let to, let hours): "\(hours ? "hours" : "days") from \(from) to \(to)"
        }
    }
}
