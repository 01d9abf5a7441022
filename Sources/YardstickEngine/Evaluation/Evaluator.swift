import Foundation
import LuaRuntime
import YardstickData
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
    /// Whether indicators that allow it run once for all subjects of a grain ("column mode",
    /// see `ColumnEligibility`); off, every indicator runs per subject. The values are the
    /// same either way.
    public var columnMode = true
    /// Internal switches that force the other evaluation paths, for tests that compare them.
    var paths = EvaluationPaths()

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
    /// (`SubjectPass`), and assemble the report. When indicators declare peer bins
    /// (`quantile_bins`, `threshold_bins`), the run goes in stages (see
    /// ``runWithPeerBins(_:sources:periods:grains:only:)``).
    public func run(sources: [Source], periods: [Period], grains: [Grain], only ids: Set<String>? = nil)
        throws(EvaluationError) -> RunReport
    {
        let loaded = try load(sources)
        if loaded.definitions.contains(where: { $0.peerBins != nil }) {
            return try runWithPeerBins(loaded, sources: sources, periods: periods, grains: grains, only: ids)
        }
        let selection = try RunnableIndicators(loaded, only: ids, dataset: engine.dataset)
        let plan = try plan(grains: grains, periods: periods)
        return evaluate(loaded, selection, sources: sources, plan: plan, periods: periods, peerBins: PeerBinValues())
    }

    /// One evaluation of the indicators of `selection` over `plan`: the steps of ``run(sources:periods:grains:only:)``
    /// after the plan, with the peer bins known so far.
    func evaluate(
        _ loaded: LoadedSources, _ selection: RunnableIndicators, sources: [Source], plan: EvaluationPlan,
        periods: [Period], peerBins: PeerBinValues
    ) -> RunReport {
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
        let subjectPass = SubjectPass(plan: plan, ids: ids, recorder: recorder, columnPass: columnPass)
        return assemble(
            selection: selection, plan: plan, periods: periods, prefilled: prefilled, subjectPass: subjectPass,
            stops: stops)
    }

    /// What every session of a run starts with.
    var sessionSettings: SessionSettings {
        SessionSettings(
            engine: engine, calendar: workspace.calendar, limits: limits, today: today, modules: modules)
    }

    /// A new session, on a Lua thread, with the sources loaded.
    private func load(_ sources: [Source]) throws(EvaluationError) -> LoadedSources {
        let settings = sessionSettings
        let outcome: Result<LoadedSources, EvaluationError> = LuaThread.run {
            do throws(LuaError) {
                return .success(LoadedSources(sources, into: try settings.start()))
            } catch {
                return .failure(EvaluationError("cannot start Lua: \(error)"))
            }
        }
        return try outcome.get()
    }

    /// The work of a run over `grains` and `periods` (see ``EvaluationPlan``).
    func plan(grains: [Grain], periods: [Period]) throws(EvaluationError) -> EvaluationPlan {
        try EvaluationPlan(
            grains: grains, periods: periods, workers: workers,
            subjects: { grain throws(EvaluationError) in
                try SubjectCatalog.subjects(of: grain, in: engine.dataset, companyName: workspace.name)
            },
            partitionRuns: { partitionRuns(for: $0, periods: periods) })
    }

    /// The report of a run: the indicators asked for, every figure, the failures (selection's,
    /// then the figures' in task order), the limit stops and the statistics.
    func assemble(
        selection: RunnableIndicators, plan: EvaluationPlan, periods: [Period], prefilled: EvaluationStatistics,
        subjectPass: SubjectPass, stops: LimitStops
    ) -> RunReport {
        var statistics = prefilled
        statistics.subjectQueries += subjectPass.subjectQueries
        statistics.figuresByIndicator = Dictionary(zip(selection.ids, subjectPass.figurePaths)) { first, _ in first }
        statistics.partitionQueries = plan.distinctRuns.reduce(0) { $0 + $1.computedCount }
        let infos = selection.selected.map {
            IndicatorInfo(
                id: $0.id, title: $0.title, titleZH: $0.titleZH, unit: $0.unit,
                better: $0.higherIsBetter ? .higher : .lower, description: $0.description, sourceFile: $0.file)
        }
        return RunReport(
            workspace: workspace.name, generatedAt: ISO8601DateFormatter().string(from: Date()), periods: periods,
            indicators: infos, results: subjectPass.results, errors: selection.failures + subjectPass.failures,
            limitStops: stops.hits, statistics: statistics)
    }

    /// The shared per-period values for the subjects of one grain, when there are several and
    /// they partition the users (or accounts); nil otherwise (each subject then runs alone).
    func partitionRuns(for subjects: [SubjectInfo], periods: [Period]) -> PartitionRuns? {
        guard paths.partitioned, subjects.count > 1 else { return nil }
        let isAccounts = subjects.first.map { if case .accounts = $0.subject { true } else { false } } ?? false
        let targetCount = engine.dataset[isAccounts ? "accounts" : "users"]?.rowCount ?? 0
        guard let partition = SubjectPartition(subjects.map(\.subject), targetCount: targetCount) else {
            return nil
        }
        return PartitionRuns(
            engine: engine, partition: partition,
            periods: periods.map(\.queryDays))
    }
}
