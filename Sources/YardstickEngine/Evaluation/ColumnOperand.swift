import YardstickQuery

/// An operand of ``EvaluationSession/arithmeticColumn(_:_:_:)``: a column, or one value for
/// every subject (a constant of the indicator, such as `1`, `7` or the period's last day).
enum ColumnOperand: Sendable, Equatable {
    /// A column's values.
    case column(ColumnReference)
    /// The same value for every subject.
    case constant(QueryValue)
}
