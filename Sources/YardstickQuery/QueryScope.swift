import YardstickData

/// Whose records a query sees, and in which period.
public struct QueryScope: Sendable, Hashable {
    /// The subject the rows are restricted to.
    public enum Subject: Sendable, Hashable {
        /// The whole company: every row.
        case company
        /// Rows attributed to these users (row numbers of `users`): one user, or a team's members.
        case users([Int32])
        /// Rows of these accounts (row numbers of `accounts`).
        case accounts([Int32])
        /// Rows attached to these rows of a subject entity (a product, a campaign, a supplier):
        /// the entity's own rows, and other entities' rows through their field referencing it.
        case entity(EntitySubject)
        /// Rows whose string field `field` holds `value` (the calls of one queue).
        case value(field: String, value: String)
    }

    /// The subject.
    public var subject: Subject
    /// The first day of the period (local day number).
    public var firstDay: Int32
    /// The last day of the period, inclusive.
    public var lastDay: Int32
    /// The breakdown member the rows are restricted to, applied like a filter to the rows of
    /// every entity that has the dimension's path (see ``MemberRestriction``); nil for none.
    public var member: MemberRestriction?

    /// Creates a scope.
    public init(subject: Subject, firstDay: Int32, lastDay: Int32, member: MemberRestriction? = nil) {
        self.subject = subject
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.member = member
    }
}
