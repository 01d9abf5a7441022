/// A comparison operator of `where`.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "~="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
