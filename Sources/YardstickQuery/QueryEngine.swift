import Foundation
import YardstickData
import YardstickLocalization

/// Runs query plans over a dataset's columns and indexes.
///
/// Rows are found through indexes, never by scanning a whole table for one subject: a user's
/// rows come from the reference index of the entity's owner field, grouped and sorted by day
/// per date field on first use, so "this user's deals closed in October" is a binary search;
/// the company's rows in a period come from the date index. Compiled plans and the per-subject
/// day indexes are cached; the engine is safe to use from several threads.
public final class QueryEngine: @unchecked Sendable {
    /// The data queried.
    public let dataset: Dataset
    private let lock = NSLock()
    private var compiled: [QueryPlan: CompiledPlan] = [:]
    private var subjectDayIndexes: [String: LazyDayIndex] = [:]
    /// The arithmetic measures evaluated so far, shared by every plan and aggregate.
    let expressions = ExpressionCache()

    /// The number of arithmetic measures (`field("amount") - field("cost")`) evaluated into
    /// columns so far: each distinct expression once per entity, however many plans, indicators
    /// and workers use it.
    package var expressionColumnsEvaluated: Int { expressions.evaluated }

    /// How key views were computed (see ``KeyStatistics``).
    package let keyStatistics = KeyStatistics()

    /// The breakdown dimensions resolved so far (see ``members(of:)``).
    let memberCache = MemberCache()

    /// One per-subject day index, built by the first thread that needs it while threads that
    /// need other indexes go on building theirs.
    private final class LazyDayIndex: @unchecked Sendable {
        let lock = NSLock()
        var value: SubjectDayIndex?
    }

    /// Creates an engine over a dataset.
    public init(dataset: Dataset) { self.dataset = dataset }

    /// A plan bound to its table.
    final class CompiledPlan {
        let table: Table
        let dayFilters: [(field: String, days: [Int32], validity: Validity, range: CompiledFilter.DayRange)]
        let predicates: [(Int) -> Bool]
        let subjectField: String?
        let accountField: String?
        /// The subjects' rows by day of the first day filter, through the user field (built on
        /// the first per-subject run, so later runs need no lookup).
        var userDayIndex: SubjectDayIndex? {
            get {
                lock.lock()
                defer { lock.unlock() }
                return storedUserDayIndex
            }
            set {
                lock.lock()
                storedUserDayIndex = newValue
                lock.unlock()
            }
        }
        private var storedUserDayIndex: SubjectDayIndex?
        private let lock = NSLock()

        init(table: Table, filters: [CompiledFilter]) {
            self.table = table
            var dayFilters: [(String, [Int32], Validity, CompiledFilter.DayRange)] = []
            var predicates: [(Int) -> Bool] = []
            for filter in filters {
                switch filter {
                case .days(let field, let days, let validity, let range):
                    dayFilters.append((field, days, validity, range))
                case .predicate(let test): predicates.append(test)
                }
            }
            self.dayFilters = dayFilters
            self.predicates = predicates
            subjectField = SubjectFields.userField(of: table.entity)
            accountField = SubjectFields.accountField(of: table.entity)
        }
    }

    /// A plan checked and bound to its table, ready to run many times without lookups.
    public final class PreparedPlan: @unchecked Sendable {
        /// The plan.
        public let plan: QueryPlan
        let compiled: CompiledPlan

        init(plan: QueryPlan, compiled: CompiledPlan) {
            self.plan = plan
            self.compiled = compiled
        }
    }

    /// Checks and binds a plan once, for repeated runs (one per subject and period).
    ///
    /// - Throws: ``QueryError`` for an unknown entity or field, or an operand of the wrong type.
    public func prepare(_ plan: QueryPlan) throws(QueryError) -> PreparedPlan {
        PreparedPlan(plan: plan, compiled: try compile(plan))
    }

    /// Binds a plan to its table once; later calls with an equal plan reuse the result.
    func compile(_ plan: QueryPlan) throws(QueryError) -> CompiledPlan {
        lock.lock()
        if let cached = compiled[plan] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        guard let table = dataset[plan.entity] else {
            let known = dataset.tables.keys.sorted().joined(separator: ", ")
            throw QueryError(tr("the workspace does not map %@ (mapped: %@)", plan.entity, known))
        }
        var filters: [CompiledFilter] = []
        for filter in plan.filters {
            filters.append(try CompiledFilter.compile(filter, on: table, dataset: dataset, expressions: expressions))
        }
        let result = CompiledPlan(table: table, filters: filters)
        lock.lock()
        compiled[plan] = result
        lock.unlock()
        return result
    }

    /// The rows a plan selects in a scope, in row order within each subject.
    public func rows(_ plan: QueryPlan, in scope: QueryScope) throws(QueryError) -> [Int32] {
        try rows(try prepare(plan), in: scope)
    }

    /// The rows a prepared plan selects in a scope.
    public func rows(_ prepared: PreparedPlan, in scope: QueryScope) throws(QueryError) -> [Int32] {
        var result: [Int32] = []
        try forEachRow(prepared.compiled, plan: prepared.plan, scope: scope) { result.append(Int32($0)) }
        return result
    }

    /// An aggregate bound to a prepared plan, ready to run for many scopes.
    public final class PreparedAggregate: @unchecked Sendable {
        /// The plan.
        public let plan: PreparedPlan
        /// The aggregate.
        public let aggregate: Aggregate
        /// The grouping measure, if any.
        public let groupedBy: Measure?
        let prototype: Accumulator
        let groupKey: CompiledMeasure?
        /// What the aggregate computes, for finding equal aggregates prepared elsewhere.
        let key: AggregateKey

        init(
            plan: PreparedPlan, aggregate: Aggregate, groupedBy: Measure?, prototype: Accumulator,
            groupKey: CompiledMeasure?
        ) {
            self.plan = plan
            self.aggregate = aggregate
            self.groupedBy = groupedBy
            self.prototype = prototype
            self.groupKey = groupKey
            key = AggregateKey(plan: plan.plan, aggregate: aggregate, groupedBy: groupedBy)
        }
    }

    /// An aggregate by content: plan, aggregate and grouping.
    struct AggregateKey: Hashable, Sendable {
        let plan: QueryPlan
        let aggregate: Aggregate
        let groupedBy: Measure?
    }

    /// Checks and binds an aggregate once, for repeated runs.
    ///
    /// - Throws: ``QueryError`` when a measure names an unknown field or a non-numeric one
    ///   where a number is needed.
    public func prepare(_ aggregate: Aggregate, of plan: PreparedPlan, groupedBy: Measure? = nil)
        throws(QueryError) -> PreparedAggregate
    {
        let table = plan.compiled.table
        return PreparedAggregate(
            plan: plan, aggregate: aggregate, groupedBy: groupedBy,
            prototype: try Accumulator(aggregate, table: table, dataset: dataset, expressions: expressions),
            groupKey: try groupedBy.map { measure throws(QueryError) in
                try CompiledMeasure.compile(measure, on: table, dataset: dataset, expressions: expressions)
            })
    }

    /// Runs a prepared aggregate in a scope.
    public func run(_ prepared: PreparedAggregate, in scope: QueryScope) throws(QueryError) -> QueryValue {
        let compiled = prepared.plan.compiled
        let plan = prepared.plan.plan
        guard prepared.groupKey != nil else {
            let accumulator = prepared.prototype.fresh()
            try forEachRow(compiled, plan: plan, scope: scope) { accumulator.add($0) }
            return accumulator.result()
        }
        var rows: [Int] = []
        try forEachRow(compiled, plan: plan, scope: scope) { rows.append($0) }
        return Self.fold(rows, prepared)
    }

    /// Folds rows, in the order given, into a prepared aggregate's value (per key when grouped).
    static func fold(_ rows: some Sequence<Int>, _ prepared: PreparedAggregate) -> QueryValue {
        guard let key = prepared.groupKey else {
            let accumulator = prepared.prototype.fresh()
            for row in rows { accumulator.add(row) }
            return accumulator.result()
        }
        var groups: [String: (key: QueryValue, accumulator: Accumulator)] = [:]
        for row in rows {
            guard let value = key.value(row) else { continue }
            let name = value.description
            if groups[name] == nil { groups[name] = (value, prepared.prototype.fresh()) }
            groups[name]?.accumulator.add(row)
        }
        return .groups(
            groups.values.sorted { $0.key.description < $1.key.description }.map {
                ($0.key, $0.accumulator.result())
            })
    }

    /// Computes an aggregate over the rows a plan selects in a scope, in one call.
    ///
    /// The one-shot form of ``prepare(_:of:groupedBy:)`` and ``run(_:in:)``: the compiled plan
    /// is cached as with ``prepare(_:)``, so asking again costs no compilation; keep the
    /// ``PreparedAggregate`` to run one aggregate over many scopes.
    ///
    /// - Parameters:
    ///   - aggregate: What to compute.
    ///   - plan: The rows to compute it over.
    ///   - scope: Whose rows, and which days.
    ///   - groupedBy: A measure to group the rows by (one value per group), or nil.
    /// - Returns: The value.
    /// - Throws: ``QueryError`` when the plan or aggregate does not fit the tables.
    public func aggregate(_ aggregate: Aggregate, of plan: QueryPlan, in scope: QueryScope, groupedBy: Measure? = nil)
        throws(QueryError) -> QueryValue
    {
        try run(try prepare(aggregate, of: try prepare(plan), groupedBy: groupedBy), in: scope)
    }

    /// Calls `body` with every selected row.
    private func forEachRow(
        _ compiled: CompiledPlan, plan: QueryPlan, scope: QueryScope, _ body: (Int) -> Void
    ) throws(QueryError) {
        let table = compiled.table
        let bounds = compiled.dayFilters.map { $0.range.bounds(scope) }
        let predicates = compiled.predicates
        let dayArrays = compiled.dayFilters.map(\.days)
        let dayValidity = compiled.dayFilters.map(\.validity)
        let dayCount = dayArrays.count
        // Rows taken from a day index already satisfy the first day filter.
        var firstChecked = 0
        let memberTest = try memberTest(scope.member, table: table)
        func passes(_ row: Int) -> Bool {
            var index = firstChecked
            while index < dayCount {
                guard dayValidity[index].isPresent(row) else { return false }
                let day = dayArrays[index][row]
                if day < bounds[index].0 || day > bounds[index].1 { return false }
                index += 1
            }
            for predicate in predicates where !predicate(row) { return false }
            if let memberTest, !memberTest(row) { return false }
            return true
        }
        let subject = plan.restrictedToSubject ? scope.subject : .company
        switch subject {
        case .company:
            if let first = compiled.dayFilters.first, let index = table.dateIndexes[first.field] {
                let (low, high) = bounds[0]
                firstChecked = 1
                for row in index.rows(from: max(low, index.firstDay), through: min(high, index.lastDay))
                where passes(Int(row)) {
                    body(Int(row))
                }
            } else {
                for row in 0..<table.rowCount where passes(row) { body(row) }
            }
        case .users(let users):
            if compiled.subjectField != "id" && !compiled.dayFilters.isEmpty { firstChecked = 1 }
            guard let field = compiled.subjectField else {
                throw QueryError(
                    tr("%@ has no user field (owner, agent or user) to restrict to a user", table.entity.name))
            }
            try forEachSubjectRow(table, field: field, targets: users, compiled, bounds, passes, body)
        case .accounts(let accounts):
            if compiled.accountField != "id" && !compiled.dayFilters.isEmpty { firstChecked = 1 }
            guard let field = compiled.accountField else {
                throw QueryError(tr("%@ has no account field to restrict to an account", table.entity.name))
            }
            try forEachSubjectRow(table, field: field, targets: accounts, compiled, bounds, passes, body)
        case .entity(let entity):
            let field = try EntitySubject.field(
                of: table.entity, attachingTo: entity.entity, declared: entity.references)
            if field != "id" && !compiled.dayFilters.isEmpty { firstChecked = 1 }
            try forEachSubjectRow(table, field: field, targets: entity.rows, compiled, bounds, passes, body)
        case .value(let field, let value):
            let matches = try Self.valueTest(table, field: field, value: value)
            if let first = compiled.dayFilters.first, let index = table.dateIndexes[first.field] {
                let (low, high) = bounds[0]
                firstChecked = 1
                for row in index.rows(from: max(low, index.firstDay), through: min(high, index.lastDay))
                where matches(Int(row)) && passes(Int(row)) {
                    body(Int(row))
                }
            } else {
                for row in 0..<table.rowCount where matches(row) && passes(row) { body(row) }
            }
        }
    }

    /// A test of whether a row's `field` holds `value` (a queue subject's calls).
    static func valueTest(_ table: Table, field: String, value: String) throws(QueryError) -> (Int) -> Bool {
        guard let column = table[field] else {
            throw QueryError(
                tr("%@ has no %@ field, so its records cannot be attached to a %@", table.entity.name, field, field))
        }
        if case .string(let codes) = column.storage {
            guard let code = column.dictionary.code(of: value) else { return { _ in false } }
            return { codes[$0] == code }
        }
        return { !column.isNull($0) && column.value(at: $0).description == value }
    }

    private func forEachSubjectRow(
        _ table: Table, field: String, targets: [Int32], _ compiled: CompiledPlan,
        _ bounds: [(Int32, Int32)], _ passes: (Int) -> Bool, _ body: (Int) -> Void
    ) throws(QueryError) {
        if field == "id" {
            for target in targets where passes(Int(target)) { body(Int(target)) }
            return
        }
        guard let index = table.referenceIndexes[field] else {
            throw QueryError(tr("%@.%@ does not reference a loaded entity", table.entity.name, field))
        }
        if let first = compiled.dayFilters.first {
            let byDay: SubjectDayIndex
            if field == compiled.subjectField {
                if let cached = compiled.userDayIndex {
                    byDay = cached
                } else {
                    byDay = subjectDayIndex(table, field: field, dateField: first.field)
                    compiled.userDayIndex = byDay
                }
            } else {
                byDay = subjectDayIndex(table, field: field, dateField: first.field)
            }
            for target in targets {
                for row in byDay.rows(of: Int(target), from: bounds[0].0, through: bounds[0].1)
                where passes(Int(row)) {
                    body(Int(row))
                }
            }
        } else {
            for target in targets {
                for row in index.rows(referencing: Int(target)) where passes(Int(row)) { body(Int(row)) }
            }
        }
    }

    /// The per-subject day index of (field, dateField), built once; a thread that needs an
    /// index being built waits for it, threads that need other indexes build theirs meanwhile.
    private func subjectDayIndex(_ table: Table, field: String, dateField: String) -> SubjectDayIndex {
        let key = "\(table.entity.name).\(field).\(dateField)"
        lock.lock()
        let slot = subjectDayIndexes[key] ?? LazyDayIndex()
        subjectDayIndexes[key] = slot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let built = slot.value { return built }
        let built: SubjectDayIndex
        if let dateIndex = table.dateIndexes[dateField] {
            built = SubjectDayIndex(
                referencedRows: table[field]?.referencedRows ?? [], targetCount: targetCount(table, field: field),
                dateIndex: dateIndex)
        } else {
            built = SubjectDayIndex(
                referencedRows: [], targetCount: 0, dateIndex: DateIndex(days: [], validity: Validity()))
        }
        slot.value = built
        return built
    }

    private func targetCount(_ table: Table, field: String) -> Int {
        guard let target = table[field]?.field.referencedEntity else { return 0 }
        return dataset[target]?.rowCount ?? 0
    }
}
