/// A peer group scored under one model: every subject's scorecard and the distribution of their
/// totals.
public struct ScoredPeerGroup: Sendable {
    /// The model's id.
    public let modelID: String
    /// The subjects' scorecards, in the order they were given.
    public let subjects: [SubjectScorecard]
    /// The distribution of the complete totals (incomplete ones are left out, as they are from
    /// ranking).
    public let totalStatistics: PeerStatistics
    /// The position of each subject id's first scorecard in ``subjects``.
    private let positions: [String: Int]

    init(modelID: String, subjects: [SubjectScorecard], totalStatistics: PeerStatistics) {
        self.modelID = modelID
        self.subjects = subjects
        self.totalStatistics = totalStatistics
        var positions: [String: Int] = [:]
        for (position, subject) in subjects.enumerated() where positions[subject.subjectID] == nil {
            positions[subject.subjectID] = position
        }
        self.positions = positions
    }

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
        positions[subjectID].map { subjects[$0] }
    }
}
