import YardstickData
import YardstickEngine
import YardstickScoring

/// What scoring one model's run needs, worked out once for all periods: the subjects and their
/// peer groups, the rollup units and their members, the target resolver and the run's figures.
struct ScoringContext {
    /// The model, leaves in their effective directions.
    let definition: ScorecardDefinition
    /// The indicators it reads.
    let indicators: ModelIndicators
    /// The run's figures.
    let run: RunValues
    /// The indicators' information by id (directions as scored).
    let infos: [String: IndicatorInfo]
    /// The as-of day.
    let asOf: Int32
    /// Whether subjects carry 环比/同比 comparisons.
    let comparesPeriods: Bool
    /// The model's subjects, in catalogue order.
    let subjects: [SubjectInfo]
    /// Each subject's peer group label, by position in ``subjects``.
    let peerGroups: [String]
    /// The peer group labels in order of first appearance, each with its subjects' positions.
    let groups: [(label: String, members: [Int])]
    /// Per rollup grain (in the model's order): its units that have scored members, each with
    /// the positions of those members.
    let rollupUnits: [(grain: Grain, units: [(unit: SubjectInfo, members: [Int])])]
    /// Every node path of the tree (dimensions before their children), depth first.
    let nodePaths: [[String]]
    /// The targets.
    let resolver: TargetResolver
    /// Per scored indicator (by position in ``ModelIndicators/scored``): its target when it is
    /// the same for every subject and period (``TargetResolver/fixedTarget(of:)``), else nil.
    let fixedTargets: [ResolvedTarget?]
    /// Whether the previous period's and last year's values are read: for the comparisons, or
    /// for target functions (which may read them). Without either they are not looked up.
    let readsComparisonWindows: Bool
    /// The model validated and laid out once for every peer group of every period.
    let plan: ScoringPlan
    /// Per leaf of the model (``ScoringPlan/leafIndicatorIDs``): its indicator's position in
    /// ``ModelIndicators/scored``, where a subject's inputs are kept.
    let leafColumns: [Int]

    /// Lists the subjects, groups and units.
    ///
    /// - Throws: ``ScorecardError`` when the model is invalid or a grain's subjects cannot be
    ///   listed.
    init(
        definition: ScorecardDefinition, indicators: ModelIndicators, run: RunValues, comparesPeriods: Bool,
        infos: [String: IndicatorInfo], evaluator: Evaluator, asOf: Int32, rollupGrains: [Grain]
    ) throws(ScorecardError) {
        self.comparesPeriods = comparesPeriods
        self.definition = definition
        self.indicators = indicators
        self.run = run
        self.infos = infos
        self.asOf = asOf
        do {
            plan = try ScoringPlan(definition.model)
        } catch {
            throw ScorecardError(error.errors.map { ScorecardProblem($0, file: definition.file) })
        }
        let columns = Dictionary(indicators.scored.enumerated().map { ($1, $0) }) { first, _ in first }
        // Every leaf's indicator is scored (ModelIndicators lists the leaves): the fallback is
        // never taken.
        leafColumns = plan.leafIndicatorIDs.map { columns[$0] ?? 0 }
        let dataset = evaluator.engine.dataset
        let tree = TeamTree(dataset)
        let catalog = try Self.subjects(of: definition.per, evaluator: evaluator, file: definition.file)
        subjects = catalog.filter { definition.filter.accepts($0, teamNames: tree.names) }
        peerGroups = subjects.map { Self.peerGroup(of: $0, grouping: definition.peers) }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (position, label) in peerGroups.enumerated() {
            if members[label] == nil { order.append(label) }
            members[label, default: []].append(position)
        }
        groups = order.map { ($0, members[$0] ?? []) }
        var rollupUnits: [(grain: Grain, units: [(unit: SubjectInfo, members: [Int])])] = []
        for grain in rollupGrains {
            let units = try Self.subjects(of: grain, evaluator: evaluator, file: definition.file)
            var byUnit: [String: [Int]] = [:]
            for (position, subject) in subjects.enumerated() {
                if grain == .company {
                    byUnit[units.first?.id ?? "company", default: []].append(position)
                } else {
                    for unit in tree.units(containing: subject) { byUnit[unit, default: []].append(position) }
                }
            }
            rollupUnits.append(
                (grain, units.compactMap { unit in byUnit[unit.id].map { (unit, $0) } }))
        }
        self.rollupUnits = rollupUnits
        nodePaths = Self.paths(definition.model.children, prefix: [])
        resolver = TargetResolver(dataset: dataset, definition: definition)
        fixedTargets = indicators.scored.map { [resolver] in resolver.fixedTarget(of: $0) }
        readsComparisonWindows =
            comparesPeriods || indicators.scored.contains { definition.settings(of: $0).hasTargetFunction }
    }

    /// The subjects of a grain, as `run` lists them.
    private static func subjects(of grain: Grain, evaluator: Evaluator, file: String) throws(ScorecardError)
        -> [SubjectInfo]
    {
        do {
            return try SubjectCatalog.subjects(
                of: grain, in: evaluator.engine.dataset, workspace: evaluator.workspace)
        } catch {
            throw ScorecardError([ScorecardProblem(file: file, line: nil, message: error.message)])
        }
    }

    /// The label of a subject's peer group: `all`, `role = sales`, `team = T1` (`—` for a
    /// subject without a role or team).
    static func peerGroup(of subject: SubjectInfo, grouping: PeerGrouping) -> String {
        switch grouping {
        case .all: "all"
        case .role: "role = " + (subject.role ?? "—")
        case .team: "team = " + (subject.team ?? "—")
        }
    }

    /// Every node path under `nodes`, parents before children.
    private static func paths(_ nodes: [ScorecardNode], prefix: [String]) -> [[String]] {
        nodes.flatMap { node -> [[String]] in
            switch node {
            case .indicator(let indicator): [prefix + [indicator.id]]
            case .dimension(let dimension):
                [prefix + [dimension.id]] + paths(dimension.children, prefix: prefix + [dimension.id])
            }
        }
    }

    /// One period's scores (subjects, rollups, alerts), and how they were computed.
    func scores(of windows: ScoreWindows) -> (scores: PeriodScores, statistics: ScoringStatistics) {
        let (scored, statistics) = scoredSubjects(in: windows)
        let rollups = rollups(in: windows, scored: scored)
        var scores = PeriodScores(
            period: windows.period, window: windows.window, previousWindow: windows.previousWindow,
            lastYearWindow: windows.lastYearWindow, subjects: scored, rollups: rollups, alerts: [])
        // Subjects' alerts, then the rollup units' own (部门完成率 against the unit's target).
        if let settings = definition.alerts {
            scores.alerts = AlertDetector(settings: settings).alerts(
                in: scores, asOf: asOf, indicators: infos, model: definition.model)
        }
        return (scores, statistics)
    }

    /// Every subject's values, targets, comparisons and scorecard in one period.
    ///
    /// A subject's scoring inputs are kept by indicator position, in one array for the period
    /// (`inputs[indicator × subjects + subject]`), and each peer group is handed to the plan
    /// leaf by leaf: no dictionary per subject is built for scoring.
    private func scoredSubjects(in windows: ScoreWindows) -> (subjects: [ScoredSubject], statistics: ScoringStatistics)
    {
        var statistics = ScoringStatistics()
        let count = subjects.count
        var inputs = [ScoringInput?](repeating: nil, count: indicators.scored.count * count)
        var partial: [SubjectParts] = []
        partial.reserveCapacity(count)
        for (position, subject) in subjects.enumerated() {
            let key = SubjectKey(subject.grain, subject.id)
            let current = run.row(of: key, over: windows.window)
            let previous = readsComparisonWindows ? run.row(of: key, over: windows.previousWindow) : nil
            let lastYear = readsComparisonWindows ? run.row(of: key, over: windows.lastYearWindow) : nil
            var targets: [String: ResolvedTarget] = [:]
            var reasons: [String: String] = [:]
            var comparisons: [String: IndicatorComparison] = [:]
            var pipeline: [String: Double] = [:]
            targets.reserveCapacity(indicators.scored.count)
            if comparesPeriods { comparisons.reserveCapacity(indicators.scored.count) }
            for (index, id) in indicators.scored.enumerated() {
                let figure = run.figure(index, in: current)
                let values = TargetValues(
                    value: figure.value, previous: previous.flatMap { run.value(index, in: $0) },
                    lastYear: lastYear.flatMap { run.value(index, in: $0) })
                let target: ResolvedTarget
                if let fixed = fixedTargets[index] {
                    target = fixed
                    statistics.fixedTargetsTaken += 1
                } else {
                    target = resolver.target(for: id, subject: subject, period: windows.period, values: values)
                }
                inputs[index * count + position] = ScoringInput(value: figure.value, target: target.value)
                targets[id] = target
                if let reason = figure.reason { reasons[id] = reason }
                if comparesPeriods {
                    comparisons[id] = IndicatorComparison(
                        value: values.value, previous: values.previous, lastYear: values.lastYear)
                }
                if let open = indicators.pipelineIndex[index].flatMap({ run.value($0, in: current) }) {
                    pipeline[id] = open
                }
            }
            partial.append(
                SubjectParts(targets: targets, reasons: reasons, comparisons: comparisons, pipeline: pipeline))
        }
        var scorecards = [SubjectScorecard?](repeating: nil, count: count)
        for group in groups {
            let groupInputs = leafColumns.map { column in
                group.members.map { inputs[column * count + $0] }
            }
            let scoredGroup = plan.score(
                inputs: groupInputs, subjectIDs: group.members.map { subjects[$0].id })
            statistics.peerGroupsScoredThroughPlan += 1
            for (index, position) in group.members.enumerated() {
                scorecards[position] = scoredGroup.subjects[index]
            }
        }
        let scored = subjects.indices.compactMap { position in
            scorecards[position].map { scorecard in
                let parts = partial[position]
                return ScoredSubject(
                    subject: subjects[position], peerGroup: peerGroups[position], scorecard: scorecard,
                    targets: parts.targets, missingValueReasons: parts.reasons, comparisons: parts.comparisons,
                    pipeline: parts.pipeline)
            }
        }
        return (scored, statistics)
    }

    /// A subject's figures around its scorecard, before its group is scored.
    private struct SubjectParts {
        var targets: [String: ResolvedTarget]
        var reasons: [String: String]
        var comparisons: [String: IndicatorComparison]
        var pipeline: [String: Double]
    }
}
