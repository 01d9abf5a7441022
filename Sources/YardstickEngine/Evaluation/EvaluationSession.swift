import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// One Lua VM with the indicator API and a set of loaded indicators, evaluating one subject and
/// period at a time. Confined to the thread that created it (Lua states are not thread-safe);
/// parallel runs use one session per thread.
final class EvaluationSession {
    let vm: LuaVM
    let engine: QueryEngine
    let dataset: Dataset
    let calendar: CalendarSettings
    let today: Int32
    /// Plans registered by the prelude, by id, prepared for repeated runs.
    var plans: [QueryEngine.PreparedPlan] = []
    /// Aggregates registered by the prelude, by id, prepared for repeated runs.
    var aggregates: [QueryEngine.PreparedAggregate] = []
    /// Key views and key queries registered by the prelude (``KeyRegistry``).
    let keys = KeyRegistry()
    /// The queries run, with their rows, since the session last focused in
    /// ``EvaluationMode/tracedSubject(_:)`` mode (for explain).
    private(set) var trace: [TraceEntry] = []
    private(set) var definitions: [IndicatorDefinition] = []
    private var registerFunction: LuaFunction
    private var focusFunction: LuaFunction
    private var runFunction: LuaFunction
    private var orderFunction: LuaFunction
    private var taskFunction: LuaFunction
    var columnsFunction: LuaFunction
    /// Columns computed in the host during a column run (``ratioColumn(_:_:)``), by
    /// `-id - 1`.
    var derivedColumns: [[QueryValue]] = []
    /// The loaded indicators whose value functions may run for all subjects at once (see
    /// ``ColumnEligibility``).
    private(set) var columnEligible: Set<String> = []
    /// The ids `evaluateAll` was last asked for, as given to the prelude's runner.
    private var taskOrder: [String]?
    /// The period whose table the prelude's task runner holds.
    var taskPeriod: Period?
    /// The line where each loaded indicator's value function starts, by id.
    private var valueLines: [String: Int] = [:]
    /// Names the prelude published (globals and view methods), for the API doc check.
    private(set) var published: LuaTable
    /// The as-of day when the session evaluates snapshot indicators, whose `during`, `before`
    /// and `between` are then errors; nil for periods.
    let snapshotAsOf: Int32?
    /// What the session evaluates for (see ``EvaluationMode``).
    private(set) var mode = EvaluationMode.idle
    /// The period in focus; nil until the session first focuses.
    private(set) var period: Period?
    /// The periods of the scopes asked for so far in the focused period, by shift.
    private var shiftedPeriods: [PeriodShift: Period] = [:]

    init(
        engine: QueryEngine, calendar: CalendarSettings, limits: LuaLimits = .default, today: Int32,
        modules: ModuleFolder? = nil, snapshotAsOf: Int32? = nil, parameters: [String: IndicatorParameter] = [:]
    ) throws(LuaError) {
        self.snapshotAsOf = snapshotAsOf
        self.engine = engine
        self.dataset = engine.dataset
        self.calendar = calendar
        self.today = today
        vm = try LuaVM(limits: limits)
        // Registered before the prelude runs; the closures hold the session unowned.
        registerFunction = try vm.load("return nil", chunkName: "=placeholder")
        focusFunction = registerFunction
        runFunction = registerFunction
        orderFunction = registerFunction
        taskFunction = registerFunction
        columnsFunction = registerFunction
        published = LuaTable()
        try HostBindings.register(on: vm, session: self)
        try ParameterBindings.register(on: vm, parameters: parameters)
        if let modules { vm.moduleResolver = { modules.resolve($0) } }
        let results = try Prelude.load(into: vm)
        guard case .table(let runner)? = results.first, let register = runner["register"].functionValue,
            let focus = runner["focus"].functionValue, let run = runner["run"].functionValue,
            let order = runner["order"].functionValue, let task = runner["task"].functionValue,
            let columns = runner["columns"].functionValue,
            case .table(let names)? = results.dropFirst().first
        else {
            throw LuaError(kind: .hostAPI, message: tr("the prelude did not return its runner"))
        }
        registerFunction = register
        focusFunction = focus
        runFunction = run
        orderFunction = order
        taskFunction = task
        columnsFunction = columns
        published = names
    }

    /// Loads an indicator file and registers its value function.
    func load(source: String, file: String) throws(IndicatorLoadError) -> IndicatorDefinition {
        do {
            let chunk = try vm.load(source, chunkName: file)
            let results = try vm.call(chunk)
            guard case .table(let table)? = results.first else {
                throw IndicatorLoadError(
                    file: file, line: nil, message: tr("the file must return indicator { … }"))
            }
            guard let function = table["value"].functionValue else {
                throw IndicatorLoadError(file: file, line: nil, message: tr("value must be a function"))
            }
            let definition = try IndicatorDefinition.parse(table, file: file)
            if definitions.contains(where: { $0.id == definition.id }) {
                throw IndicatorLoadError(
                    file: file, line: nil, message: tr("another indicator already has the id %@", definition.id))
            }
            _ = try vm.call(registerFunction, [.string(definition.id), .function(function)])
            definitions.append(definition)
            if let shape = try? vm.prototype(of: function) {
                // A peer-bins indicator's value is the host's bin, which column mode reads for
                // every subject at once (bins.lua).
                if definition.peerBins != nil || ColumnEligibility.allows(shape) {
                    columnEligible.insert(definition.id)
                }
                if shape.lineDefined > 0 { valueLines[definition.id] = shape.lineDefined }
            }
            return definition
        } catch let error as LuaError {
            throw IndicatorLoadError(file: error.chunk ?? file, line: error.line, message: error.message)
        } catch let error as IndicatorLoadError {
            throw error
        } catch {
            throw IndicatorLoadError(file: file, line: nil, message: "\(error)")
        }
    }

    /// The value lists already fetched from the partition in focus for the focused period, by
    /// aggregate and shift.
    var partitionLists: [PartitionListKey: [QueryValue]] = [:]

    /// Aggregates that members of the partition in focus asked for and that were run for each
    /// alone, with the number of asks (see ``run(aggregate:shift:)``).
    private var soloAsks: [PartitionListKey: Int] = [:]

    /// How many members must ask for an aggregate no one computed ahead before it is computed
    /// for the whole partition: a partition run reads every row of the table and makes a value
    /// for every subject, a subject's own run only its rows, so a partition run pays off once
    /// a good share of the subjects ask (an eighth of them, and at least two).
    static func sharedAskCount(partitionSize: Int) -> Int { max(2, partitionSize / 8) }

    /// The aggregates of the focused period that every member of a partition asks for (found
    /// by the discovery's prefill or a column run), in the order first met: passed in ahead to
    /// the next members (see ``prefetchedValues()``). An aggregate run for one member alone, or
    /// shared by only some members (those with the same first purchase day, say), is not among
    /// them: members would pay for each other's queries.
    private var sharedAggregates: [Int] = []
    private var sharedAggregateSet: Set<Int> = []

    /// Records that aggregate `id` is shared by the members of a partition.
    private func share(_ id: Int, _ shift: PeriodShift) {
        if shift == .none, sharedAggregateSet.insert(id).inserted { sharedAggregates.append(id) }
    }

    /// A list of values fetched from the partition in focus: an aggregate in a shifted period.
    struct PartitionListKey: Hashable {
        /// The aggregate's id.
        let aggregate: Int
        /// The shift of the period from the one in focus.
        let shift: PeriodShift
    }

    /// The host side of a focus: mode and period; fetched value lists are kept while the period
    /// and the partition stay the same.
    func setFocus(_ mode: EvaluationMode, _ period: Period) {
        if self.period != period || self.mode.member?.runs !== mode.member?.runs {
            partitionLists = [:]
            soloAsks = [:]
        }
        if mode.isTraced { trace = [] }
        self.mode = mode
        self.period = period
        shiftedPeriods = [.none: period]
        focusError = nil
    }

    /// Sets the subject and period the next evaluations see (memoised values are dropped).
    ///
    /// - Parameter mode: The subject, alone, traced or as a member of a partition (see
    ///   ``EvaluationMode``); a partition member's aggregates run once for all the subjects of
    ///   the partition instead of once per subject.
    func focus(_ mode: EvaluationMode, period: Period) {
        setFocus(mode, period)
        guard let subject = mode.subject else { return }
        do {
            _ = try vm.call(focusFunction, [subjectTable(subject), periodTable(.none)])
        } catch {
            focusError = error
        }
    }

    var focusError: LuaError?

    /// Evaluates one indicator for the focused subject and period.
    func evaluate(_ id: String) -> Result<ResultValue, LuaError> {
        guard mode.subject != nil, period != nil else {
            return .failure(LuaError(kind: .hostAPI, message: tr("no subject in focus")))
        }
        if let focusError { return .failure(focusError) }
        do {
            let results = try vm.call(runFunction, [.string(id)])
            return checked(ValueBridge.result(results.first), id)
        } catch {
            return .failure(located(error, id))
        }
    }

    /// A value the script returned, or a located failure when it is not a value an indicator
    /// may return (a function, a table, a boolean, a string): such a figure is an error like
    /// any other, placed at the line where the value function starts.
    func checked(_ value: ResultValue, _ id: String) -> Result<ResultValue, LuaError> {
        guard case .failed(let message) = value else { return .success(value) }
        let file = definitions.first { $0.id == id }?.file
        return .failure(LuaError(kind: .runtime, chunk: file, line: valueLines[id], message: message))
    }

    /// The error with the script's place: an error located in the prelude, or nowhere, is
    /// moved to the innermost script frame of its traceback, else to the indicator's file.
    ///
    /// An API error raised from a tail call (`return view:count()`) has no script line: Lua
    /// has dropped the script's frame, and the traceback shows none either.
    func located(_ error: LuaError, _ id: String) -> LuaError {
        guard error.chunk == nil || error.chunk?.hasPrefix(Self.preludePrefix) == true else { return error }
        var located = error
        if let (chunk, line) = error.innermostFrame(excluding: [Self.preludePrefix]) {
            located.chunk = chunk
            located.line = line
        } else {
            located.chunk = definitions.first { $0.id == id }?.file
            located.line = nil
        }
        return located
    }

    /// The error of an indicator that failed in the fast path, when its message already names a
    /// place in a script (`indicators/x.lua:3: …`); nil otherwise (it is evaluated again alone,
    /// for a traceback). The message is cut as where errors leave Lua.
    static func locatedFailure(kind: UInt8, value: LuaValue?) -> LuaError? {
        guard kind == UInt8(ascii: "f"), case .string(let text)? = value,
            let (chunk, line, message) = LuaError.splitLocation(LuaError.cut(text)),
            !chunk.hasPrefix(preludePrefix)
        else { return nil }
        return LuaError(kind: .runtime, chunk: chunk, line: line, message: message)
    }

    /// The failure of an indicator that read a peer bin not computed yet (see
    /// ``PeerBinValues/pendingMarker``), placed in its file; nil for any other result.
    func pendingFailure(kind: UInt8, value: LuaValue?, _ id: String) -> LuaError? {
        guard kind == UInt8(ascii: "f"), case .string(let text)? = value, PeerBinValues.isPending(text) else {
            return nil
        }
        let file = definitions.first { $0.id == id }?.file
        return LuaError(kind: .runtime, chunk: file, line: valueLines[id], message: LuaError.cut(text))
    }

    /// How the chunk names of the trusted prelude start.
    static let preludePrefix = "yardstick/"

    /// Evaluates indicators for one subject and period, in one call into Lua when it can.
    ///
    /// The fast path focuses the subject and runs every indicator inside one Lua call, with
    /// the values of the aggregates already prepared (when the subject is a partition member, see
    /// ``EvaluationMode/member(_:_:)``) passed in ahead so that scripts rarely call back into
    /// the host. Each indicator still gets its own limits. When a limit stops the call, the
    /// indicator that was running (the last unit of work started) fails with that error, is
    /// recorded in ``stops`` and the call is made again without it. An indicator that raises an
    /// error whose message names a script line fails with it at once; the others that raise
    /// are evaluated again one by one through ``evaluate(_:)``, which locates their errors from
    /// a traceback. Indicators in ``stops`` fail with their recorded error without running.
    ///
    /// The path that computed each result is left in ``lastPaths``.
    ///
    /// - Returns: The results in the order of `ids`.
    func evaluateAll(_ ids: [String], subject: SubjectInfo, period: Period, member: PartitionMember?)
        -> [Result<ResultValue, LuaError>]
    {
        evaluateAll(ids, mode: member.map { .member(subject, $0) } ?? .subject(subject), period: period)
    }

    /// The aggregates of the period in focus that the indicators ask for when evaluated for one
    /// member of a partition, in id order (see ``EvaluationMode/discovering(_:_:)``). The session
    /// is left idle.
    func discoverAggregates(
        _ ids: [String], subject: SubjectInfo, period: Period, member: PartitionMember
    ) -> [QueryEngine.PreparedAggregate] {
        discovered = []
        _ = evaluateAll(ids, mode: .discovering(subject, member), period: period)
        defer {
            discovered = []
            mode = .idle
        }
        return discovered.sorted().map { aggregates[$0] }
    }

    /// ``evaluateAll(_:subject:period:member:)`` in any mode with a subject.
    private func evaluateAll(_ ids: [String], mode: EvaluationMode, period: Period)
        -> [Result<ResultValue, LuaError>]
    {
        guard let subject = mode.subject else { preconditionFailure("evaluateAll needs a subject in focus") }
        var results = [Result<ResultValue, LuaError>](repeating: .success(.missing(reason: "")), count: ids.count)
        lastPaths.removeAll(keepingCapacity: true)
        lastPaths.append(contentsOf: repeatElement(.notRun, count: ids.count))
        setFocus(mode, period)
        var fast: [Int] = []
        for position in ids.indices {
            if let stopped = stops.error(for: ids[position]) {
                results[position] = .failure(stopped)
            } else {
                fast.append(position)
            }
        }
        let again = evaluateTogether(ids, at: fast, subject: subject, period: period, into: &results)
        if !again.isEmpty {
            focus(mode, period: period)
            evaluateAlone(ids, at: again.sorted(), into: &results)
        }
        return results
    }

    /// The fast path of ``evaluateAll(_:subject:period:member:)``: the indicators at `positions`
    /// in one call into Lua, made again without the one a limit stops.
    ///
    /// - Returns: The positions of the indicators that raised an error with no script line, to
    ///   be evaluated alone.
    private func evaluateTogether(
        _ ids: [String], at positions: [Int], subject: SubjectInfo, period: Period,
        into results: inout [Result<ResultValue, LuaError>]
    ) -> [Int] {
        var fast = positions
        var again: [Int] = []
        while !fast.isEmpty {
            do throws(LuaError) {
                let fastIDs = fast.map { ids[$0] }
                if taskOrder != fastIDs {
                    _ = try vm.call(orderFunction, [.table(LuaTable(array: fastIDs.map { .string($0) }))])
                    taskOrder = fastIDs
                }
                let periodArgument: LuaValue = taskPeriod == period ? .nil : periodTable(.none)
                let shared = prefetchedValues()
                let (plain, decimals, missing) = shared ?? (.nil, .nil, .nil)
                let path: FigurePath = shared == nil ? .perSubject : .prefetched
                for position in fast { lastPaths[position] = path }
                let values = try vm.call(
                    taskFunction, [subjectTable(subject), periodArgument, plain, decimals, missing])
                taskPeriod = period
                guard case .string(let kinds)? = values.first, kinds.utf8.count == fast.count,
                    values.count == fast.count + 1
                else {
                    throw LuaError(kind: .hostAPI, message: tr("the task runner returned no result kinds"))
                }
                for (index, (kind, value)) in zip(kinds.utf8, values.dropFirst()).enumerated() {
                    let position = fast[index]
                    if let result = ValueBridge.result(kind: kind, value: value) {
                        results[position] = checked(result, ids[position])
                    } else if let error = pendingFailure(kind: kind, value: value, ids[position]) {
                        // Reads a peer bin not computed yet: evaluated again in a later stage.
                        results[position] = .failure(error)
                    } else if let error = Self.locatedFailure(kind: kind, value: value) {
                        results[position] = .failure(
                            LimitStops.isLimit(error) ? stops.record(ids[position], error) : error)
                    } else {
                        again.append(position)
                    }
                }
                return again
            } catch {
                taskPeriod = nil
                let started = vm.lastCallStatistics.units
                guard LimitStops.isLimit(error), (1...fast.count).contains(started) else {
                    return again + fast
                }
                // The indicator running when the limit struck is the last one started; the
                // others run again without it.
                let position = fast.remove(at: started - 1)
                results[position] = .failure(stops.record(ids[position], located(error, ids[position])))
            }
        }
        return again
    }

    /// The slow path of ``evaluateAll(_:subject:period:member:)``: each indicator at `positions`
    /// in a call of its own, for an error located from a traceback.
    private func evaluateAlone(
        _ ids: [String], at positions: [Int], into results: inout [Result<ResultValue, LuaError>]
    ) {
        for position in positions {
            if let stopped = stops.error(for: ids[position]) {
                results[position] = .failure(stopped)
                lastPaths[position] = .notRun
                continue
            }
            lastPaths[position] = .alone
            results[position] = evaluate(ids[position])
            if case .failure(let error) = results[position], LimitStops.isLimit(error) {
                results[position] = .failure(stops.record(ids[position], error))
            }
        }
    }

    /// The values, for the focused subject and period, of every aggregate prepared so far whose
    /// values are shared by the subjects of the run: numbers, decimals (scaled) and missing
    /// values (reasons), which the prelude makes into values on use. Lists, groups and rows are
    /// left to `q.run`. Nil when there are none to pass (no shared values, nothing prepared
    /// yet, prefetch off, or not a partition member: alone, tracing or discovering).
    private func prefetchedValues() -> (plain: LuaValue, decimals: LuaValue, missing: LuaValue)? {
        guard prefetch, case .member(_, let member) = mode, !aggregates.isEmpty, let period else {
            return nil
        }
        var tables: [UInt8: LuaTable] = [:]
        for id in sharedAggregates {
            let key = PartitionListKey(aggregate: id, shift: .none)
            let values: [QueryValue]
            if let known = partitionLists[key] {
                values = known
            } else {
                guard let computed = try? member.runs.values(of: aggregates[id], in: period.queryDays) else { continue }
                partitionLists[key] = computed
                values = computed
            }
            guard let (kind, value) = ValueBridge.flat(values[member.index]) else { continue }
            tables[kind, default: LuaTable()][.integer(Int64(id))] = value
        }
        func table(_ kind: UInt8) -> LuaValue { .table(tables[kind] ?? LuaTable()) }
        return (table(ValueBridge.flatNumber), table(ValueBridge.flatDecimal), table(ValueBridge.flatMissing))
    }

    /// Whether the task path receives the shared values ahead (off only in tests that compare
    /// the evaluation paths; the values are the same either way).
    var prefetch = true

    /// The path that computed each result of the last ``evaluateAll(_:subject:period:member:)``,
    /// in the order of its ids (for ``EvaluationStatistics``).
    private(set) var lastPaths: [FigurePath] = []

    /// Queries (aggregates and row lists) this session ran for one subject at a time, outside
    /// discovery (for ``EvaluationStatistics/subjectQueries``).
    private(set) var subjectQueries = 0
    /// Columns computed by ``arithmeticColumn(_:_:_:)`` in the host instead of element by
    /// element in Lua (for ``EvaluationStatistics/hostArithmeticColumns``).
    var hostArithmeticColumns = 0

    /// Indicators that a limit (instructions, time, memory, stack) stopped: they fail with the
    /// recorded error without running. Shared by the sessions of one run; a session of its
    /// own by default.
    var stops = LimitStops()

    /// The plans whose rows this session's queries read in the period in focus (not shifted),
    /// when recorded (nil: not recorded): a breakdown reports a member for a subject and period
    /// only when one of these plans has rows of that member there.
    var touchedPlans: Set<QueryPlan>?

    /// Indicators a limit stopped in column mode: this session evaluates them per subject.
    var columnStopped: Set<String> = []

    /// The peer bins known to this stage of the run, which `k(id)` on a bins indicator reads.
    var peerBins = PeerBinValues()

    /// The figures of other indicator sets that `k("pack.id")` reads (see ``ImportedFigures``).
    var imported = ImportedFigures()

    /// The subjects of the column run under way, in partition order (empty otherwise).
    var columnSubjects: [SubjectInfo] = []

    // MARK: Host side of the query API

    func plan(_ value: LuaValue?) throws(HostError) -> QueryEngine.PreparedPlan {
        guard let id = value?.integerValue, id >= 0, Int(id) < plans.count else {
            throw HostError(tr("unknown query plan"))
        }
        return plans[Int(id)]
    }

    /// The period in focus shifted (cached until the focus changes); nil before the first focus.
    func shiftedPeriod(_ shift: PeriodShift) -> Period? {
        if let cached = shiftedPeriods[shift] { return cached }
        guard let period else { return nil }
        let shifted = shift.applied(to: period)
        shiftedPeriods[shift] = shifted
        return shifted
    }

    /// The scope of the subject in focus in a shifted period, and that period.
    func scope(_ shift: PeriodShift) throws(QueryError) -> (QueryScope, Period) {
        guard let subject = mode.subject, let shifted = shiftedPeriod(shift) else {
            throw QueryError(tr("no subject in focus"))
        }
        return (
            QueryScope(
                subject: subject.subject, firstDay: shifted.firstDay, lastDay: shifted.lastDay, member: subject.member),
            shifted
        )
    }

    /// The aggregates asked for in the focused period while discovering (see
    /// ``EvaluationMode/discovering(_:_:)``), by id.
    private var discovered: Set<Int> = []

    /// The value of an aggregate for the focus, in a shifted period.
    ///
    /// A partition member's (or, in column mode, the first subject's) value comes from the
    /// partition's shared lists; a subject alone runs the query for itself, and a traced one
    /// records it with its rows; discovery records the aggregate and answers a placeholder.
    func run(aggregate id: Int, shift: PeriodShift) throws(QueryError) -> QueryValue {
        let prepared = aggregates[id]
        if shift == .none, touchedPlans != nil, !mode.isDiscovering { touchedPlans?.insert(prepared.plan.plan) }
        switch mode {
        case .discovering:
            if shift == .none { discovered.insert(id) }
            return .missing("not computed while discovering queries")
        case .member(_, let member):
            let key = PartitionListKey(aggregate: id, shift: shift)
            if let values = partitionLists[key] { return values[member.index] }
            guard let shifted = shiftedPeriod(shift) else { throw QueryError(tr("no subject in focus")) }
            if let (values, common) = try member.runs.computedValues(of: prepared, in: shifted.queryDays) {
                partitionLists[key] = values
                if common { share(id, shift) }
                return values[member.index]
            }
            let asks = (soloAsks[key] ?? 0) + 1
            if asks >= Self.sharedAskCount(partitionSize: member.runs.partition.count) {
                // Enough subjects ask for the same aggregate that one run for the whole
                // partition costs less than theirs one by one.
                soloAsks[key] = nil
                let values = try member.runs.values(of: prepared, in: shifted.queryDays)
                partitionLists[key] = values
                return values[member.index]
            }
            // Few subjects asked for it yet: it may be this subject's own (a filter on a value of
            // the subject, such as its first purchase day) or shared by a few (the customers with
            // the same first day), which a partition-wide run would compute for every subject
            // only to read a few values. Run it for this subject alone.
            soloAsks[key] = asks
        case .column(let runs):
            let member = PartitionMember(runs: runs, index: 0)
            let key = PartitionListKey(aggregate: id, shift: shift)
            if let values = partitionLists[key] { return values[member.index] }
            guard let shifted = shiftedPeriod(shift) else { throw QueryError(tr("no subject in focus")) }
            let values = try member.runs.values(of: prepared, in: shifted.queryDays, common: true)
            partitionLists[key] = values
            share(id, shift)
            return values[member.index]
        case .idle, .subject, .tracedSubject:
            break
        }
        let (scope, shifted) = try self.scope(shift)
        subjectQueries += 1
        let value = try engine.run(prepared, in: scope)
        if mode.isTraced {
            let rows = try engine.rows(prepared.plan, in: scope)
            trace.append(
                TraceEntry(
                    plan: prepared.plan.plan, aggregate: prepared.aggregate, groupedBy: prepared.groupedBy,
                    period: shifted.label, rows: rows, value: value))
        }
        return value
    }

    /// The rows of a plan for the subject in focus in a shifted period (recorded when traced).
    func rows(_ plan: QueryEngine.PreparedPlan, shift: PeriodShift) throws(QueryError) -> [Int32] {
        if shift == .none { touchedPlans?.insert(plan.plan) }
        let (scope, shifted) = try self.scope(shift)
        subjectQueries += 1
        let rows = try engine.rows(plan, in: scope)
        if mode.isTraced {
            trace.append(
                TraceEntry(
                    plan: plan.plan, aggregate: nil, groupedBy: nil, period: shifted.label, rows: rows,
                    value: .integer(Int64(rows.count))))
        }
        return rows
    }

    func cell(entity: String, row: Int, path: FieldPath) -> LuaValue {
        guard var table = dataset[entity], row >= 0, row < table.rowCount else { return .nil }
        var current = row
        for (index, name) in path.names.enumerated() {
            guard let column = table[name], !column.isNull(current) else { return .nil }
            if index == path.names.count - 1 {
                return ValueBridge.lua(QueryValue(column.value(at: current)))
            }
            guard let target = column.field.referencedEntity, let next = dataset[target],
                column.referencedRows.count > current, column.referencedRows[current] >= 0
            else { return .nil }
            current = Int(column.referencedRows[current])
            table = next
        }
        return .nil
    }

    func subjectTable(_ subject: SubjectInfo) -> LuaValue {
        var table: LuaTable = [
            "id": .string(subject.id), "name": .string(subject.name), "kind": .string(subject.grain.rawValue),
        ]
        if let team = subject.team { table["team"] = .string(team) }
        if let role = subject.role { table["role"] = .string(role) }
        return .table(table)
    }

    /// The Lua table of the period in focus shifted (nil before the first focus).
    func periodTable(_ shift: PeriodShift) -> LuaValue {
        guard let shifted = shiftedPeriod(shift) else { return .nil }
        let table: LuaTable = [
            "start": ValueBridge.date(shifted.firstDay), "finish": ValueBridge.date(shifted.lastDay),
            "end": ValueBridge.date(shifted.lastDay), "label": .string(shifted.label),
            "days": .integer(Int64(shifted.days)),
            "days_elapsed": .integer(Int64(shifted.daysElapsed(asOf: today))),
        ]
        return .table(table)
    }
}
