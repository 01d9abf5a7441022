/// One indicator's result for one subject: everything `explain` needs to show how it came to
/// its contribution.
public struct IndicatorScore: Sendable {
    /// The path from the top of the model (`["results", "revenue"]`).
    public var path: [String]
    /// The indicator id.
    public var indicatorID: String
    /// The subject's value, or nil when missing.
    public var value: Double?
    /// The subject's target, or nil when there is none.
    public var target: Double?
    /// The indicator's direction.
    public var direction: Direction
    /// The scoring function, with its parameters (``ScoringFunction/explanation``).
    public var function: ScoringFunction
    /// The cap that applied (the indicator's or the model's).
    public var cap: Double
    /// What the function gave: the score or why there is none, the completion, the peer
    /// reference, rank and count.
    public var outcome: ScoreOutcome
    /// The policy applied because there was no score, or nil when there was one.
    public var appliedPolicy: MissingValuePolicy?
    /// The score that counts in the total: the function's score, 0 under
    /// ``MissingValuePolicy/countAsZero``, nil when the indicator was left out or marked the
    /// total incomplete.
    public var countedScore: Double?
    /// The weight as declared.
    public var declaredWeight: Double
    /// The share of its parent after re-weighting (0…1; 0 when left out).
    public var share: Double
    /// The share of the total after re-weighting: the product of the shares along its path.
    public var totalShare: Double
    /// The points it adds to the total: `countedScore × totalShare` (nil when not counted).
    public var contribution: Double?

    /// The completion against the target (or the peer reference), when there was one.
    public var completion: Completion? { outcome.completion }
}
