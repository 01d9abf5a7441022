/// One step of a banded score table: from `threshold` on, the score is `score`.
///
/// On a completion basis the threshold is a completion fraction (0.8 is 80 %); on a value basis
/// it is a value of the indicator, "at least" when higher is better and "at most" when lower is
/// better. See ``ScoringFunction/steps(_:basis:)``.
public struct ScoreStep: Sendable, Hashable, Codable {
    /// Where the step starts (a completion fraction or a value, by the table's basis).
    public var threshold: Double
    /// The score from this threshold on, before the cap.
    public var score: Double

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - threshold: Where the step starts.
    ///   - score: The score it gives.
    public init(threshold: Double, score: Double) {
        self.threshold = threshold
        self.score = score
    }
}

/// What the thresholds of a step table are compared with.
public enum StepBasis: String, Sendable, Hashable, CaseIterable, Codable {
    /// The completion fraction (direction-aware already): a step applies when completion ≥ its
    /// threshold.
    case completion
    /// The raw value: a step applies when the value is at least its threshold (higher is
    /// better) or at most it (lower is better).
    case value
}
