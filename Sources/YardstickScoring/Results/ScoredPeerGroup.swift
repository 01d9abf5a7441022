/// A peer group scored under one model: every subject's scorecard and the distribution of their
/// totals.
public struct ScoredPeerGroup: Sendable {
    /// The model's id.
    public var modelID: String
    /// The subjects' scorecards, in the order they were given.
    public var subjects: [SubjectScorecard]
    /// The distribution of the complete totals (incomplete ones are left out, as they are from
    /// ranking).
    public var totalStatistics: PeerStatistics

    /// The distribution of one node's scores across the group: an indicator's counted scores or
    /// a dimension's subtotals (a team's spread on `results`), from every subject that has one —
    /// incomplete totals included, since the node's own score is not what is incomplete.
    ///
    /// - Parameter path: The node's path (`["results"]`, `["results", "revenue"]`).
    /// - Returns: The statistics; a count of 0 when no subject has a score there or the model
    ///   has no such node.
    public func statistics(at path: [String]) -> PeerStatistics {
        PeerStatistics(values: subjects.map { $0.node(at: path)?.score })
    }

    /// The scorecard of a subject, or nil when it is not in the group.
    ///
    /// - Parameter subjectID: The subject's id.
    /// - Returns: Its scorecard.
    public subscript(subjectID: String) -> SubjectScorecard? {
        subjects.first { $0.subjectID == subjectID }
    }
}
