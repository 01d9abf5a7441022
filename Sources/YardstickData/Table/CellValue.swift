/// One typed cell value, boxed: for explain output, row views and tests, never for bulk work.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    /// No value.
    case null
    /// Text, an enum value, or a reference key.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// An exact decimal.
    case decimal(ExactDecimal)
    /// A boolean.
    case boolean(Bool)
    /// A date as a day number (days since 1970-01-01).
    case date(Int32)
    /// An instant as seconds since the epoch (UTC).
    case datetime(Int64)

    /// The value as text: ISO 8601 for dates and instants, empty for null.
    public var description: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .integer(let value): String(value)
        case .decimal(let value): value.description
        case .boolean(let value): value ? "true" : "false"
        case .date(let day): CivilDate.isoString(ofDay: day)
        case .datetime(let seconds): CivilDate.isoString(ofInstant: seconds)
        }
    }

    /// Whether the value is null.
    public var isNull: Bool { self == .null }
}
