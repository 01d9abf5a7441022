/// How two key views combine by key value.
package enum KeySetOperation: String, Sendable, Hashable {
    /// The left view's keys that the right view does not have.
    case minus
    /// The left view's keys that the right view has too.
    case intersect
    /// The keys of either view: the left view's rows, then the right view's keys the left lacks
    /// (their fields taken from the right where it has the same field, null otherwise).
    case union
}
