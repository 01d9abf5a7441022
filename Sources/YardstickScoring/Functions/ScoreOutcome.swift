/// What a scoring function gave one subject: the score, or why there is none, and what it was
/// computed from.
public struct ScoreOutcome: Sendable, Hashable {
    /// The score in `0...cap`, or nil when there is none (``missingReason`` says why).
    public var score: Double?
    /// The completion against the target, when the function used a target (for relative
    /// functions: against the peer reference).
    public var completion: Completion?
    /// The peer mean or peer best a relative function compared with.
    public var reference: Double?
    /// The subject's competition rank among the peers with a value (1 is best), for the rank
    /// and percentile functions.
    public var peerRank: Int?
    /// How many peers had a value, for the peer functions.
    public var peerCount: Int?
    /// Why ``score`` is nil.
    public var missingReason: MissingScoreReason?

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - score: The score, or nil.
    ///   - completion: The completion used.
    ///   - reference: The peer reference used.
    ///   - peerRank: The rank among peers.
    ///   - peerCount: The number of peers with a value.
    ///   - missingReason: Why there is no score.
    public init(
        score: Double?, completion: Completion? = nil, reference: Double? = nil, peerRank: Int? = nil,
        peerCount: Int? = nil, missingReason: MissingScoreReason? = nil
    ) {
        self.score = score
        self.completion = completion
        self.reference = reference
        self.peerRank = peerRank
        self.peerCount = peerCount
        self.missingReason = missingReason
    }

    /// An outcome without a score.
    ///
    /// - Parameter reason: Why there is no score.
    /// - Returns: The outcome.
    public static func missing(_ reason: MissingScoreReason) -> ScoreOutcome {
        ScoreOutcome(score: nil, missingReason: reason)
    }
}

/// Why an indicator has no score for a subject.
public enum MissingScoreReason: Sendable, Hashable, CustomStringConvertible {
    /// The indicator's value is missing.
    case missingValue
    /// The function needs a target and the subject has none.
    case missingTarget
    /// The value or the target is not a finite number (NaN or infinite).
    case notFinite
    /// No completion ratio exists and the target is not met (a negative value or target).
    case undefinedCompletion(CompletionRule)
    /// A relative function's peer reference is missing (no peer has a value) or unusable.
    case noPeerReference
    /// A custom function failed or gave no score.
    case customFunction(String)

    /// The reason in words.
    public var description: String {
        switch self {
        case .missingValue: "the value is missing"
        case .missingTarget: "there is no target"
        case .notFinite: "the value or target is not a finite number"
        case .undefinedCompletion(let rule): "completion is undefined (\(rule.rawValue)) and the target is not met"
        case .noPeerReference: "no peer value to compare with"
        case .customFunction(let message): message
        }
    }
}
