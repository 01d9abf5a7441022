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

/// Whose quota rows these are: a user's (`user` = the user's id) or a unit's own (`team` = the
/// team's, department's or company's id, and no user).
enum QuotaOwner: Sendable, Hashable, CustomStringConvertible {
    /// A user's rows.
    case user(String)
    /// A team's, department's or company's own rows.
    case unit(String)

    /// The owner's id.
    var id: String {
        switch self {
        case .user(let id), .unit(let id): id
        }
    }

    /// `user u1` / `unit T1`, for messages that know no better name of the unit's level.
    var description: String {
        switch self {
        case .user(let id): "user \(id)"
        case .unit(let id): "unit \(id)"
        }
    }
}
