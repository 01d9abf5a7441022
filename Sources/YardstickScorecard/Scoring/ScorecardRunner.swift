import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// Scores a model over periods: runs its indicators (and the comparison windows) through the
/// evaluator, resolves targets, scores each peer group, rolls up, and raises alerts.
///
/// One ``score(periods:)`` call makes **one** run: every indicator the model reads (its kpis and
/// their pipeline indicators, nothing else) for the model's grain and every rollup grain, over
/// every window it needs — each scored period's window, its 环比 window and its 同比 window,
/// each distinct window once (see `PeriodScores` and docs/scoring.md). Scoring then reads the run's figures by
/// subject, indicator and window through the run's index; nothing is evaluated again per
/// subject or per peer group. The evaluator runs with the as-of day as its "today". Periods are
/// then scored side by side (each is independent of the others).
///
/// ```swift
/// let runner = ScorecardRunner(evaluator: evaluator, selection: selection, definition: model, asOf: day)
/// let report = try runner.score(periods: [try ScorePeriods.period("MTD", asOf: day, calendar: calendar)])
/// report.periods[0].subjects[0].scorecard.total
/// ```
public struct ScorecardRunner: Sendable {
    /// The evaluator over the loaded workspace.
    public let evaluator: Evaluator
    /// The indicators available (the model's ids are picked from them).
    public let selection: IndicatorSelection
    /// The model.
    public let definition: ScorecardDefinition
    /// The day "today" is taken to be.
    public let asOf: Int32
    /// Whether every indicator is compared with the previous period (环比) and the same period
    /// last year (同比); true by default. Off, only the scored windows are evaluated for the
    /// scored indicators (the comparison windows are evaluated only for indicators whose target
    /// is a function, which may read them), and ``ScoredSubject/comparisons`` is empty: scoring
    /// then costs about what `run` costs for the same periods.
    public var comparesPeriods = true

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - evaluator: The evaluator over the loaded workspace (its `today` is replaced by
    ///     `asOf` when scoring).
    ///   - selection: The indicator sets to find the model's indicators in (its `ids` are
    ///     replaced by the ids the model reads).
    ///   - definition: The model.
    ///   - asOf: The day number taken as today: it decides the to-date windows, pace and alerts.
    public init(evaluator: Evaluator, selection: IndicatorSelection, definition: ScorecardDefinition, asOf: Int32) {
        self.evaluator = evaluator
        self.selection = selection
        self.definition = definition
        self.asOf = asOf
    }

    /// Scores every period.
    ///
    /// Per period: the model's subjects (the subjects of its grain that pass its filter, in
    /// catalogue order) get their values over the period's window, their targets for the whole
    /// period (``TargetResolver``), and are scored peer group by peer group (through one
    /// `ScoringPlan`: the model validated and laid out once); each rollup unit that has scored
    /// members gets its own values at its grain against its own targets and the distribution of its members'
    /// scores; alerts are raised when the model declares them. A value the run could not give
    /// (missing, failed, a period not yet begun) is missing with its reason.
    ///
    /// - Parameter periods: The scored periods, in report order.
    /// - Returns: The report.
    /// - Throws: ``ScorecardError`` when the model cannot be scored at all: it is invalid (every
    ///   weight problem with its file:line), a kpi or pipeline indicator names an indicator the
    ///   workspace does not have (at the kpi's file:line), or the run cannot start (a grain the
    ///   workspace does not map). Failing indicators are in the report's ``ScoreReport/failures``.
    public func score(periods: [Period]) throws(ScorecardError) -> ScoreReport {
        do {
            try definition.model.validate()
        } catch {
            throw ScorecardError(error.errors.map { ScorecardProblem($0, file: definition.file) })
        }
        let indicators = ModelIndicators(definition)
        let windows = periods.map { ScoreWindows(period: $0, asOf: asOf) }
        let runs = try evaluate(indicators, windows: windows)
        let run = runs[0]
        let infosByID = Dictionary(run.indicators.map { ($0.id, $0) }) { first, _ in first }
        let resolved = definition.applyingIndicatorDirections(
            infosByID.mapValues { $0.better == .lower ? .lowerIsBetter : .higherIsBetter })
        let infos = Self.infos(indicators, resolved: resolved, from: infosByID)
        let context = try ScoringContext(
            definition: resolved, indicators: indicators, run: RunValues(runs, ids: indicators.all),
            comparesPeriods: comparesPeriods,
            infos: Dictionary(infos.map { ($0.id, $0) }) { first, _ in first }, evaluator: evaluator, asOf: asOf,
            rollupGrains: Array(grains.dropFirst()))
        // Periods are independent once the run is made: they are scored side by side.
        let results = ConcurrentMap.map(windows.count) { index in context.scores(of: windows[index]) }
        let scored = results.map(\.scores)
        var report = ScoreReport(
            workspace: evaluator.workspace.name, generatedAt: run.generatedAt, definition: resolved, asOf: asOf,
            indicators: infos, periods: scored, failures: Self.failures(of: runs) + Self.targetFailures(in: scored))
        for result in results { report.statistics.add(result.statistics) }
        return report
    }

    /// The target functions that failed (not merely gave no target), one failure per subject,
    /// indicator and period, with the function's file and line: a failing target function is
    /// reported like a failing indicator.
    static func targetFailures(in periods: [PeriodScores]) -> [IndicatorFailure] {
        var failures: [IndicatorFailure] = []
        for period in periods {
            for subject in period.subjects {
                // Most subjects have no failing target: look before sorting.
                guard subject.targets.values.contains(where: { $0.failure != nil }) else { continue }
                for (indicatorID, target) in subject.targets.sorted(by: { $0.key < $1.key }) {
                    guard let problem = target.failure else { continue }
                    failures.append(
                        IndicatorFailure(
                            indicatorID: indicatorID, subjectID: subject.subject.id, periodLabel: period.period.label,
                            grain: subject.subject.grain, message: tr("target: %@", problem.message),
                            file: problem.file,
                            line: problem.line))
                }
            }
        }
        return failures
    }

    /// The grains the run covers: the model's, then each rollup grain coarser than it.
    var grains: [Grain] {
        var grains = [definition.per]
        for grain in definition.rollups where grain.isCoarser(than: definition.per) && !grains.contains(grain) {
            grains.append(grain)
        }
        return grains
    }

    /// The run of the model's indicators over every window and grain: one run, or without
    /// comparisons one over the scored windows and one of the target-function indicators over
    /// the comparison windows (when there are any).
    private func evaluate(_ indicators: ModelIndicators, windows: [ScoreWindows]) throws(ScorecardError)
        -> [RunReport]
    {
        func distinct(_ periods: [Period]) -> [Period] {
            var labels: Set<String> = []
            return periods.filter { !$0.isEmptyWindow && labels.insert($0.label).inserted }
        }
        var evaluator = evaluator
        evaluator.today = asOf
        // Scores read the overall figures only.
        evaluator.breakdowns = []
        evaluator.includesDeclaredBreakdowns = false
        var selection = selection
        do {
            // One run per group of disjoint windows: overlapping periods would cost the query
            // engine a scan per period (DisjointPeriodGroups).
            func runs(_ periods: [Period]) throws(EvaluationError) -> [RunReport] {
                var reports: [RunReport] = []
                // No window at all (nothing has started yet) still makes one run: its report
                // lists the indicators.
                let groups = DisjointPeriodGroups.groups(periods)
                for group in groups.isEmpty ? [[]] : groups {
                    reports.append(try evaluator.run(selection, periods: group, grains: grains))
                }
                return reports
            }
            guard !comparesPeriods else {
                selection.ids = Set(indicators.all)
                return try runs(distinct(windows.flatMap(\.evaluated)))
            }
            let scoredWindows = distinct(windows.map(\.window))
            selection.ids = Set(indicators.all)
            let main = try runs(scoredWindows)
            let labels = Set(scoredWindows.map(\.label))
            let comparisonWindows = distinct(windows.flatMap { [$0.previousWindow, $0.lastYearWindow] })
                .filter { !labels.contains($0.label) }
            let functionTargets = indicators.scored.filter { definition.settings(of: $0).hasTargetFunction }
            guard !functionTargets.isEmpty, !comparisonWindows.isEmpty else { return main }
            selection.ids = Set(functionTargets)
            return main + (try runs(comparisonWindows))
        } catch {
            throw unknownIndicators(indicators, evaluator: evaluator)
                ?? ScorecardError([
                    ScorecardProblem(
                        file: definition.file, line: nil,
                        message: tr("cannot evaluate the model's indicators: %@", error.message))
                ])
        }
    }

    /// The failures of the runs: every figure's, and each failure that is not a figure's (a file
    /// that did not load, reported by every run) once.
    static func failures(of runs: [RunReport]) -> [IndicatorFailure] {
        var failures: [IndicatorFailure] = []
        for failure in runs.flatMap(\.errors) {
            if failure.subjectID == nil && failures.contains(failure) { continue }
            failures.append(failure)
        }
        return failures
    }

    /// The error naming the kpis whose indicators the workspace lacks, or nil when it has them all.
    private func unknownIndicators(_ indicators: ModelIndicators, evaluator: Evaluator) -> ScorecardError? {
        guard let declared = try? evaluator.declaredIndicators(selection) else { return nil }
        let problems = indicators.unknown(
            among: Set(declared.ids), loadFailures: declared.loadFailures, file: definition.file)
        return problems.isEmpty ? nil : ScorecardError(problems)
    }

    /// The run's information on the indicators the model reads, in model order, each with the
    /// direction it is scored in.
    private static func infos(
        _ indicators: ModelIndicators, resolved: ScorecardDefinition, from run: [String: IndicatorInfo]
    ) -> [IndicatorInfo] {
        let directions = Dictionary(resolved.model.indicatorPaths.map { ($0.indicator.id, $0.indicator.direction) }) {
            first, _ in first
        }
        return indicators.all.compactMap { id in
            guard var info = run[id] else { return nil }
            if let direction = directions[id] { info.better = direction == .lowerIsBetter ? .lower : .higher }
            return info
        }
    }
}

extension Grain {
    /// Whether this grain is coarser than `other` on the user → team → department → company
    /// line (the company is coarser than accounts too).
    func isCoarser(than other: Grain) -> Bool {
        let line: [Grain] = [.user, .team, .department, .company]
        if self == .company { return other != .company }
        guard let mine = line.firstIndex(of: self), let theirs = line.firstIndex(of: other) else { return false }
        return mine > theirs
    }
}
