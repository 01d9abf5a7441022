/// Many subjects of one grain as a partition of users (or of accounts): every user belongs to at
/// most one subject. A prepared aggregate then runs for all of them in one pass over a period's
/// rows (``QueryEngine/run(_:for:periods:)``) instead of once per subject.
public struct SubjectPartition: Sendable {
    /// Whether the subjects are sets of users or of accounts.
    public enum Kind: Sendable, Hashable {
        /// Each subject is a set of users (a user, a team, a department, the company).
        case users
        /// Each subject is a set of accounts (an account).
        case accounts
        /// Each subject is a set of rows of an entity (a product, a supplier), with the declared
        /// fields attaching other entities' records to it.
        case entity(String, references: [String: String])
    }

    /// Users, accounts or rows of a subject entity.
    public let kind: Kind
    /// The number of subjects (of cells, subject × member, when split by a breakdown's
    /// members).
    public internal(set) var count: Int
    /// Per row of `users` (or `accounts`), the subject it belongs to, or -1.
    let subjectOfTarget: [Int32]
    /// The breakdown members each subject is split into, when split: cell
    /// `subject * members.count + member`.
    package internal(set) var members: DimensionMembers?
    /// Whether every row belongs to the one subject, whoever it is attributed to (the company).
    var everyRow = false

    /// Partitions subjects given as scopes, or nil when they are not a partition of one kind of
    /// target: the company, a mix of users and accounts, or a target in two subjects.
    ///
    /// - Parameters:
    ///   - subjects: The subjects, in the order results are wanted.
    ///   - targetCount: The number of rows of `users` (or `accounts`, or the subject entity).
    public init?(_ subjects: [QueryScope.Subject], targetCount: Int) {
        var kind: Kind?
        var subjectOfTarget = [Int32](repeating: -1, count: targetCount)
        for (index, subject) in subjects.enumerated() {
            let targets: [Int32]
            switch subject {
            case .company: return nil
            case .users(let users):
                if let kind, kind != .users { return nil }
                kind = .users
                targets = users
            case .accounts(let accounts):
                if let kind, kind != .accounts { return nil }
                kind = .accounts
                targets = accounts
            case .entity(let entity):
                let entityKind = Kind.entity(entity.entity, references: entity.references)
                if let kind, kind != entityKind { return nil }
                kind = entityKind
                targets = entity.rows
            case .value: return nil
            }
            for target in targets {
                guard target >= 0, Int(target) < targetCount, subjectOfTarget[Int(target)] < 0 else { return nil }
                subjectOfTarget[Int(target)] = Int32(index)
            }
        }
        guard let kind else { return nil }
        self.kind = kind
        self.count = subjects.count
        self.subjectOfTarget = subjectOfTarget
    }

    /// The whole company as one subject: every row belongs to it.
    init(wholeCompany: Void) {
        kind = .users
        count = 1
        subjectOfTarget = []
        everyRow = true
    }
}
