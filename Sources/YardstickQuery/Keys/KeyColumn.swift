/// One named per-key aggregate of a key view (`{ n = "count" }`, `{ first = {"min", "ordered_at"} }`):
/// the aggregate folded over each key's rows, read by name as a field of the key view.
package struct KeyColumn: Sendable, Hashable {
    /// The field name scripts read (`n`, `first`).
    package var name: String
    /// What is folded over each key's rows.
    package var aggregate: Aggregate

    /// Creates a column.
    package init(name: String, aggregate: Aggregate) {
        self.name = name
        self.aggregate = aggregate
    }
}
