/// The groups whose members are compared with each other: ranks, percentiles, peer means and
/// bests, and the forced distribution are computed within one group at a time.
public enum PeerGrouping: String, Sendable, Hashable, CaseIterable {
    /// Every scored subject is one group (the default).
    case all
    /// One group per role (排序法 ranks like with like).
    case role
    /// One group per team.
    case team
}
