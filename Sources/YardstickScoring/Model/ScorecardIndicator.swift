/// A leaf of the scorecard tree: one indicator, its weight within its dimension and how it is
/// scored.
public struct ScorecardIndicator: Sendable {
    /// The indicator id whose value is scored (`sales-core.win_rate`); also the node's name in
    /// paths. Two leaves of one dimension may not share it.
    public var id: String
    /// The weight within its parent (see ``WeightRule``).
    public var weight: Double
    /// Whether higher or lower values are better.
    public var direction: Direction
    /// How the value becomes a score.
    public var function: ScoringFunction
    /// The highest score, or nil for the model's (``ScoringModel/cap``).
    public var cap: Double?
    /// What a missing score does to the total.
    public var missingPolicy: MissingValuePolicy
    /// Where it was declared, for errors.
    public var location: ModelLocation?

    /// Creates an indicator leaf.
    ///
    /// - Parameters:
    ///   - id: The indicator id.
    ///   - weight: The weight within its parent.
    ///   - direction: Whether higher or lower values are better.
    ///   - function: The scoring function (linear from 0 to the target by default).
    ///   - cap: The highest score, or nil for the model's.
    ///   - missingPolicy: What a missing score does (counts as 0 by default).
    ///   - location: Where it was declared.
    public init(
        _ id: String, weight: Double, direction: Direction = .higherIsBetter,
        function: ScoringFunction = .proportional, cap: Double? = nil,
        missingPolicy: MissingValuePolicy = .countAsZero, location: ModelLocation? = nil
    ) {
        self.id = id
        self.weight = weight
        self.direction = direction
        self.function = function
        self.cap = cap
        self.missingPolicy = missingPolicy
        self.location = location
    }
}
