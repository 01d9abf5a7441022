import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

/// Runs indicators for every subject of the chosen grains and every period.
///
/// Each worker thread has its own Lua VM with the indicators loaded (Lua states are not
/// thread-safe); they share one ``QueryEngine``. A failing indicator is recorded with its file
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
    /// see ``ColumnEligibility``); off, every indicator runs per subject. The values are the
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
        self.today = today ?? Int32(Int(Date().timeIntervalSince1970) / 86_400)
        self.workers = max(1, workers)
    }

    /// Loads indicator sources in one session, for their declarations and load errors.
    public func declarations(_ sources: [Source]) throws(EvaluationError) -> (
        [IndicatorDefinition], [IndicatorLoadError]
    ) {
        let (_, definitions, errors) = try loadedSession(sources)
        return (definitions, errors)
    }

    /// A new session with the sources loaded, their declarations and their load errors.
    private func loadedSession(_ sources: [Source]) throws(EvaluationError) -> (
        EvaluationSession, [IndicatorDefinition], [IndicatorLoadError]
    ) {
        let engine = self.engine
        let calendar = workspace.calendar
        let limits = self.limits
        let today = self.today
        let modules = self.modules
        let outcome: Result<(EvaluationSession, [IndicatorDefinition], [IndicatorLoadError]), EvaluationError> =
            LuaThread.run {
                do {
                    let session = try EvaluationSession(
                        engine: engine, calendar: calendar, limits: limits, today: today, modules: modules)
                    var errors: [IndicatorLoadError] = []
                    var definitions: [IndicatorDefinition] = []
                    for source in sources {
                        do {
                            definitions.append(try session.load(source: source.text, file: source.file))
                        } catch let error as IndicatorLoadError {
                            errors.append(error)
                        } catch {
                            errors.append(IndicatorLoadError(file: source.file, line: nil, message: "\(error)"))
                        }
                    }
                    return .success((session, definitions, errors))
                } catch {
                    return .failure(EvaluationError("cannot start Lua: \(error)"))
                }
            }
        return try outcome.get()
    }

    /// Evaluates every indicator for every subject of each grain in each period.
    public func run(sources: [Source], periods: [Period], grains: [Grain], only ids: Set<String>? = nil)
        throws(EvaluationError) -> RunReport
    {
        let (firstSession, allDefinitions, loadErrors) = try loadedSession(sources)
        let definitions = allDefinitions.filter { ids?.contains($0.id) ?? true }
        if let ids {
            let unknown = ids.subtracting(allDefinitions.map(\.id)).sorted()
            if !unknown.isEmpty {
                throw EvaluationError(
                    "no indicator \(unknown.joined(separator: ", ")) (known: \(allDefinitions.map(\.id).sorted().joined(separator: ", ")))"
                )
            }
        }
        var failures = loadErrors.map {
            IndicatorFailure(indicatorID: "", message: $0.message, file: $0.file, line: $0.line)
        }
        let (runnable, unmet) = checkNeeds(definitions)
        failures += unmet
        let (tasks, blocks, columnBlocks) = try plan(grains: grains, periods: periods)
        let units = Self.units(blocks, workers: workers)
        let ids = runnable.map(\.id)
        let prefilled = prefill(
            tasks.compactMap { task in task.grouped.map { (task.subject, task.period, $0) } }, ids,
            session: firstSession
        )
        let columnSlots = ResultSlots<[String: [ResultValue]]>(count: blocks.count)
        let recorder = FigureRecorder(runnable, locale: workspace.locale)
        let figuresPerTask = recorder.figuresPerTask
        let workerCount = min(workers, max(1, units.count))
        let engine = self.engine
        let calendar = workspace.calendar
        let limits = self.limits
        let today = self.today
        let modules = self.modules
        let columnMode = self.columnMode
        let prefetch = paths.prefetch
        let allTasks = tasks
        let allColumnBlocks = columnBlocks
        let sessions = ResultSlots<EvaluationSession>(count: workerCount)
        let stops = LimitStops()
        let workerCounts = ResultSlots<[FigurePaths]>(count: workerCount)
        // First pass: each worker starts its Lua session, then evaluates the indicators that
        // allow it in column mode, one grain and period at a time.
        let columnQueue = WorkQueue(count: columnBlocks.count)
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            LuaThread.run {
                guard
                    let session = try? EvaluationSession(
                        engine: engine, calendar: calendar, limits: limits, today: today, modules: modules)
                else { return }
                session.prefetch = prefetch
                // Load errors were already collected by `declarations`; files that failed there
                // fail the same way here and are not among the ids run below.
                for source in sources { _ = try? session.load(source: source.text, file: source.file) }
                session.stops = stops
                sessions.set(worker, session)
                let columnIDs = columnMode ? ids.filter { session.columnEligible.contains($0) } : []
                while let next = columnQueue.next() {
                    let (block, period, runs) = allColumnBlocks[next]
                    columnSlots.set(block, session.evaluateColumns(columnIDs, period: period, runs: runs))
                }
            }
        }
        // Second pass: the indicators column mode did not compute, subject by subject. Figures
        // are written in place into the report's array, in task order.
        let taskFailures = ResultSlots<[IndicatorFailure]>(count: tasks.count)
        var unstartedCounts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
        let results = [IndicatorResult](unsafeUninitializedCapacity: tasks.count * figuresPerTask) {
            buffer, initialized in
            let output = FigureBuffer(buffer)
            let queue = WorkQueue(count: units.count)
            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                guard let session = sessions.value(at: worker) else { return }
                let recorder = recorder.copied()
                LuaThread.run {
                    // This worker's figures by indicator position and path, merged after the
                    // run (a local array: no lock and no shared counter per figure).
                    var counts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
                    // The column-mode values of the block being worked on, by indicator position.
                    var block = -1
                    var columns: [[ResultValue]?] = []
                    while let unit = queue.next() {
                        for index in units[unit] {
                            let task = allTasks[index]
                            if task.block != block {
                                block = task.block
                                let computed = columnSlots.value(at: block) ?? [:]
                                columns = ids.map { computed[$0] }
                            }
                            var values = [ResultValue](repeating: .missing(reason: ""), count: ids.count)
                            var errors: [Int: LuaError] = [:]
                            var remaining: [Int] = []
                            for position in ids.indices {
                                if let column = columns[position], let subject = task.grouped?.index,
                                    column[subject].status != .failed
                                {
                                    values[position] = column[subject]
                                    counts[position].count(.columnMode, failed: false, limit: false)
                                } else {
                                    remaining.append(position)
                                }
                            }
                            if !remaining.isEmpty {
                                let outcomes = session.evaluateAll(
                                    remaining.map { ids[$0] }, subject: task.subject, period: task.period,
                                    grouped: task.grouped)
                                let paths = session.lastPaths
                                for (offset, (position, outcome)) in zip(remaining, outcomes).enumerated() {
                                    switch outcome {
                                    case .success(let value):
                                        values[position] = value
                                        counts[position].count(paths[offset], failed: false, limit: false)
                                    case .failure(let error):
                                        values[position] = .failed(message: error.description)
                                        errors[position] = error
                                        counts[position].count(
                                            paths[offset], failed: true, limit: LimitStops.isLimit(error))
                                    }
                                }
                            }
                            taskFailures.set(
                                index,
                                recorder.record(index, task.period, task.subject, values, errors, into: output))
                        }
                    }
                    workerCounts.set(worker, counts)
                }
            }
            // A worker whose Lua state could not start leaves its tasks undone: say so for each
            // figure rather than drop it.
            let notStarted = LuaError(kind: .hostAPI, message: "the evaluation worker could not start Lua")
            let unstarted = runnable.map { _ in ResultValue.failed(message: notStarted.message) }
            let unstartedErrors = Dictionary(uniqueKeysWithValues: runnable.indices.map { ($0, notStarted) })
            for (index, task) in allTasks.enumerated() where taskFailures.value(at: index) == nil {
                for position in ids.indices { unstartedCounts[position].count(.notRun, failed: true, limit: false) }
                taskFailures.set(
                    index, recorder.record(index, task.period, task.subject, unstarted, unstartedErrors, into: output))
            }
            initialized = tasks.count * figuresPerTask
        }
        for index in tasks.indices { failures += taskFailures.value(at: index) ?? [] }
        var statistics = prefilled
        var byPosition = unstartedCounts
        for worker in 0..<workerCount {
            for (position, counts) in (workerCounts.value(at: worker) ?? []).enumerated() {
                byPosition[position] = byPosition[position] + counts
            }
            statistics.subjectQueries += sessions.value(at: worker)?.subjectQueries ?? 0
        }
        statistics.figuresByIndicator = Dictionary(zip(ids, byPosition)) { first, _ in first }
        statistics.groupedQueries = Self.distinctRuns(columnBlocks.map(\.runs)).reduce(0) { $0 + $1.computedCount }
        let infos = definitions.map {
            IndicatorInfo(
                id: $0.id, title: $0.title, titleZH: $0.titleZH, unit: $0.unit,
                better: $0.higherIsBetter ? .higher : .lower, description: $0.description, sourceFile: $0.file)
        }
        return RunReport(
            workspace: workspace.name, generatedAt: ISO8601DateFormatter().string(from: Date()), periods: periods,
            indicators: infos, results: results, errors: failures, limitStops: stops.hits, statistics: statistics)
    }

    /// One task per subject of each grain and period, in blocks of one grain and period (a
    /// worker takes one block at a time), and the blocks whose subjects share values, which
    /// column mode can evaluate at once.
    func plan(grains: [Grain], periods: [Period]) throws(EvaluationError) -> (
        tasks: [RunTask], blocks: [Range<Int>], columnBlocks: [(block: Int, period: Period, runs: GroupedRuns)]
    ) {
        var tasks: [RunTask] = []
        var blocks: [Range<Int>] = []
        var columnBlocks: [(block: Int, period: Period, runs: GroupedRuns)] = []
        for grain in grains {
            let subjects = try SubjectCatalog.subjects(of: grain, in: engine.dataset, companyName: workspace.name)
            let runs = groupedRuns(for: subjects, periods: periods)
            for period in periods {
                let start = tasks.count
                for (index, subject) in subjects.enumerated() {
                    tasks.append(
                        RunTask(
                            period: period, subject: subject, grouped: runs.map { ($0, index) }, block: blocks.count))
                }
                if let runs { columnBlocks.append((blocks.count, period, runs)) }
                blocks.append(start..<tasks.count)
            }
        }
        return (tasks, blocks, columnBlocks)
    }

    /// Computes ahead, in parallel, the shared values the indicators will ask for.
    ///
    /// One subject of each grain is evaluated in discovery mode (queries answer a placeholder
    /// and are only recorded); each recorded aggregate of the evaluated period is then computed
    /// for every subject and run period at once, one aggregate per core. Aggregates that
    /// discovery did not meet (a branch the placeholder did not take, `s.previous`) are
    /// computed when first asked for.
    ///
    /// - Returns: Statistics with the discovery figures filled in (``EvaluationStatistics/
    ///   discoveredQueries``, ``EvaluationStatistics/groupedQueriesAhead`` and the times).
    func prefill(
        _ tasks: [(SubjectInfo, Period, (runs: GroupedRuns, index: Int))], _ ids: [String],
        session: EvaluationSession
    ) -> EvaluationStatistics {
        var firstOfEach: [(SubjectInfo, Period, (runs: GroupedRuns, index: Int))] = []
        for task in tasks where !firstOfEach.contains(where: { $0.2.runs === task.2.runs }) {
            firstOfEach.append(task)
        }
        var statistics = EvaluationStatistics()
        guard !firstOfEach.isEmpty, !ids.isEmpty else { return statistics }
        let clock = ContinuousClock()
        let started = clock.now
        let discovered: [(GroupedRuns, QueryEngine.PreparedAggregate)] = LuaThread.run {
            var found: [(GroupedRuns, QueryEngine.PreparedAggregate)] = []
            for (subject, period, grouped) in firstOfEach {
                session.discovered = []
                _ = session.evaluateAll(ids, subject: subject, period: period, grouped: grouped)
                found += (session.discovered ?? []).sorted().map { (grouped.runs, session.aggregates[$0]) }
            }
            session.discovered = nil
            return found
        }
        let discoveredAt = clock.now
        DispatchQueue.concurrentPerform(iterations: discovered.count) { index in
            let (runs, prepared) = discovered[index]
            guard let period = runs.periods.first else { return }
            _ = try? runs.values(of: prepared, in: period)
        }
        statistics.discoveredQueries = discovered.count
        statistics.discoverySeconds = Self.seconds(discoveredAt - started)
        statistics.prefillSeconds = Self.seconds(clock.now - discoveredAt)
        statistics.groupedQueriesAhead = Self.distinctRuns(firstOfEach.map(\.2.runs)).reduce(0) {
            $0 + $1.computedCount
        }
        return statistics
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Each shared-values object once, in first-seen order.
    static func distinctRuns(_ runs: [GroupedRuns]) -> [GroupedRuns] {
        var seen: Set<ObjectIdentifier> = []
        return runs.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// The shared per-period values for the subjects of one grain, when there are several and
    /// they partition the users (or accounts); nil otherwise (each subject then runs alone).
    func groupedRuns(for subjects: [SubjectInfo], periods: [Period]) -> GroupedRuns? {
        guard paths.grouped, subjects.count > 1 else { return nil }
        let isAccounts = subjects.first.map { if case .accounts = $0.subject { true } else { false } } ?? false
        let targetCount = engine.dataset[isAccounts ? "accounts" : "users"]?.rowCount ?? 0
        guard let groups = SubjectGroups(subjects.map(\.subject), targetCount: targetCount) else { return nil }
        return GroupedRuns(
            engine: engine, groups: groups,
            periods: periods.map { PeriodDays(firstDay: $0.first, lastDay: $0.last) })
    }

    /// Cuts blocks of tasks (one grain and period each) into units of work: whole blocks when
    /// there are enough to keep every worker busy, smaller pieces otherwise.
    static func units(_ blocks: [Range<Int>], workers: Int) -> [Range<Int>] {
        let wanted = 4 * max(1, workers)
        guard blocks.count < wanted else { return blocks }
        let piecesPerBlock = (wanted + blocks.count - 1) / max(1, blocks.count)
        var units: [Range<Int>] = []
        for block in blocks {
            let size = max(1, (block.count + piecesPerBlock - 1) / piecesPerBlock)
            var start = block.lowerBound
            while start < block.upperBound {
                let end = min(block.upperBound, start + size)
                units.append(start..<end)
                start = end
            }
        }
        return units
    }

    /// Splits indicators into those whose `needs` are mapped and failures for the others.
    func checkNeeds(_ definitions: [IndicatorDefinition]) -> ([IndicatorDefinition], [IndicatorFailure]) {
        var runnable: [IndicatorDefinition] = []
        var failures: [IndicatorFailure] = []
        for definition in definitions {
            let missing = definition.needs.filter { need in
                let parts = need.split(separator: ".", maxSplits: 1).map(String.init)
                return engine.dataset[parts[0]]?[parts[1]] == nil
            }
            if missing.isEmpty {
                runnable.append(definition)
            } else {
                failures.append(
                    IndicatorFailure(
                        indicatorID: definition.id,
                        message: "needs \(missing.joined(separator: ", ")), which the workspace does not map",
                        file: definition.file))
            }
        }
        return (runnable, failures)
    }
}

extension Grain {
    /// Whether this grain is finer than another on the user → team → department → company line.
    func isFiner(than other: Grain) -> Bool {
        let order: [Grain] = [.user, .team, .department, .company]
        guard let mine = order.firstIndex(of: self), let theirs = order.firstIndex(of: other) else { return false }
        return mine < theirs
    }
}

/// Hands out unit numbers 0..<count to worker threads, each once.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextUnit = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextUnit < count else { return nil }
        nextUnit += 1
        return nextUnit - 1
    }
}

/// One subject in one period: what a worker evaluates at a time.
struct RunTask: Sendable {
    var period: Period
    var subject: SubjectInfo
    /// The values shared by the subjects of the grain and this subject's position, if any.
    var grouped: (runs: GroupedRuns, index: Int)?
    /// The block (grain and period) the task belongs to.
    var block: Int
}
