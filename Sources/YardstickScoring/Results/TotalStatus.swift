/// Whether a subject's total can be graded and ranked.
public enum TotalStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every indicator was scored, or its missing score was handled by counting it as 0 or
    /// re-weighting (the subject's ``SubjectScorecard/missingIndicators`` say which).
    case complete
    /// An indicator under ``MissingValuePolicy/markIncomplete`` had no score: the total is the
    /// sum of what is there, with no grade and no rank.
    case incomplete
    /// Every indicator was left out: there is no total.
    case noScores = "no-scores"
}
