import YardstickData

/// One filter of a plan.
public enum QueryFilter: Sendable, Hashable, CustomStringConvertible {
    /// The date field falls in the evaluated period.
    case during(String)
    /// The date field is before the evaluated period's first day.
    case before(String)
    /// The date field falls between two days, inclusive.
    case between(String, Int32, Int32)
    /// The field compares with a constant.
    case compare(FieldPath, Comparison, Operand)
    /// The field is (or, negated, is not) one of the constants.
    case oneOf(FieldPath, [Operand], negated: Bool)
    /// The text field contains the text (case-sensitive).
    case contains(FieldPath, String)
    /// The field is null (or, negated, not null).
    case isNull(FieldPath, negated: Bool)

    /// The filter in words, for `explain`.
    public var description: String {
        switch self {
        case .during(let field): "\(field) falls in the period"
        case .before(let field): "\(field) is before the period"
        case .between(let field, let low, let high):
            "\(field) is between \(CivilDate.isoString(ofDay: low)) and \(CivilDate.isoString(ofDay: high))"
        case .compare(let path, let comparison, let operand): "\(path) \(comparison.rawValue) \(operand)"
        case .oneOf(let path, let operands, let negated):
            "\(path) is \(negated ? "not " : "")one of \(operands.map(\.description).joined(separator: ", "))"
        case .contains(let path, let text): "\(path) contains \"\(text)\""
        case .isNull(let path, let negated): "\(path) is \(negated ? "not " : "")empty"
        }
    }
}
