/// An aggregate over the rows of a key view (`key_view:count()`, `key_view:avg("n")`): what a
/// script's terminal call on a key view asks the host for.
package struct KeyQuery: Sendable, Hashable, CustomStringConvertible {
    /// The key rows.
    package var view: KeyView
    /// The aggregate over them; its measures name key-view fields (`key`, `n`, `first`).
    package var aggregate: Aggregate

    /// Creates a query.
    package init(view: KeyView, aggregate: Aggregate) {
        self.view = view
        self.aggregate = aggregate
    }

    /// The query in words.
    package var description: String { "\(aggregate) over \(view)" }
}
