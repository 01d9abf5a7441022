/// What a key table's codes identify, so that two key tables can be combined by code when their
/// codes mean the same thing, and by key text otherwise.
package enum KeyDomain: Sendable, Hashable {
    /// Row numbers of an entity: the key is a reference that resolved (`account` of orders and
    /// of activities both code the account's row, so they combine by code).
    case rows(String)
    /// The values themselves (integers, scaled decimals, days, seconds, booleans, number bits),
    /// by value type.
    case values(String)
    /// Dictionary codes of one column (`entity.path`): they mean the same only within it.
    case column(String)
    /// Codes that mean nothing outside the table: combine by key text.
    case local

    /// Whether two tables of these domains may be combined by code.
    package func sharesCodes(with other: KeyDomain) -> Bool {
        if case .local = self { return false }
        return self == other
    }
}
