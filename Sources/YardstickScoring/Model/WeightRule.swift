/// How sibling weights in a scorecard tree must add up.
///
/// The default is ``mustSumTo100``: weights are percentages of their parent and a typo
/// (40/30/20) is an error, not a silently rescaled model. ``normalised`` suits coarse models
/// written as relative weights (1, 1, 2); each sibling's share is its weight divided by their sum.
/// Either way every weight must be finite and greater than 0.
public enum WeightRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The weights of each node's children sum to 100 (within 0.001).
    case mustSumTo100 = "sum-to-100"
    /// Any positive weights; shares are weights divided by their siblings' sum.
    case normalised = "normalised"
}
