/// One member of a breakdown dimension that a scope's rows are restricted to: the rows of an
/// entity that has the dimension's path are kept when their member is this one; the rows of an
/// entity without the path are not restricted (a breakdown by `product` leaves a view of calls,
/// which name no product, whole).
public struct MemberRestriction: Sendable, Hashable {
    /// The dimension.
    public var dimension: BreakdownDimension
    /// The member's label (`Enterprise`, `1997-01`), or nil for the empty member (rows whose
    /// path is null), labelled ``BreakdownDimension/noneLabel`` in output.
    public var member: String?

    /// Creates a restriction.
    public init(dimension: BreakdownDimension, member: String?) {
        self.dimension = dimension
        self.member = member
    }

    /// The member as written in output: its label, or ``BreakdownDimension/noneLabel``.
    public var label: String { member ?? BreakdownDimension.noneLabel }
}
