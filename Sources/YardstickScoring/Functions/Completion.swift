/// How far a value goes towards its target, direction-aware: 1.0 is the target exactly met.
///
/// The rules (docs/decisions/0012-scoring.md):
///
/// | direction | target | value | ratio | rule |
/// |---|---|---|---|---|
/// | higher | > 0 | ≥ 0 | value / target | ``CompletionRule/valueOverTarget`` |
/// | lower | ≥ 0 | > 0 | target / value | ``CompletionRule/targetOverValue`` |
/// | either | 0 | 0 | 1.0 | ``CompletionRule/bothZero`` |
/// | higher | 0 | > 0 | none (infinitely past target) | ``CompletionRule/zeroDenominator`` |
/// | lower | > 0 | 0 | none (infinitely past target) | ``CompletionRule/zeroDenominator`` |
/// | either | < 0, or value < 0 | | none | ``CompletionRule/negativeOperand`` |
///
/// So a lower-is-better value twice its target is 50 % complete and half its target is 200 %
/// complete, mirroring higher-is-better. When there is no ratio, ``isMet`` still says whether
/// the target is met (``Direction/meets(_:target:)``): a scoring function then gives a met target
/// the cap, and nothing (a missing score) to an unmet one.
///
/// ```swift
/// Completion(value: 90, target: 120, direction: .higherIsBetter).ratio  // 0.75
/// Completion(value: 4, target: 2, direction: .lowerIsBetter).ratio      // 0.5
/// ```
public struct Completion: Sendable, Hashable {
    /// The completion as a fraction (0.75 is 75 %), or nil when no finite, meaningful ratio
    /// exists (see ``rule``).
    public var ratio: Double?
    /// Whether the value meets the target in its direction (equal counts as met).
    public var isMet: Bool
    /// Which rule produced ``ratio``.
    public var rule: CompletionRule

    /// Computes the completion of `value` against `target`.
    ///
    /// - Parameters:
    ///   - value: The subject's value.
    ///   - target: The target.
    ///   - direction: Whether higher or lower values are better.
    public init(value: Double, target: Double, direction: Direction) {
        isMet = direction.meets(value, target: target)
        if value < 0 || target < 0 {
            ratio = nil
            rule = .negativeOperand
        } else if value == 0 && target == 0 {
            ratio = 1
            rule = .bothZero
        } else {
            switch direction {
            case .higherIsBetter:
                if target == 0 {
                    ratio = nil
                    rule = .zeroDenominator
                } else {
                    ratio = value / target
                    rule = .valueOverTarget
                }
            case .lowerIsBetter:
                if value == 0 {
                    ratio = nil
                    rule = .zeroDenominator
                } else {
                    ratio = target / value
                    rule = .targetOverValue
                }
            }
        }
    }
}

/// The rule by which a ``Completion`` was computed, so outputs can say why a completion is
/// missing.
public enum CompletionRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Higher is better: value / target.
    case valueOverTarget = "value/target"
    /// Lower is better: target / value.
    case targetOverValue = "target/value"
    /// Value and target are both zero: exactly met, 1.0.
    case bothZero = "both zero"
    /// The ratio's denominator is zero and its numerator is not (a positive value against a zero
    /// target when higher is better, a zero value against a positive target when lower is
    /// better): the target is met by an unbounded margin and there is no ratio.
    case zeroDenominator = "zero denominator"
    /// The value or the target is negative: a ratio would not mean completion, there is none.
    case negativeOperand = "negative operand"
}
