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
        let engine = self.engine
        let calendar = workspace.calendar
        let limits = self.limits
        let today = self.today
        let modules = self.modules
        let outcome: Result<([IndicatorDefinition], [IndicatorLoadError]), EvaluationError> = LuaThread.run {
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
                return .success((definitions, errors))
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
        let (allDefinitions, loadErrors) = try declarations(sources)
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
        var tasks: [(Period, SubjectInfo)] = []
        for grain in grains {
            let subjects = try SubjectCatalog.subjects(of: grain, in: engine.dataset, companyName: workspace.name)
            for period in periods {
                for subject in subjects { tasks.append((period, subject)) }
            }
        }
        let ids = runnable.map(\.id)
        let slots = ResultSlots<[(ResultValue, LuaError?)]>(count: tasks.count)
        let workerCount = min(workers, max(1, tasks.count))
        let engine = self.engine
        let calendar = workspace.calendar
        let limits = self.limits
        let today = self.today
        let modules = self.modules
        let allTasks = tasks
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            LuaThread.run {
                guard
                    let session = try? EvaluationSession(
                        engine: engine, calendar: calendar, limits: limits, today: today, modules: modules)
                else { return }
                // Load errors were already collected by `declarations`; files that failed there
                // fail the same way here and are not among the ids run below.
                for source in sources { _ = try? session.load(source: source.text, file: source.file) }
                for index in stride(from: worker, to: allTasks.count, by: workerCount) {
                    let (period, subject) = allTasks[index]
                    session.focus(on: subject, period: period)
                    var values: [(ResultValue, LuaError?)] = []
                    for id in ids {
                        switch session.evaluate(id) {
                        case .success(let value): values.append((value, nil))
                        case .failure(let error): values.append((.failed(message: error.description), error))
                        }
                    }
                    slots.set(index, values)
                }
            }
        }
        var results: [IndicatorResult] = []
        for (index, (period, subject)) in tasks.enumerated() {
            // A worker whose Lua state could not start leaves its slots empty: say so for each
            // figure rather than drop it.
            let values =
                slots.value(at: index)
                ?? runnable.map { _ in
                    (ResultValue.failed(message: "the evaluation worker could not start Lua"), LuaError?.none)
                }
            for (definition, (value, error)) in zip(runnable, values) {
                var value = value
                if subject.grain.isFiner(than: definition.per) {
                    value = .missing(reason: "\(definition.id) is defined per \(definition.per.rawValue)")
                }
                results.append(
                    IndicatorResult(
                        period: period, grain: subject.grain, subjectID: subject.id, subjectName: subject.name,
                        indicatorID: definition.id, title: definition.title(locale: workspace.locale),
                        unit: definition.unit, value: value))
                if let error {
                    failures.append(
                        IndicatorFailure(
                            indicatorID: definition.id, subjectID: subject.id, periodLabel: period.label,
                            message: error.message, file: error.chunk ?? definition.file, line: error.line))
                }
            }
        }
        let infos = definitions.map {
            IndicatorInfo(
                id: $0.id, title: $0.title, titleZH: $0.titleZH, unit: $0.unit,
                better: $0.higherIsBetter ? .higher : .lower, description: $0.description, sourceFile: $0.file)
        }
        return RunReport(
            workspace: workspace.name, generatedAt: ISO8601DateFormatter().string(from: Date()), periods: periods,
            indicators: infos, results: results, errors: failures)
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
