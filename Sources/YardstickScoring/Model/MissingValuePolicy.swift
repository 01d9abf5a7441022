/// What an indicator without a score (a missing value, no target, an undefined completion)
/// does to its subject's total. Chosen per indicator; every result says which one applied.
public enum MissingValuePolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// The score counts as 0: the indicator keeps its weight and contributes nothing.
    case countAsZero = "zero"
    /// The indicator is left out and its weight is shared among its present siblings in
    /// proportion to their weights; a dimension whose indicators are all left out is left out
    /// of its own parent the same way.
    case excludeAndReweight = "reweight"
    /// The total is marked incomplete: the indicator contributes nothing (no re-weighting), the
    /// total is the sum of what is there, and the subject gets no grade and no rank.
    case markIncomplete = "incomplete"
}
