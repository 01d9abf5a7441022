/// A scorecard model as scoring needs it: a weighted tree of dimensions and indicators, the
/// weight rule, the default cap, the grade bands and an optional forced distribution.
///
/// This is the value the model file (Lua, later) is read into. Validate it with ``validate()``
/// before scoring; ``score(_:)`` validates too and throws the same errors.
///
/// ```swift
/// let model = ScoringModel(
///     id: "acme-sales", cap: 120,
///     children: [
///         .dimension(ScorecardDimension("results", weight: 60, children: [
///             .indicator(ScorecardIndicator("revenue", weight: 70, function: .linear(zero: 0.5, full: 1))),
///             .indicator(ScorecardIndicator("win_rate", weight: 30)),
///         ])),
///         .dimension(ScorecardDimension("crm use", weight: 40, children: [
///             .indicator(ScorecardIndicator("data_completeness", weight: 100, function: .rank)),
///         ])),
///     ],
///     grades: GradeScale([GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 0)]))
/// ```
public struct ScoringModel: Sendable {
    /// The model's id (`acme-sales-2026`).
    public var id: String
    /// Where the model was declared (its file), for errors about the top level.
    public var location: ModelLocation?
    /// The top-level dimensions and indicators.
    public var children: [ScorecardNode]
    /// How sibling weights must add up.
    public var weightRule: WeightRule
    /// The highest score of an indicator without a cap of its own (100 by default; 120 lets
    /// over-achievement count).
    public var cap: Double
    /// The grade bands, if the model grades totals.
    public var grades: GradeScale?
    /// The forced distribution applied after ranking, if any.
    public var forcedDistribution: ForcedDistribution?

    /// Creates a model.
    ///
    /// - Parameters:
    ///   - id: The model's id.
    ///   - location: Where it was declared.
    ///   - weightRule: How sibling weights must add up (sum to 100 by default).
    ///   - cap: The default highest indicator score.
    ///   - children: The top-level dimensions and indicators.
    ///   - grades: The grade bands.
    ///   - forcedDistribution: The forced distribution.
    public init(
        id: String, location: ModelLocation? = nil, weightRule: WeightRule = .mustSumTo100, cap: Double = 100,
        children: [ScorecardNode], grades: GradeScale? = nil, forcedDistribution: ForcedDistribution? = nil
    ) {
        self.id = id
        self.location = location
        self.weightRule = weightRule
        self.cap = cap
        self.children = children
        self.grades = grades
        self.forcedDistribution = forcedDistribution
    }

    /// The dimension at `path` from the top (`["results", "pipeline"]`), if there is one.
    public func dimension(at path: [String]) -> ScorecardDimension? {
        var nodes = children
        var found: ScorecardDimension?
        for id in path {
            guard case .dimension(let dimension)? = nodes.first(where: { $0.id == id }) else { return nil }
            found = dimension
            nodes = dimension.children
        }
        return found
    }

    /// The report name of the dimension at `path` in a locale (its id when it has no title).
    public func dimensionTitle(at path: [String], locale: String) -> String {
        dimension(at: path)?.title(locale: locale) ?? path.last ?? ""
    }

    /// Every indicator leaf with its path from the top (`["results", "revenue"]`), depth first
    /// in declaration order.
    public var indicatorPaths: [(path: [String], indicator: ScorecardIndicator)] {
        var found: [(path: [String], indicator: ScorecardIndicator)] = []
        func walk(_ nodes: [ScorecardNode], _ prefix: [String]) {
            for node in nodes {
                switch node {
                case .indicator(let indicator): found.append((prefix + [indicator.id], indicator))
                case .dimension(let dimension): walk(dimension.children, prefix + [dimension.id])
                }
            }
        }
        walk(children, [])
        return found
    }
}
