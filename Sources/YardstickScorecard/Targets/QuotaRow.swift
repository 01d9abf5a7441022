/// One usable row of the `quotas` entity: its id, the days it covers and the value of each
/// tier it gives.
struct QuotaRow: Sendable, Hashable {
    /// The row's `id` (or its row number when the row has none).
    let id: String
    /// The days of its target period.
    let span: QuotaSpan
    /// The tiers the row gives (`target`, and `stretch` / `challenge` when filled in).
    let tiers: [QuotaTier: Double]
    /// The natural name of its period (`2017-10`, `2017-Q4`), worked out once.
    let label: String
    /// The natural kind of its period.
    let kind: QuotaSpan.Kind

    /// Creates a row.
    init(id: String, span: QuotaSpan, tiers: [QuotaTier: Double]) {
        self.id = id
        self.span = span
        self.tiers = tiers
        self.label = span.label
        self.kind = span.kind
    }
}
