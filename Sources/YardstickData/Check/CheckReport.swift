/// Everything `yardstick check` found in a workspace's data, without running any indicator.
public struct CheckReport: Sendable, Codable {
    /// The workspace name.
    public var workspace: String
    /// One entry per mapped entity, in vocabulary order.
    public var entities: [EntityCheck]

    /// The number of problems (each kind of problem on each entity or field counts once).
    public var problemCount: Int { entities.reduce(0) { $0 + $1.problems.count } }

    /// Whether the data has problems (the command then exits with code 1).
    public var hasProblems: Bool { problemCount > 0 }
}
