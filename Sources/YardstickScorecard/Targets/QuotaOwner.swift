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
