/// The type of a field in the CRM vocabulary or of a custom field declared by a workspace.
///
/// Every loaded value is parsed to its field's type; nothing is kept as untyped text except
/// `string` fields.
public enum FieldType: Sendable, Hashable, CustomStringConvertible {
    /// Free text, dictionary-encoded in memory.
    case string
    /// A 64-bit signed integer.
    case integer
    /// An exact decimal number (money, scores), stored as a scaled integer.
    case decimal
    /// True or false.
    case boolean
    /// A calendar date without time of day.
    case date
    /// An instant in time; source values without an offset are read in the workspace time zone.
    case datetime
    /// One of a closed set of values, listed in order.
    case enumeration([String])
    /// The `id` of a row in another entity.
    case reference(String)

    /// The short name used in the workspace file and the docs (`string`, `enum`, `reference`…).
    public var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .date: "date"
        case .datetime: "datetime"
        case .enumeration: "enum"
        case .reference: "reference"
        }
    }

    /// A human description such as `enum(won, lost)` or `reference → users`.
    public var description: String {
        switch self {
        case .enumeration(let values): "enum(\(values.joined(separator: ", ")))"
        case .reference(let entity): "reference → \(entity)"
        default: name
        }
    }
}
