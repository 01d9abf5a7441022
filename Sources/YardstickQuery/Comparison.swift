/// A comparison operator of `where`.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    /// Equal (`=`).
    case equal = "="
    /// Not equal (`~=`, Lua's spelling).
    case notEqual = "~="
    /// Less than (`<`).
    case less = "<"
    /// Less than or equal (`<=`).
    case lessOrEqual = "<="
    /// Greater than (`>`).
    case greater = ">"
    /// Greater than or equal (`>=`).
    case greaterOrEqual = ">="
}
