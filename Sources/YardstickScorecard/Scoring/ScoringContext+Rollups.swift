import YardstickEngine
import YardstickScoring

/// Rollups: a team's, department's or the company's own figures against its own targets, and
/// the distribution of its members' scores.
extension ScoringContext {
    /// The rollup subjects of one period, grain by grain as declared, units in catalogue order.
    ///
    /// A unit's value for an indicator is the indicator evaluated at the unit's grain (from the
    /// run), never the model's formula on its members' numbers; its target comes from
    /// ``TargetResolver/rollupTarget(for:unit:period:memberTargets:values:)`` with every
    /// subject's target of the indicator; its completion is direction-aware.
    func rollups(in windows: ScoreWindows, scored: [ScoredSubject]) -> [RollupSubject] {
        guard !rollupUnits.isEmpty else { return [] }
        var memberTargets: [String: [String: ResolvedTarget]] = [:]
        for id in indicators.scored {
            var targets: [String: ResolvedTarget] = [:]
            for subject in scored {
                if let target = subject.targets[id] { targets[subject.subject.id] = target }
            }
            memberTargets[id] = targets
        }
        let directions = Dictionary(definition.model.indicatorPaths.map { ($0.indicator.id, $0.indicator.direction) }) {
            first, _ in first
        }
        // Each subject's node scores and complete total, flattened once for every unit.
        let nodeScores = scored.map { Self.nodeScores($0.scorecard) }
        let totals = scored.map { $0.scorecard.status == .complete ? $0.scorecard.total : nil }
        var rollups: [RollupSubject] = []
        for (_, units) in rollupUnits {
            for (unit, members) in units {
                let key = SubjectKey(unit.grain, unit.id)
                let current = run.row(of: key, over: windows.window)
                let previous = run.row(of: key, over: windows.previousWindow)
                let lastYear = run.row(of: key, over: windows.lastYearWindow)
                let figures = indicators.scored.enumerated().map { index, id in
                    let figure = run.figure(index, in: current)
                    let values = TargetValues(
                        value: figure.value, previous: run.value(index, in: previous),
                        lastYear: run.value(index, in: lastYear))
                    let target = resolver.rollupTarget(
                        for: id, unit: unit, period: windows.period, memberTargets: memberTargets[id] ?? [:],
                        values: values)
                    var completion: Completion?
                    if let value = figure.value, let goal = target.value, value.isFinite, goal.isFinite {
                        completion = Completion(
                            value: value, target: goal, direction: directions[id] ?? .higherIsBetter)
                    }
                    return RollupFigure(
                        indicatorID: id, value: figure.value, missingValueReason: figure.reason, target: target,
                        completion: completion)
                }
                rollups.append(
                    RollupSubject(
                        subject: unit, figures: figures, memberIDs: members.map { scored[$0].subject.id },
                        totalStatistics: PeerStatistics(values: members.map { totals[$0] }),
                        nodeStatistics: nodePaths.indices.map { node in
                            (nodePaths[node], PeerStatistics(values: members.map { nodeScores[$0][node] }))
                        }))
            }
        }
        return rollups
    }

    /// A scorecard's node scores in ``nodePaths`` order: depth first, a dimension before its
    /// children (a dimension's subtotal, an indicator's counted score).
    static func nodeScores(_ scorecard: SubjectScorecard) -> [Double?] {
        var scores: [Double?] = []
        func walk(_ nodes: [NodeScore]) {
            for node in nodes {
                scores.append(node.score)
                if case .dimension(let dimension) = node { walk(dimension.children) }
            }
        }
        walk(scorecard.nodes)
        return scores
    }
}
