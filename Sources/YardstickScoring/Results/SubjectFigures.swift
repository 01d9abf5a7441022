/// One subject's inputs to scoring: its id and, per indicator id, its value and target.
///
/// An indicator the model scores but `inputs` lacks counts as a missing value; inputs for
/// indicators the model does not score are ignored. Subject ids should be unique within a peer
/// group (``ScoredPeerGroup``'s subscript answers the first).
public struct SubjectFigures: Sendable, Hashable {
    /// The subject's id (`u17`, a team id).
    public var subjectID: String
    /// The value and target of each indicator, by indicator id.
    public var inputs: [String: ScoringInput]

    /// Creates a subject's figures.
    ///
    /// - Parameters:
    ///   - subjectID: The subject's id.
    ///   - inputs: The value and target of each indicator, by indicator id.
    public init(subjectID: String, inputs: [String: ScoringInput]) {
        self.subjectID = subjectID
        self.inputs = inputs
    }
}
