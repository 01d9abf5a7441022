import YardstickData

/// The result of an aggregate: a typed value, a missing value with its reason, or a collection.
public enum QueryValue: Sendable, Equatable, CustomStringConvertible {
    /// No value, and why ("no rows").
    case missing(String)
    /// A whole number (counts, integer sums).
    case integer(Int64)
    /// A floating-point number (averages, durations).
    case number(Double)
    /// An exact decimal (money sums).
    case decimal(ExactDecimal)
    /// Text (enum values, reference ids, strings).
    case text(String)
    /// A boolean.
    case boolean(Bool)
    /// A date.
    case date(Int32)
    /// An instant.
    case datetime(Int64)
    /// A list (`distinct`).
    indirect case list([QueryValue])
    /// Per-key results (`group_by`), keys in ascending order.
    indirect case groups([(key: QueryValue, value: QueryValue)])
    /// Row numbers of the queried entity (`top`).
    case rows([Int32])

    /// The value as text.
    public var description: String {
        switch self {
        case .missing(let reason): "missing (\(reason))"
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .decimal(let value): value.description
        case .text(let value): value
        case .boolean(let value): value ? "true" : "false"
        case .date(let day): CivilDate.isoString(ofDay: day)
        case .datetime(let seconds): CivilDate.isoString(ofInstant: seconds)
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .groups(let pairs): "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .rows(let rows): "\(rows.count) rows"
        }
    }

    /// The value as a double, when numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .decimal(let value): value.doubleValue
        default: nil
        }
    }

    /// Compares two groups results by key order, for equality.
    public static func == (lhs: QueryValue, rhs: QueryValue) -> Bool {
        switch (lhs, rhs) {
        case (.missing(let a), .missing(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.decimal(let a), .decimal(let b)): a == b
        case (.text(let a), .text(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.date(let a), .date(let b)): a == b
        case (.datetime(let a), .datetime(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.groups(let a), .groups(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.rows(let a), .rows(let b)): a == b
        default: false
        }
    }
}
