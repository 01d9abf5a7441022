import YardstickData

/// What an aggregate measures on each row: a field, a duration between two date fields, or
/// arithmetic over the row's fields and constants (`field("amount") - field("cost")`).
public enum Measure: Sendable, Hashable, CustomStringConvertible {
    /// A field's value.
    case field(FieldPath)
    /// `to − from` in days or hours (rows where either is null are skipped).
    case duration(from: String, to: String, hours: Bool)
    /// A constant (an integer, a number or a decimal) inside an arithmetic measure; never a
    /// measure on its own.
    case constant(Operand)
    /// `left op right`, row by row: null when either side is null, and for `/` when the divisor
    /// is zero. Integers and decimals stay exact under `+ - *`; `/`, and any floating-point
    /// operand, give a floating-point number (docs/decisions/0022-field-expressions.md).
    indirect case arithmetic(ArithmeticOperator, Measure, Measure)

    /// The measure in words: a field's path, a duration, or the arithmetic written out with
    /// the parentheses it needs (`(amount - cost) / amount`).
    public var description: String {
        switch self {
        case .field(let path): path.description
        case .duration(let from, let to, let hours): "\(hours ? "hours" : "days") from \(from) to \(to)"
        case .constant(let operand): operand.description
        case .arithmetic(let op, let left, let right):
            if op == .subtract, case .constant(.integer(0)) = left {
                "-" + right.operandText(under: .multiply, onRight: true)
            } else {
                left.operandText(under: op, onRight: false) + " \(op.rawValue) "
                    + right.operandText(under: op, onRight: true)
            }
        }
    }

    /// The measure written as an operand of `parent`, in parentheses when it binds less
    /// tightly (or as tightly, on the right of `-` and `/`).
    private func operandText(under parent: ArithmeticOperator, onRight: Bool) -> String {
        guard case .arithmetic(let op, _, _) = self else {
            if case .duration = self { return "(\(description))" }
            return description
        }
        let needsParentheses =
            op.precedence < parent.precedence
            || (onRight && op.precedence == parent.precedence && (parent == .subtract || parent == .divide))
        return needsParentheses ? "(\(description))" : description
    }

    /// Whether the measure is arithmetic (rendered in parentheses after "sum of" and the like).
    public var isArithmetic: Bool {
        if case .arithmetic = self { return true }
        return false
    }
}
