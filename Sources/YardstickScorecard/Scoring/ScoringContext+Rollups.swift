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
        var rollups: [RollupSubject] = []
        for (_, units) in rollupUnits {
            for (unit, members) in units {
                let key = SubjectKey(unit.grain, unit.id)
                let figures = indicators.scored.map { id in
                    let current = run.figure(id, of: key, over: windows.window)
                    let values = TargetValues(
                        value: current.value, previous: run.figure(id, of: key, over: windows.previousWindow).value,
                        lastYear: run.figure(id, of: key, over: windows.lastYearWindow).value)
                    let target = resolver.rollupTarget(
                        for: id, unit: unit, period: windows.period, memberTargets: memberTargets[id] ?? [:],
                        values: values)
                    var completion: Completion?
                    if let value = current.value, let goal = target.value, value.isFinite, goal.isFinite {
                        completion = Completion(
                            value: value, target: goal, direction: directions[id] ?? .higherIsBetter)
                    }
                    return RollupFigure(
                        indicatorID: id, value: current.value, missingValueReason: current.reason, target: target,
                        completion: completion)
                }
                let cards = members.map { scored[$0].scorecard }
                rollups.append(
                    RollupSubject(
                        subject: unit, figures: figures, memberIDs: members.map { scored[$0].subject.id },
                        totalStatistics: PeerStatistics(values: cards.map { $0.status == .complete ? $0.total : nil }),
                        nodeStatistics: nodePaths.map { path in
                            (path, PeerStatistics(values: cards.map { $0.node(at: path)?.score }))
                        }))
            }
        }
        return rollups
    }
}
