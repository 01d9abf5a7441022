import YardstickData
import YardstickEngine

/// Resolves every target of a model: constants, quotas (summed or pro-rated to the period, a
/// team's own quota never added again above it), per-team or per-role overrides and target
/// functions — each with its rule in words and the quota rows behind it.
///
/// - **Overrides** are tried first, in order; the first whose filter matches the subject gives
///   the rule (`override team = east: constant 0.35`). A user is matched on `id`, `name`,
///   `team` and `role`; a team, department or company on `id`, `name`, and `team` read as its
///   own id.
/// - **Constants** are the same for every subject (`constant 0.3`).
/// - **Quotas** come from the `quotas` rows of the subject (`user` = a user's id; for a unit,
///   `team` = its id and no user) for the metric sharing a day with the period: rows inside the
///   period are summed, a row reaching outside it is pro-rated by the days it shares
///   (`quota revenue: 2017-Q4 quota pro-rated by days: 31/92`). Rows that leave a day uncovered
///   or overlap each other give no target, with the reason. Every tier is resolved the same way
///   into ``ResolvedTarget/tiers``; the scored tier's value is ``ResolvedTarget/value``.
/// - **Functions** are called with the subject's values and a `quota` lookup resolving like
///   quota targets; nil, a non-finite number or a thrown error is a missing target with its
///   reason.
///
/// The resolver only reads the dataset it was made with; it is a value and safe to share
/// between threads.
public struct TargetResolver: Sendable {
    /// The model whose targets are resolved.
    public let definition: ScorecardDefinition
    /// The `quotas` rows by owner and metric.
    let quotas: QuotaBook
    /// The team tree, for unit quotas and rollups.
    let organisation: OrganisationTree
    /// Per indicator id: its target rule and overrides, read from ``definition`` once (a
    /// subject's rule is looked up for every indicator of every subject and period).
    private let rules: [String: (target: TargetRule?, overrides: [TargetOverride])]
    /// Per indicator id whose own target is a constant: that target, resolved once (its rule
    /// text formats the number) instead of for every subject and period.
    private let constants: [String: ResolvedTarget]

    /// Indexes the dataset's `quotas` rows (and the team tree) for `definition`.
    ///
    /// A dataset without a `quotas` table (or with no usable row) still resolves constants and
    /// functions; its quota targets are missing with that reason.
    ///
    /// - Parameters:
    ///   - dataset: The loaded workspace data (`quotas`, `teams`, `users` are read).
    ///   - definition: The model.
    public init(dataset: Dataset, definition: ScorecardDefinition) {
        self.definition = definition
        self.quotas = QuotaBook(dataset: dataset)
        self.organisation = OrganisationTree(dataset: dataset)
        self.rules = definition.indicators.mapValues { ($0.target, $0.overrides) }
        self.constants = definition.indicators.compactMapValues { settings in
            guard case .constant(let value) = settings.target else { return nil }
            return Self.constant(value)
        }
    }

    /// A constant target with its rule (`constant 0.3`).
    static func constant(_ value: Double) -> ResolvedTarget {
        ResolvedTarget(value: value, rule: "constant " + Self.number(value))
    }

    /// The target of one of the model's subjects for one indicator in `period`.
    ///
    /// A quota target of a team, department or company subject (a model scoring teams) is the
    /// unit's own quota rows, else the sum of its sub-units' and members' quota rows (members
    /// passing the model's filter when it scores users).
    ///
    /// - Parameters:
    ///   - indicatorID: The indicator.
    ///   - subject: The subject (of the model's grain).
    ///   - period: The scored period (targets are the whole period's, even for a to-date window).
    ///   - values: The indicator's values for the subject, for a target function's context.
    /// - Returns: The target with its rule; ``ResolvedTarget/value`` is nil with
    ///   ``ResolvedTarget/missingReason`` when there is none.
    public func target(
        for indicatorID: String, subject: SubjectInfo, period: Period, values: TargetValues
    ) -> ResolvedTarget {
        guard let (rule, override) = effectiveRule(of: indicatorID, for: subject) else {
            return Self.noTarget
        }
        let resolved: ResolvedTarget
        switch rule {
        case .constant(let value):
            // The indicator's own constant is the same for every subject: resolved once.
            resolved = override == nil ? constants[indicatorID] ?? Self.constant(value) : Self.constant(value)
        case .quota(let metric, let tier):
            resolved = quotaTarget(of: subject, metric: metric, tier: tier, period: period)
        case .function(let function):
            resolved = call(function, indicatorID: indicatorID, subject: subject, period: period, values: values)
        }
        return Self.prefixed(resolved, by: override)
    }

    /// The target of an indicator when it is the same for every subject and period: the
    /// indicator's own constant, or no target at all, with no override that could change it.
    /// Nil when the target depends on the subject or the period (a quota, a function, an
    /// override): ``target(for:subject:period:values:)`` resolves it each time.
    ///
    /// A caller resolving every subject of every period (the scorecard runner) takes such a
    /// target once instead of looking the rule up for each.
    func fixedTarget(of indicatorID: String) -> ResolvedTarget? {
        guard let settings = rules[indicatorID] else { return Self.noTarget }
        guard settings.overrides.isEmpty else { return nil }
        switch settings.target {
        case nil: return Self.noTarget
        case .constant(let value): return constants[indicatorID] ?? Self.constant(value)
        case .quota, .function: return nil
        }
    }

    /// The target of a rollup unit (team, department or company) for one indicator in `period`.
    ///
    /// - A quota target is the unit's own quota rows for the metric when it has any for the
    ///   period (`team quota revenue: 2017-Q4 quota`); otherwise the sum of its direct
    ///   children's targets: each sub-unit by this same rule, and each direct member from
    ///   `memberTargets`. A unit with its own quota is counted once, through it — never again
    ///   through its members, and never added to a parent's own quota.
    /// - A constant applies per subject, so at rollup it is the sum of the members' targets.
    /// - A function is called with the unit's own `values`.
    ///
    /// Overrides match the unit by its id (`team = east` applies to the unit `east`). A child
    /// whose target is missing makes the sum missing, naming the child and its reason.
    ///
    /// - Parameters:
    ///   - indicatorID: The indicator.
    ///   - unit: The team, department or company.
    ///   - period: The scored period.
    ///   - memberTargets: The resolved targets of the model's subjects, by subject id; only
    ///     these subjects count as members.
    ///   - values: The unit's own values, for a target function's context.
    /// - Returns: The unit's target with its rule and the quota rows behind it.
    public func rollupTarget(
        for indicatorID: String, unit: SubjectInfo, period: Period, memberTargets: [String: ResolvedTarget],
        values: TargetValues
    ) -> ResolvedTarget {
        let rollup = RollupContext(indicatorID: indicatorID, period: period, memberTargets: memberTargets)
        if let resolved = self.rollup(unit, in: rollup, values: values, visited: []) { return resolved }
        // Nothing below the unit takes part (a function or no target always gives a result).
        guard let (rule, override) = effectiveRule(of: indicatorID, for: unit) else { return Self.noTarget }
        let missing: ResolvedTarget
        switch rule {
        case .quota(let metric, let tier):
            missing = ResolvedTarget(
                value: nil, tier: tier, rule: Self.quotaHeading(metric: metric, tier: tier),
                missingReason: (quotas.unavailableReason.map { $0 + ", and " }
                    ?? "\(unit.id) has no quota row for \(metric) overlapping \(period.label), and ")
                    + "no subject of the model is below it")
        case .constant(let value):
            missing = ResolvedTarget(
                value: nil, rule: "constant \(Self.number(value)) per subject",
                missingReason: "a constant target applies per subject, and no subject of the model is below \(unit.id)")
        case .function(let function):
            missing = ResolvedTarget(value: nil, rule: function.identifier, missingReason: "no value to call it with")
        }
        return Self.prefixed(missing, by: override)
    }

    // MARK: - Rules

    /// The rule that applies to a subject: the first matching override's, else the indicator's.
    func effectiveRule(of indicatorID: String, for subject: SubjectInfo) -> (TargetRule, TargetOverride?)? {
        guard let settings = rules[indicatorID] else { return nil }
        guard !settings.overrides.isEmpty else { return settings.target.map { ($0, nil) } }
        let fields = Self.fields(of: subject)
        if let override = settings.overrides.first(where: { $0.filter.matches { fields[$0] } }) {
            return (override.rule, override)
        }
        return settings.target.map { ($0, nil) }
    }

    /// The fields filters read: `id`, `name`, `team`, `role` (a unit's `team` is its own id).
    static func fields(of subject: SubjectInfo) -> [String: String] {
        var fields = ["id": subject.id, "name": subject.name]
        switch subject.grain {
        case .user:
            fields["team"] = subject.team
            fields["role"] = subject.role
        case .team, .department, .company:
            fields["team"] = subject.id
        default:
            break
        }
        return fields
    }

    /// `quota revenue`, `quota revenue (stretch)`.
    static func quotaHeading(metric: String, tier: QuotaTier, owner: String? = nil) -> String {
        (owner.map { $0 + " " } ?? "") + "quota " + metric + (tier == .target ? "" : " (\(tier.rawValue))")
    }

    /// A target's rule prefixed with the override that chose it (`override team = east: …`).
    static func prefixed(_ target: ResolvedTarget, by override: TargetOverride?) -> ResolvedTarget {
        guard let override else { return target }
        var result = target
        result.rule = "override \(override.filter.description): " + target.rule
        return result
    }

    /// The target when the model gives none.
    static let noTarget = ResolvedTarget(value: nil, rule: "none", missingReason: "the model gives no target")

    /// `0.3`, `400`, `1250.5`: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    // MARK: - Quotas

    /// A subject's quota target: a user's rows, or a unit's own rows else its children's rows.
    private func quotaTarget(of subject: SubjectInfo, metric: String, tier: QuotaTier, period: Period)
        -> ResolvedTarget
    {
        let heading = Self.quotaHeading(metric: metric, tier: tier)
        switch subject.grain {
        case .user:
            return quotas.resolve(.user(subject.id), metric: metric, period: period).target(
                tier: tier, heading: heading)
        case .team, .department, .company:
            return unitQuota(subject.id, metric: metric, tier: tier, period: period, visited: [])
                ?? ResolvedTarget(
                    value: nil, tier: tier, rule: heading,
                    missingReason: quotas.unavailableReason
                        ?? "no quota row of \(subject.id) for \(metric) overlaps \(period.label), and none of its "
                        + "sub-units or members has one")
        default:
            return ResolvedTarget(
                value: nil, tier: tier, rule: heading,
                missingReason: "quotas belong to users and units (teams, departments, the company), not to "
                    + subject.grain.rawValue + "s")
        }
    }

    /// A unit's quota from the rows alone: its own rows, else the sum of its sub-units' (by
    /// this rule) and direct members' rows; nil when nothing below it has a quota part.
    func unitQuota(_ unitID: String, metric: String, tier: QuotaTier, period: Period, visited: Set<String>)
        -> ResolvedTarget?
    {
        let heading = Self.quotaHeading(metric: metric, tier: tier)
        if quotas.hasRows(of: .unit(unitID), metric: metric, overlapping: period) {
            let owner = (organisation.grain(of: unitID) ?? .team).rawValue
            return quotas.resolve(.unit(unitID), metric: metric, period: period, name: "\(owner) \(unitID)")
                .target(tier: tier, heading: Self.quotaHeading(metric: metric, tier: tier, owner: owner))
        }
        var sum = TargetSum()
        let children = organisation.children(of: unitID)
        let below = visited.union([unitID])
        for unit in children.units where !below.contains(unit.id) {
            if let target = unitQuota(unit.id, metric: metric, tier: tier, period: period, visited: below) {
                sum.parts.append(TargetSum.Part(id: unit.id, isUnit: true, target: target))
            }
        }
        for user in children.users where countsAsMember(user) {
            let target = quotas.resolve(.user(user), metric: metric, period: period).target(
                tier: tier, heading: heading)
            sum.parts.append(TargetSum.Part(id: user, isUnit: false, target: target))
        }
        return sum.isEmpty ? nil : sum.target(heading: heading, tier: tier)
    }

    /// Whether a user counts in a unit's quota from rows: when the model scores users, those
    /// passing its filter; otherwise every user.
    private func countsAsMember(_ userID: String) -> Bool {
        guard definition.per == .user, !definition.filter.isEmpty else { return true }
        guard let info = organisation.users[userID] else { return false }
        let fields = Self.fields(of: info)
        return definition.filter.matches { fields[$0] }
    }

    /// The value of a quota for a function's `quota(metric, tier)`: as quota targets resolve.
    func quotaValue(of subject: SubjectInfo, metric: String, tier: QuotaTier, period: Period) -> Double? {
        quotaTarget(of: subject, metric: metric, tier: tier, period: period).value
    }

    // MARK: - Functions

    /// Calls a target function with the subject's values; nil, a non-finite result or an error
    /// is a missing target with the reason.
    func call(
        _ function: any TargetFunction, indicatorID: String, subject: SubjectInfo, period: Period, values: TargetValues
    ) -> ResolvedTarget {
        let context = TargetContext(
            indicatorID: indicatorID, subject: subject, period: period, value: values.value,
            previous: values.previous, lastYear: values.lastYear,
            quota: { [self] metric, tier in quotaValue(of: subject, metric: metric, tier: tier, period: period) })
        let rule = function.identifier
        do {
            guard let value = try function.target(context) else {
                return ResolvedTarget(value: nil, rule: rule, missingReason: "\(rule) gave no target")
            }
            guard value.isFinite else {
                return ResolvedTarget(value: nil, rule: rule, missingReason: "\(rule) gave \(value), not a number")
            }
            return ResolvedTarget(value: value, rule: rule)
        } catch {
            let problem = error as? ScorecardProblem ?? ScorecardProblem(file: rule, line: nil, message: "\(error)")
            return ResolvedTarget(value: nil, rule: rule, missingReason: "\(rule) failed: \(error)", failure: problem)
        }
    }
}
