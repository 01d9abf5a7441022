/// An arithmetic operator of a measure built with `field()` (`field("amount") - field("cost")`).
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
    /// `+`: exact for integers and decimals.
    case add = "+"
    /// `-`: exact for integers and decimals.
    case subtract = "-"
    /// `*`: exact for integers and decimals (a decimal product is kept to four places).
    case multiply = "*"
    /// `/`: always a floating-point number; a zero divisor makes the row's value null.
    case divide = "/"

    /// How tightly the operator binds: `*` and `/` before `+` and `-`.
    var precedence: Int {
        switch self {
        case .add, .subtract: 1
        case .multiply, .divide: 2
        }
    }
}
