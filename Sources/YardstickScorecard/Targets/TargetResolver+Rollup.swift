import YardstickEngine
import YardstickQuery

/// What stays the same while one rollup target is worked out down the team tree.
struct RollupContext {
    /// The indicator.
    let indicatorID: String
    /// The scored period.
    let period: Period
    /// The model's subjects' targets, by subject id.
    let memberTargets: [String: ResolvedTarget]
}

extension TargetResolver {
    /// A unit's rollup target under its own rule (an override matching the unit, else the
    /// indicator's): nil when the unit has no quota of its own and nothing below it is scored.
    ///
    /// - Parameter values: The unit's own values; nil for a sub-unit reached from above (a
    ///   function rule then has nothing to be called with).
    func rollup(_ unit: SubjectInfo, in rollup: RollupContext, values: TargetValues?, visited: Set<String>)
        -> ResolvedTarget?
    {
        guard let (rule, override) = effectiveRule(of: rollup.indicatorID, for: unit) else { return Self.noTarget }
        let resolved: ResolvedTarget?
        switch rule {
        case .constant(let value) where definition.settings(of: rollup.indicatorID).constantRollup == .same:
            resolved = ResolvedTarget(
                value: value, rule: "constant \(Self.number(value)), the same for the \(unit.grain.rawValue)")
        case .constant(let value):
            let sum = childrenSum(of: unit.id, in: rollup, visited: visited)
            resolved =
                sum.isEmpty
                ? nil : sum.target(heading: "constant \(Self.number(value)) per subject", tier: nil)
        case .quota(let metric, let tier):
            if quotas.hasRows(of: .unit(unit.id), metric: metric, overlapping: rollup.period) {
                let owner = (organisation.grain(of: unit.id) ?? unit.grain).rawValue
                resolved = quotas.resolve(
                    .unit(unit.id), metric: metric, period: rollup.period, name: "\(owner) \(unit.id)"
                )
                .target(tier: tier, heading: Self.quotaHeading(metric: metric, tier: tier, owner: owner))
            } else {
                let sum = childrenSum(of: unit.id, in: rollup, visited: visited)
                resolved =
                    sum.isEmpty ? nil : sum.target(heading: Self.quotaHeading(metric: metric, tier: tier), tier: tier)
            }
        case .function(let function):
            if let values {
                resolved = call(
                    function, indicatorID: rollup.indicatorID, subject: unit, period: rollup.period, values: values)
            } else {
                resolved = ResolvedTarget(
                    value: nil, rule: function.identifier,
                    missingReason: "\(function.identifier) is called with a unit's own values, and a sum over "
                        + "sub-units does not have those of \(unit.id)")
            }
        }
        return resolved.map { Self.prefixed($0, by: override) }
    }

    /// The direct children of a unit that take part in its sum: sub-units of the model's grain
    /// from `memberTargets`, other sub-units by their own rollup rule (skipped when nothing below
    /// them is scored), and, when the model scores users, the unit's direct members from
    /// `memberTargets`. Each child appears once.
    private func childrenSum(of unitID: String, in rollup: RollupContext, visited: Set<String>) -> TargetSum {
        var sum = TargetSum()
        let children = organisation.children(of: unitID)
        let below = visited.union([unitID])
        for unit in children.units where !below.contains(unit.id) {
            if unit.grain == definition.per {
                if let target = rollup.memberTargets[unit.id] {
                    sum.parts.append(TargetSum.Part(id: unit.id, isUnit: true, target: target))
                }
                continue
            }
            let info = SubjectInfo(grain: unit.grain, id: unit.id, name: unit.name, subject: .users([]))
            if let target = self.rollup(info, in: rollup, values: nil, visited: below) {
                sum.parts.append(TargetSum.Part(id: unit.id, isUnit: true, target: target))
            }
        }
        if definition.per == .user {
            for user in children.users {
                if let target = rollup.memberTargets[user] {
                    sum.parts.append(TargetSum.Part(id: user, isUnit: false, target: target))
                }
            }
        }
        return sum
    }
}
