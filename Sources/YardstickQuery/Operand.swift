import YardstickData

/// What a filter compares a field with: a constant, or a value of the same row
/// (`where{ completed_at = {"<=", field("due_at")} }`).
public enum Operand: Sendable, Hashable, CustomStringConvertible {
    /// Text (also enum values and reference ids).
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case number(Double)
    /// An exact decimal.
    case decimal(ExactDecimal)
    /// A boolean.
    case boolean(Bool)
    /// A date (day number).
    case date(Int32)
    /// An instant (epoch seconds).
    case datetime(Int64)
    /// Another field of the same row, or arithmetic over the row's fields: a row where either
    /// side is null matches no comparison (not even `~=`).
    indirect case measure(Measure)

    /// Whether the operand is a value of the row (``measure(_:)``) rather than a constant.
    public var isMeasure: Bool {
        if case .measure = self { return true }
        return false
    }

    /// The operand as written in explanations.
    public var description: String {
        switch self {
        case .text(let text): "\"\(text)\""
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .decimal(let value): value.description
        case .boolean(let value): value ? "true" : "false"
        case .date(let day): CivilDate.isoString(ofDay: day)
        case .datetime(let seconds): CivilDate.isoString(ofInstant: seconds)
        case .measure(let measure): measure.isArithmetic ? "(\(measure))" : measure.description
        }
    }
}
