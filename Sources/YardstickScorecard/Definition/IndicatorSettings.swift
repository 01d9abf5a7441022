import YardstickScoring

/// What the host needs to know about one indicator of a model beyond its place in the tree:
/// where its target comes from, per-team or per-role overrides, and the indicator that gives
/// its open (in-progress) pipeline for alerts.
public struct IndicatorSettings: Sendable {
    /// The indicator id.
    public var id: String
    /// Where the target comes from; nil when the indicator has none (peer functions need none).
    public var target: TargetRule?
    /// Overrides tried in order before ``target``: the first whose filter matches a subject
    /// gives its target.
    public var overrides: [TargetOverride]
    /// The id of an indicator whose value is the subject's open pipeline towards this target
    /// (shown beside the won value: actual vs in progress), if any.
    public var pipelineIndicator: String?
    /// Where it was declared.
    public var location: ModelLocation?
    /// The direction the model file declares (`better = "lower"`), or nil when it leaves it to
    /// the indicator's own `better`. The model's `ScorecardIndicator.direction` holds the
    /// declared one, or higher-is-better until the runner applies the indicator's own.
    public var declaredDirection: Direction?
    /// How a constant target applies to a rollup unit (team, department, company): the same
    /// level (the default: right for rates, averages, scores and distinct counts) or the sum
    /// of the unit's members' targets (amounts each member is expected to add).
    public var constantRollup: ConstantRollup

    /// Creates settings.
    public init(
        _ id: String, target: TargetRule? = nil, overrides: [TargetOverride] = [],
        pipelineIndicator: String? = nil, location: ModelLocation? = nil, declaredDirection: Direction? = nil,
        constantRollup: ConstantRollup = .same
    ) {
        self.id = id
        self.target = target
        self.overrides = overrides
        self.pipelineIndicator = pipelineIndicator
        self.location = location
        self.declaredDirection = declaredDirection
        self.constantRollup = constantRollup
    }
}

/// A target that replaces the indicator's usual one for the subjects a filter picks
/// (`{ where = { team = "east" }, target = 0.35 }`).
public struct TargetOverride: Sendable {
    /// The subjects it applies to.
    public var filter: SubjectFilter
    /// Their target.
    public var rule: TargetRule
    /// Where it was declared.
    public var location: ModelLocation?

    /// Creates an override.
    public init(filter: SubjectFilter, rule: TargetRule, location: ModelLocation? = nil) {
        self.filter = filter
        self.rule = rule
        self.location = location
    }
}

/// How a constant target applies to a rollup unit (`rollup_target` in a model file's kpi).
public enum ConstantRollup: String, Sendable, Hashable, CaseIterable {
    /// The unit's target is the constant itself (a team's win rate against 0.6).
    case same
    /// The unit's target is the sum of its members' targets (each rep 10 deals: a team of 5,
    /// 50).
    case sum
}
