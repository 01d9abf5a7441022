import YardstickScoring

extension ScorecardDefinition {
    /// The definition with each kpi that does not declare `better` scored in its indicator's
    /// own direction.
    ///
    /// The model file cannot know the indicators' directions (they are in the indicator files),
    /// so a kpi without `better` is read as higher-is-better with
    /// ``IndicatorSettings/declaredDirection`` nil; whoever knows the indicators (the runner)
    /// applies theirs with this.
    ///
    /// - Parameter directions: Each indicator's own direction, by id; ids not listed keep theirs.
    /// - Returns: The definition with those directions applied.
    package func applyingIndicatorDirections(_ directions: [String: Direction]) -> ScorecardDefinition {
        var applied = self
        func apply(_ nodes: [ScorecardNode]) -> [ScorecardNode] {
            nodes.map { node in
                switch node {
                case .dimension(var dimension):
                    dimension.children = apply(dimension.children)
                    return .dimension(dimension)
                case .indicator(var indicator):
                    if settings(of: indicator.id).declaredDirection == nil, let own = directions[indicator.id] {
                        indicator.direction = own
                    }
                    return .indicator(indicator)
                }
            }
        }
        applied.model.children = apply(model.children)
        return applied
    }
}
