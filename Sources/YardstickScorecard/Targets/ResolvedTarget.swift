/// One subject's target for one indicator in one period, with where it came from — every
/// target shown can be traced to its rule and, for quotas, to its rows.
public struct ResolvedTarget: Sendable, Hashable {
    /// The target scored against (the chosen tier for quotas), or nil when there is none.
    public var value: Double?
    /// The tier scored against, for quota targets.
    public var tier: QuotaTier?
    /// For quota targets: every tier's value for the period (target, stretch, challenge; a
    /// tier absent from any row is absent here).
    public var tiers: [QuotaTier: Double]
    /// How it was obtained, in words: `constant 0.3`, `quota revenue: 3 monthly quotas summed
    /// (2017-10, 2017-11, 2017-12)`, `quota revenue: 2017-Q4 quota pro-rated by days: 31/92`,
    /// `override team = east: constant 0.35`, `lua:model.lua:14`.
    public var rule: String
    /// The quota rows used (their `id`s), for explain.
    public var quotaRows: [String]
    /// Why there is no target, when ``value`` is nil (no quota row covers the period, the
    /// function returned nil or failed with this message).
    public var missingReason: String?
    /// Where and why the target function failed, when it did (an error, not merely no target):
    /// the run reports it as a failure with its file and line, as it does a failing indicator.
    public var failure: ScorecardProblem?

    /// Creates a resolved target.
    public init(
        value: Double?, tier: QuotaTier? = nil, tiers: [QuotaTier: Double] = [:], rule: String,
        quotaRows: [String] = [], missingReason: String? = nil, failure: ScorecardProblem? = nil
    ) {
        self.value = value
        self.tier = tier
        self.tiers = tiers
        self.rule = rule
        self.quotaRows = quotaRows
        self.missingReason = missingReason
        self.failure = failure
    }
}
