import YardstickData
import YardstickQuery

/// One subject of an evaluation: a user, a team, a department, the company or an account, with
/// the rows that scope its records.
public struct SubjectInfo: Sendable, Hashable {
    /// The grain.
    public var grain: Grain
    /// The subject's id (the user's id, the team's id, "company").
    public var id: String
    /// The display name.
    public var name: String
    /// For users: their team id.
    public var team: String?
    /// For users: their role.
    public var role: String?
    /// Whose records the subject sees.
    public var subject: QueryScope.Subject
    /// The breakdown member the subject's records are restricted to (a breakdown's figures);
    /// nil for the overall figures.
    package var member: MemberRestriction?

    /// Creates a subject.
    public init(
        grain: Grain, id: String, name: String, team: String? = nil, role: String? = nil,
        subject: QueryScope.Subject
    ) {
        self.grain = grain
        self.id = id
        self.name = name
        self.team = team
        self.role = role
        self.subject = subject
    }
}
