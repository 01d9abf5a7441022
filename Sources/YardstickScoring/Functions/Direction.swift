/// Which way an indicator improves: whether a higher or a lower value is the better one.
///
/// Every direction-aware rule of the module reads it: completion (``Completion``), the step
/// tables of ``ScoringFunction/steps(_:basis:)`` on values, the peer functions (who is best),
/// ranking (``PeerRanking``) and the forced distribution.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
    /// More is better: revenue, win rate, satisfaction.
    case higherIsBetter = "higher"
    /// Less is better: complaints, response time, cost per deal.
    case lowerIsBetter = "lower"

    /// Whether `value` is strictly better than `other` in this direction.
    ///
    /// - Parameters:
    ///   - value: The value compared.
    ///   - other: The value it is compared with.
    /// - Returns: `value > other` when higher is better, `value < other` when lower is better.
    public func isBetter(_ value: Double, than other: Double) -> Bool {
        switch self {
        case .higherIsBetter: value > other
        case .lowerIsBetter: value < other
        }
    }

    /// Whether `value` meets `target`: at least the target when higher is better, at most it
    /// when lower is better.
    ///
    /// - Parameters:
    ///   - value: The subject's value.
    ///   - target: The target it is measured against.
    /// - Returns: Whether the target is met (equal counts as met).
    public func meets(_ value: Double, target: Double) -> Bool {
        switch self {
        case .higherIsBetter: value >= target
        case .lowerIsBetter: value <= target
        }
    }

    /// The best of `values` in this direction (the largest when higher is better), or nil when
    /// there are none.
    ///
    /// - Parameter values: The values to choose from.
    /// - Returns: The best value, or nil for an empty collection.
    public func best<Values: Sequence<Double>>(of values: Values) -> Double? {
        switch self {
        case .higherIsBetter: values.max()
        case .lowerIsBetter: values.min()
        }
    }
}
