import YardstickData
import YardstickEngine

/// Resolves every target of a model: constants, quotas (summed or pro-rated to the period, a
/// team's own quota never added again above it), per-team or per-role overrides and Lua target
/// functions.
///
/// CONTRACT STUB (issue 9): the targets helper replaces the body; the signatures are what the
/// runner calls. Today only constants resolve.
public struct TargetResolver: Sendable {
    /// The model whose targets are resolved.
    public let definition: ScorecardDefinition

    /// Indexes the dataset's `quotas` rows (and the team tree) for `definition`.
    public init(dataset: Dataset, definition: ScorecardDefinition) {
        self.definition = definition
    }

    /// The target of one of the model's subjects for one indicator in `period`.
    ///
    /// - Parameters:
    ///   - indicatorID: The indicator.
    ///   - subject: The subject (of the model's grain).
    ///   - period: The scored period (targets are the whole period's, even for a to-date window).
    ///   - values: The indicator's values for the subject, for a target function's context.
    public func target(
        for indicatorID: String, subject: SubjectInfo, period: Period, values: TargetValues
    ) -> ResolvedTarget {
        guard let rule = definition.settings(of: indicatorID).target else {
            return ResolvedTarget(value: nil, rule: "none", missingReason: "the model gives no target")
        }
        if case .constant(let value) = rule { return ResolvedTarget(value: value, rule: "constant") }
        return ResolvedTarget(value: nil, rule: "unresolved", missingReason: "not resolved yet")
    }

    /// The target of a rollup unit (team, department, company) for one indicator in `period`:
    /// its own quota row when it has one, else the sum of its members' and sub-units' targets
    /// (each counted once).
    ///
    /// - Parameters:
    ///   - indicatorID: The indicator.
    ///   - unit: The team, department or company.
    ///   - period: The scored period.
    ///   - memberTargets: The resolved targets of the model's subjects, by subject id.
    ///   - values: The unit's own values, for a target function's context.
    public func rollupTarget(
        for indicatorID: String, unit: SubjectInfo, period: Period, memberTargets: [String: ResolvedTarget],
        values: TargetValues
    ) -> ResolvedTarget {
        ResolvedTarget(value: nil, rule: "unresolved", missingReason: "not resolved yet")
    }
}

/// An indicator's values for one subject around the scored period, for target functions.
public struct TargetValues: Sendable, Hashable {
    /// The value in the scored window.
    public var value: Double?
    /// The value in the previous period's window.
    public var previous: Double?
    /// The value in the same window last year.
    public var lastYear: Double?

    /// Creates values.
    public init(value: Double? = nil, previous: Double? = nil, lastYear: Double? = nil) {
        self.value = value
        self.previous = previous
        self.lastYear = lastYear
    }
}
