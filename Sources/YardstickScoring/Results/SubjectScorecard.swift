/// One subject's scorecard: its result tree, total, grade and rank in the peer group.
public struct SubjectScorecard: Sendable {
    /// The subject's id.
    public var subjectID: String
    /// The result tree, top-level nodes in declaration order.
    public var nodes: [NodeScore]
    /// The total (0…cap): the sum of the contributions; nil when ``status`` is
    /// ``TotalStatus/noScores``.
    public var total: Double?
    /// Whether the total is complete.
    public var status: TotalStatus
    /// The grade from the model's bands, for a complete total.
    public var grade: String?
    /// The competition rank among the complete totals of the peer group (1 is best).
    public var rank: Int?
    /// The grade from the forced distribution, when the model has one and the subject is ranked.
    public var distributedGrade: String?

    /// Every indicator result, depth first in declaration order.
    public var indicators: [IndicatorScore] {
        var found: [IndicatorScore] = []
        func walk(_ nodes: [NodeScore]) {
            for node in nodes {
                switch node {
                case .indicator(let indicator): found.append(indicator)
                case .dimension(let dimension): walk(dimension.children)
                }
            }
        }
        walk(nodes)
        return found
    }

    /// Every dimension result, depth first in declaration order (parents before children).
    public var dimensions: [DimensionScore] {
        var found: [DimensionScore] = []
        func walk(_ nodes: [NodeScore]) {
            for case .dimension(let dimension) in nodes {
                found.append(dimension)
                walk(dimension.children)
            }
        }
        walk(nodes)
        return found
    }

    /// The indicators without a score and the policy applied to each.
    public var missingIndicators: [(path: [String], policy: MissingValuePolicy)] {
        indicators.compactMap { indicator in indicator.appliedPolicy.map { (indicator.path, $0) } }
    }

    /// The result of the node at `path`, or nil when the model has none there.
    ///
    /// - Parameter path: The node's path (`["results", "revenue"]`).
    /// - Returns: The node's result.
    public func node(at path: [String]) -> NodeScore? {
        var level = nodes
        var found: NodeScore?
        for (depth, name) in path.enumerated() {
            guard let node = level.first(where: { $0.path.last == name }) else { return nil }
            found = node
            if depth < path.count - 1 {
                guard case .dimension(let dimension) = node else { return nil }
                level = dimension.children
            }
        }
        return found
    }
}
