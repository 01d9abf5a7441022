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

    /// The scorecard of a subject, or nil when it is not in the group.
    ///
    /// - Parameter subjectID: The subject's id.
    /// - Returns: Its scorecard.
    public subscript(subjectID: String) -> SubjectScorecard? {
        subjects.first { $0.subjectID == subjectID }
    }
}
