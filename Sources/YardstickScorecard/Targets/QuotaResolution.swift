/// The rows of one owner and metric resolved to a period: every tier's value and how it was
/// obtained, or why there is none.
struct QuotaResolution: Sendable, Hashable {
    /// Every tier given by all the rows used.
    var tiers: [QuotaTier: Double]
    /// How the rows were combined (`3 monthly quotas summed (…)`); empty when missing.
    var description: String
    /// The rows looked at.
    var rowIDs: [String]
    /// Why there is no target, if so.
    var missingReason: String?

    /// A resolution with values.
    init(tiers: [QuotaTier: Double], description: String, rowIDs: [String]) {
        self.tiers = tiers
        self.description = description
        self.rowIDs = rowIDs
        self.missingReason = nil
    }

    /// A resolution without a target.
    init(missing reason: String, rowIDs: [String] = []) {
        self.tiers = [:]
        self.description = ""
        self.rowIDs = rowIDs
        self.missingReason = reason
    }

    /// The resolved target scored on `tier`, its rule starting with `heading`
    /// (`quota revenue`, `team quota revenue (stretch)`).
    func target(tier: QuotaTier, heading: String) -> ResolvedTarget {
        if let missingReason {
            return ResolvedTarget(
                value: nil, tier: tier, rule: heading, quotaRows: rowIDs, missingReason: missingReason)
        }
        guard let value = tiers[tier] else {
            return ResolvedTarget(
                value: nil, tier: tier, tiers: tiers, rule: heading + ": " + description, quotaRows: rowIDs,
                missingReason: "quota rows \(rowIDs.joined(separator: ", ")) do not all give a \(tier.rawValue) tier")
        }
        return ResolvedTarget(
            value: value, tier: tier, tiers: tiers, rule: heading + ": " + description, quotaRows: rowIDs)
    }
}
