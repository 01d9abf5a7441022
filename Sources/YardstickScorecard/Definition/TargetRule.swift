/// Where an indicator's target comes from.
public enum TargetRule: Sendable {
    /// The same number for every subject (`target = 0.30`).
    case constant(Double)
    /// The subject's row(s) of the `quotas` entity for a metric (`quota "revenue"`), scored on
    /// one tier. Quotas whose periods differ from the scored period are summed or pro-rated by
    /// days (see ``ResolvedTarget/rule``).
    case quota(metric: String, tier: QuotaTier)
    /// A Lua function of the model file (`target = function(t) return t.last_year * 1.1 end`).
    case function(any TargetFunction)
}

/// The tiers of a quota row: the target, and the optional stretch and challenge levels above it.
public enum QuotaTier: String, Sendable, Hashable, CaseIterable, Codable {
    /// The target itself (the `target` field).
    case target
    /// The stretch level (`stretch`).
    case stretch
    /// The challenge level (`challenge`).
    case challenge
}
