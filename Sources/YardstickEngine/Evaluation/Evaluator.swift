import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// Runs indicators for every subject of the chosen grains and every period.
///
/// Each worker thread has its own Lua VM with the indicators loaded (Lua states are not
/// thread-safe); they share one `QueryEngine`. A failing indicator is recorded with its file
/// and line and the run goes on with the other indicators and subjects.
public struct Evaluator: Sendable {
    /// An indicator file to load: its source and its path relative to the workspace.
    public struct Source: Sendable, Hashable {
        /// The path shown in messages (`indicators/win_rate.lua`).
        public var file: String
        /// The Lua text.
        public var text: String

        /// Creates a source.
        public init(file: String, text: String) {
            self.file = file
            self.text = text
        }
    }

    /// The query engine over the loaded data.
    public let engine: QueryEngine
    /// The workspace (name, calendar).
    public let workspace: Workspace
    /// Limits per indicator call.
    public var limits: LuaLimits
    /// The day "days elapsed" is counted to.
    public var today: Int32
    /// Worker threads.
    public var workers: Int
    /// Where `require` finds the indicators' own modules (nil: `require` finds nothing).
    public var modules: ModuleFolder?
    /// The values scripts read with `param(name)` (a pack's parameters; empty: none).
    public var parameters: [String: IndicatorParameter] = [:]
    /// Whether indicators that allow it run once for all subjects of a grain ("column mode",
    /// see `ColumnEligibility`); off, every indicator runs per subject. The values are the
    /// same either way.
    public var columnMode = true
    /// Dimensions every indicator is broken down by (`run --by`), besides those each indicator
    /// declares (`breakdown = …`): the report's ``RunReport/breakdowns`` hold the figures per
    /// member of each, for the indicators the dimension applies to.
    public var breakdowns: [BreakdownDimension] = []
    /// Whether the indicators' own `breakdown` declarations are evaluated (`run`); off for
    /// scoring, which reads the overall figures only.
    public var includesDeclaredBreakdowns = true
    /// Told as the figures are evaluated (a progress bar); nil for none.
    public var progress: EvaluationProgress?
    /// Internal switches that force the other evaluation paths, for tests that compare them.
    var paths = EvaluationPaths()
    /// The as-of day when the sessions evaluate snapshot indicators (their `during`, `before`
    /// and `between` are errors), nil for a run over periods.
    var snapshotAsOf: Int32?
    /// The figures of other indicator sets that `k("pack.id")` reads (see
    /// ``run(_:periods:grains:)``); none for a run of one set.
    var imported = ImportedFigures()

    /// Creates an evaluator.
    public init(
        engine: QueryEngine, workspace: Workspace, limits: LuaLimits = .default, today: Int32? = nil,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.engine = engine
        self.workspace = workspace
        self.limits = limits
        self.today = today ?? CivilDate.today
        self.workers = max(1, workers)
    }

    /// Loads indicator sources in one session, for their declarations and load errors.
    func declarations(_ sources: [Source]) throws(EvaluationError) -> (
        [IndicatorDefinition], [IndicatorLoadError]
    ) {
        let loaded = try load(sources)
        return (loaded.definitions, loaded.errors)
    }

    /// Evaluates every indicator for every subject of each grain in each period.
    ///
    /// The run is a sequence of steps: choose the indicators (`RunnableIndicators`), lay out
    /// the work (`EvaluationPlan`), compute the shared queries ahead (`QueryPrefill`),
    /// evaluate what column mode can (`ColumnPass`), then the rest per subject
    /// (`SubjectPass`), and assemble the report.
    ///
    /// Snapshot indicators (see ``IndicatorSnapshot`` and the workspace's `[snapshot]`) are
    /// evaluated once, in the snapshot period of their as-of day, instead of in `periods`; a
    /// run of snapshot indicators only may pass no period.
    ///
    /// When indicators declare peer bins (`quantile_bins`, `threshold_bins`), the run goes in
    /// stages (see `runWithPeerBins`).
    public func run(sources: [Source], periods: [Period], grains: [Grain], only ids: Set<String>? = nil)
        throws(EvaluationError) -> RunReport
    {
        let loaded = try load(sources)
        let groups = SnapshotGroups(loaded.definitions, snapshot: workspace.snapshot, only: ids)
        guard groups.isEmpty else {
            return try runSplit(sources: sources, groups: groups, periods: periods, grains: grains)
        }
        return try runLoaded(loaded, sources: sources, periods: periods, grains: grains, only: ids)
    }

    /// Evaluates loaded indicators in `periods` (the body of ``run(sources:periods:grains:only:)``).
    func runLoaded(
        _ loaded: LoadedSources, sources: [Source], periods: [Period], grains: [Grain], only ids: Set<String>?
    ) throws(EvaluationError) -> RunReport {
        let selection = try RunnableIndicators(
            loaded, only: ids, dataset: engine.dataset, grains: SubjectGrains(workspace: workspace))
        if loaded.definitions.contains(where: { $0.peerBins != nil }) {
            return try runWithPeerBins(loaded, sources: sources, periods: periods, grains: grains, only: ids)
        }
        let plan = try plan(grains: grains, periods: periods)
        return try evaluate(
            loaded, selection, sources: sources, grains: grains, plan: plan, periods: periods, peerBins: PeerBinValues()
        )
    }

    /// One evaluation of the indicators of `selection` over `plan`: the steps of ``run(sources:periods:grains:only:)``
    /// after the plan, with the peer bins known so far.
    func evaluate(
        _ loaded: LoadedSources, _ selection: RunnableIndicators, sources: [Source], grains: [Grain],
        plan: EvaluationPlan, periods: [Period], peerBins: PeerBinValues
    ) throws(EvaluationError) -> RunReport {
        let figures = evaluateFigures(loaded, selection, sources: sources, plan: plan, peerBins: peerBins)
        var report = RunReport(
            workspace: workspace.name, generatedAt: ISO8601DateFormatter().string(from: Date()), periods: periods,
            indicators: Self.infos(selection), results: resultTable(figures.values, plan: plan, selection: selection),
            errors: figures.failures, limitStops: figures.limitStops, statistics: figures.statistics)
        try breakDown(
            &report, runnable: selection.runnable, sources: sources, grains: grains, periods: periods,
            stops: figures.stops)
        return report
    }

    /// The figures' values of the indicators of `selection` over `plan`, with the peer bins known
    /// so far: the shared queries ahead (``QueryPrefill``), what column mode can evaluate
    /// (``ColumnPass``), then the rest per subject (``SubjectPass``).
    func evaluateFigures(
        _ loaded: LoadedSources, _ selection: RunnableIndicators, sources: [Source], plan: EvaluationPlan,
        peerBins: PeerBinValues
    ) -> EvaluatedFigures {
        let ids = selection.ids
        loaded.session.peerBins = peerBins
        let prefilled = QueryPrefill.run(plan, ids: ids, session: loaded.session)
        let stops = LimitStops()
        var settings = sessionSettings
        settings.peerBins = peerBins
        let columnPass = ColumnPass(
            plan: plan, ids: ids, sources: sources, settings: settings,
            workerCount: min(workers, max(1, plan.units.count)), columnMode: columnMode, prefetch: paths.prefetch,
            stops: stops)
        let recorder = FigureRecorder(selection.runnable, locale: workspace.locale)
        let subjectPass = SubjectPass(
            plan: plan, ids: ids, recorder: recorder, columnPass: columnPass, progress: progress)
        var statistics = prefilled
        statistics.subjectQueries += subjectPass.subjectQueries
        statistics.hostArithmeticColumns += subjectPass.hostArithmeticColumns
        statistics.columnFiguresCopied += subjectPass.columnFiguresCopied
        statistics.keyViews = engine.keyStatistics.snapshot
        statistics.figuresByIndicator = Dictionary(zip(ids, subjectPass.figurePaths)) { first, _ in first }
        statistics.partitionQueries = plan.distinctRuns.reduce(0) { $0 + $1.computedCount }
        return EvaluatedFigures(
            values: subjectPass.values, failures: selection.failures + subjectPass.failures, limitStops: stops.hits,
            statistics: statistics, stops: stops)
    }

    /// The report's table of `values` (per task of `plan`, one per indicator of `selection`).
    func resultTable(_ values: [ResultValue], plan: EvaluationPlan, selection: RunnableIndicators) -> ResultTable {
        FigureRows.table(
            values, tasks: plan.tasks, labels: FigureLabels(selection.runnable, locale: workspace.locale))
    }

    /// What the report says of the indicators of `selection`, in their order.
    static func infos(_ selection: RunnableIndicators) -> [IndicatorInfo] {
        selection.selected.map {
            IndicatorInfo(
                id: $0.id, title: $0.title, titleZH: $0.titleZH, unit: $0.unit,
                better: $0.higherIsBetter ? .higher : .lower, description: $0.description, sourceFile: $0.file)
        }
    }

    /// Adds the breakdowns of a run to its report: ``breakdowns`` for every runnable indicator,
    /// then each dimension the indicators declare for those declaring it. A declared dimension
    /// that no mapped entity has fails its indicators (the run goes on); one asked for with
    /// `--by` fails the run.
    func breakDown(
        _ report: inout RunReport, runnable: [IndicatorDefinition], sources: [Source], grains: [Grain],
        periods: [Period], stops: LimitStops
    ) throws(EvaluationError) {
        var work: [(BreakdownDimension, [IndicatorDefinition])] = breakdowns.map { ($0, runnable) }
        for definition in runnable where includesDeclaredBreakdowns {
            for dimension in definition.breakdowns where !breakdowns.contains(dimension) {
                if let index = work.firstIndex(where: { $0.0 == dimension }) {
                    work[index].1.append(definition)
                } else {
                    work.append((dimension, [definition]))
                }
            }
        }
        guard !work.isEmpty else { return }
        var statistics = report.statistics ?? EvaluationStatistics()
        for (dimension, definitions) in work {
            let pass: BreakdownPass
            do {
                pass = try BreakdownPass(
                    dimension: dimension, definitions: definitions, evaluator: self, sources: sources, grains: grains,
                    periods: periods, stops: stops)
            } catch {
                guard !breakdowns.contains(dimension) else { throw error }
                report.errors += definitions.map {
                    IndicatorFailure(
                        indicatorID: $0.id, message: tr("breakdown %@: %@", dimension, error.message), file: $0.file)
                }
                continue
            }
            report.breakdowns += pass.results
            report.errors += pass.failures
            statistics.breakdownFigures = statistics.breakdownFigures + pass.paths
            statistics.breakdownSubjectQueries += pass.subjectQueries
        }
        report.statistics = statistics
    }

    /// What every session of a run starts with.
    var sessionSettings: SessionSettings {
        SessionSettings(
            engine: engine, calendar: workspace.calendar, limits: limits, today: today, modules: modules,
            snapshotAsOf: snapshotAsOf, parameters: parameters, imported: imported)
    }

    /// A new session, on a Lua thread, with the sources loaded.
    func load(_ sources: [Source]) throws(EvaluationError) -> LoadedSources {
        let settings = sessionSettings
        let outcome: Result<LoadedSources, EvaluationError> = LuaThread.run {
            do throws(LuaError) {
                return .success(LoadedSources(sources, into: try settings.start()))
            } catch {
                return .failure(EvaluationError(tr("cannot start Lua: %@", error)))
            }
        }
        return try outcome.get()
    }

    /// The work of a run over `grains` and `periods` (see ``EvaluationPlan``).
    func plan(grains: [Grain], periods: [Period]) throws(EvaluationError) -> EvaluationPlan {
        try EvaluationPlan(
            grains: grains, periods: periods, workers: workers,
            subjects: { grain throws(EvaluationError) in
                try SubjectCatalog.subjects(of: grain, in: engine.dataset, workspace: workspace)
            },
            partitionRuns: { partitionRuns(for: $0, periods: periods) })
    }

    /// The shared per-period values for the subjects of one grain, when there are several and
    /// they partition the users (or accounts); nil otherwise (each subject then runs alone).
    func partitionRuns(for subjects: [SubjectInfo], periods: [Period]) -> PartitionRuns? {
        guard paths.partitioned, subjects.count > 1 else { return nil }
        let targetEntity: String
        switch subjects.first?.subject {
        case .accounts?: targetEntity = "accounts"
        case .entity(let entity)?: targetEntity = entity.entity
        default: targetEntity = "users"
        }
        let targetCount = engine.dataset[targetEntity]?.rowCount ?? 0
        guard let partition = SubjectPartition(subjects.map(\.subject), targetCount: targetCount) else {
            return nil
        }
        return PartitionRuns(
            engine: engine, partition: partition,
            periods: periods.map(\.queryDays))
    }
}
