/// The sum of a unit's direct children's targets (sub-units and members, each counted once),
/// as rollups without a quota of their own take it.
struct TargetSum {
    /// One child's part of the sum.
    struct Part {
        /// The child's id.
        var id: String
        /// Whether the child is a sub-unit (else a member subject).
        var isUnit: Bool
        /// Its target.
        var target: ResolvedTarget
    }

    /// The parts, in the order the children were listed.
    var parts: [Part] = []

    /// Whether no child takes part.
    var isEmpty: Bool { parts.isEmpty }

    /// The sum, scored on `tier` (nil for non-quota rules), its rule starting with `heading`.
    ///
    /// Each tier is summed when every part gives it. A part without a target makes the sum
    /// missing, naming each such child and its reason.
    func target(heading: String, tier: QuotaTier?) -> ResolvedTarget {
        let rows = parts.flatMap(\.target.quotaRows)
        let rule = heading + ": sum of " + childrenText
        let missing = parts.filter { $0.target.value == nil }
        if !missing.isEmpty {
            // The first few children without a target, with their reasons (a sub-unit's own sum
            // reason shortened to its list); the rest counted.
            var reasons = missing.prefix(Self.reasonsShown).map { part in
                let reason = part.target.missingReason.map { text in
                    text.hasPrefix(Self.missingPrefix) ? "none for " + text.dropFirst(Self.missingPrefix.count) : text
                }
                return part.id + (reason.map { " (\($0))" } ?? "")
            }
            if missing.count > Self.reasonsShown { reasons.append("and \(missing.count - Self.reasonsShown) more") }
            return ResolvedTarget(
                value: nil, tier: tier, rule: rule, quotaRows: rows,
                missingReason: Self.missingPrefix + reasons.joined(separator: "; "))
        }
        var tiers: [QuotaTier: Double] = [:]
        for candidate in QuotaTier.allCases {
            let values = parts.compactMap { $0.target.tiers[candidate] }
            if values.count == parts.count { tiers[candidate] = values.reduce(0, +) }
        }
        let value = parts.reduce(0.0) { $0 + ($1.target.value ?? 0) }
        return ResolvedTarget(value: value, tier: tier, tiers: tier == nil ? [:] : tiers, rule: rule, quotaRows: rows)
    }

    /// How the reason of a sum with missing children starts.
    static let missingPrefix = "the sum needs every child's target; none for "

    /// How many children without a target a reason names with their own reasons.
    static let reasonsShown = 3

    /// `2 sub-units (T1, T2) and 3 members (u1, u2, u3)`; long lists are cut after eight ids.
    private var childrenText: String {
        let units = parts.filter(\.isUnit).map(\.id)
        let members = parts.filter { !$0.isUnit }.map(\.id)
        var pieces: [String] = []
        if !units.isEmpty { pieces.append(Self.count(units.count, "sub-unit") + " (" + Self.list(units) + ")") }
        if !members.isEmpty { pieces.append(Self.count(members.count, "member") + " (" + Self.list(members) + ")") }
        return pieces.joined(separator: " and ")
    }

    private static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    private static func list(_ ids: [String]) -> String {
        ids.count <= 8 ? ids.joined(separator: ", ") : ids.prefix(8).joined(separator: ", ") + ", …"
    }
}
