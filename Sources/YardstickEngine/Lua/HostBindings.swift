import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// The Swift functions behind the prelude's `__host.query` table: they turn recorded view
/// plans into ``QueryPlan``s and run them for the subject and period being evaluated.
enum HostBindings {
    /// Registers every host function of the query API on `vm`, for `session`.
    static func register(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try registerPlans(on: vm, session: session)
        try registerAggregateValues(on: vm, session: session)
        try registerRowsAndContext(on: vm, session: session)
        try KeyBindings.register(on: vm, session: session)
    }

    /// `plan` and `prepare_aggregate`: views and aggregates prepared once, then named by id.
    private static func registerPlans(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try vm.register("plan", in: "query") { [unowned session] args throws(HostError) in
            guard let entity = args.first?.stringValue, case .boolean(let restricted)? = args.dropFirst().first,
                let filters = args.dropFirst(2).first?.tableValue
            else { throw HostError(tr("plan(entity, restricted, filters): bad arguments")) }
            var plan = QueryPlan(entity: entity, restrictedToSubject: restricted)
            for spec in filters.array {
                guard let table = spec.tableValue else { throw HostError(tr("plan: bad filter")) }
                plan.filters += try filter(table)
            }
            do {
                session.plans.append(try session.engine.prepare(plan))
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
            return [.integer(Int64(session.plans.count - 1))]
        }
        try vm.register("prepare_aggregate", in: "query") { [unowned session] args throws(HostError) in
            let plan = try session.plan(args.first)
            guard let name = args.dropFirst().first?.stringValue else { throw HostError(tr("aggregate: no name")) }
            let measured = try measure(args.dropFirst(2).first ?? .nil)
            let extra = args.dropFirst(3).first
            let by = try measure(args.dropFirst(4).first ?? .nil)
            let group = try measure(args.dropFirst(5).first ?? .nil)
            let aggregate = try self.aggregate(name, measure: measured, extra: extra, by: by)
            do {
                session.aggregates.append(try session.engine.prepare(aggregate, of: plan, groupedBy: group))
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
            return [.integer(Int64(session.aggregates.count - 1))]
        }
    }

    /// `run`, `column`, `column_ratio` and `column_arith`: a prepared aggregate's value for the
    /// subject in focus, or its values for every subject at once (column mode), and columns
    /// derived from them in the host.
    private static func registerAggregateValues(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try vm.register("run", in: "query") { [unowned session] args throws(HostError) in
            guard let id = args.first?.integerValue, id >= 0, Int(id) < session.aggregates.count else {
                throw HostError(tr("unknown aggregate"))
            }
            let shift = PeriodShift(slot: Int(args.dropFirst().first?.integerValue ?? 0))
            do {
                return [ValueBridge.lua(try session.run(aggregate: Int(id), shift: shift))]
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
        }
        try vm.register("column", in: "query") { [unowned session] args throws(HostError) in
            guard let id = args.first?.integerValue else { throw HostError(tr("unknown aggregate")) }
            let slot = Int(args.dropFirst().first?.integerValue ?? 0)
            do {
                return try session.columnValues(ColumnReference(aggregate: Int(id), slot: slot))
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
        }
        try vm.register("column_arith", in: "query") { [unowned session] args throws(HostError) in
            // (operation, then per operand a tag and two payloads: "c", aggregate, slot for a
            // column; "n", number; "d", scaled decimal; "t", day number; "m", reason).
            guard case .string(let name)? = args.first, let operation = ColumnArithmetic(rawValue: name),
                args.count >= 7, let a = Self.columnOperand(args[1], args[2], args[3]),
                let b = Self.columnOperand(args[4], args[5], args[6])
            else {
                throw HostError(tr("column_arith(operation, a, b)"))
            }
            do throws(QueryError) {
                guard let id = try session.arithmeticColumn(operation, a, b) else { return [.nil] }
                return [.integer(Int64(id))]
            } catch {
                throw HostError(error.message)
            }
        }
        try vm.register("column_ratio", in: "query") { [unowned session] args throws(HostError) in
            let numbers = args.prefix(4).compactMap(\.integerValue).map { Int($0) }
            guard numbers.count == 4 else { throw HostError(tr("column_ratio(a, slot, b, slot, [when_zero])")) }
            let whenZero: QueryValue?
            switch args.dropFirst(4).first {
            case .integer(let number)?: whenZero = .integer(number)
            case .number(let number)?: whenZero = .number(number)
            case .nil?, nil: whenZero = nil
            default: throw HostError(tr("column_ratio: when_zero is a number"))
            }
            do {
                let id = try session.ratioColumn(
                    ColumnReference(aggregate: numbers[0], slot: numbers[1]),
                    ColumnReference(aggregate: numbers[2], slot: numbers[3]), whenZero: whenZero)
                return [.integer(Int64(id))]
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
        }
    }

    /// An operand of `column_arith` from its tag and payloads; nil for anything else.
    private static func columnOperand(_ tag: LuaValue, _ x: LuaValue, _ y: LuaValue) -> ColumnOperand? {
        guard case .string(let tag) = tag else { return nil }
        switch (tag, x) {
        case ("c", .integer(let aggregate)):
            guard let slot = y.integerValue else { return nil }
            return .column(ColumnReference(aggregate: Int(aggregate), slot: Int(slot)))
        case ("n", .integer(let number)): return .constant(.integer(number))
        case ("n", .number(let number)): return .constant(.number(number))
        case ("d", .integer(let scaled)): return .constant(.decimal(ExactDecimal(scaled: scaled)))
        case ("t", .integer(let day)):
            guard let day = Int32(exactly: day) else { return nil }
            return .constant(.date(day))
        case ("m", .string(let reason)): return .constant(.missing(reason))
        default: return nil
        }
    }

    /// `rows`, `cell`, `period` and `has_entity`: a view's rows, their fields, the periods in
    /// focus and what the workspace holds.
    private static func registerRowsAndContext(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try vm.register("rows", in: "query") { [unowned session] args throws(HostError) in
            let plan = try session.plan(args.first)
            let shift = PeriodShift(slot: Int(args.dropFirst().first?.integerValue ?? 0))
            do {
                let rows = try session.rows(plan, shift: shift)
                return [.table(LuaTable(array: rows.map { .integer(Int64($0)) }))]
            } catch let error as QueryError {
                throw HostError(error.message)
            } catch {
                throw HostError("\(error)")
            }
        }
        try vm.register("cell", in: "query") { [unowned session] args throws(HostError) in
            guard let entity = args.first?.stringValue, let row = args.dropFirst().first?.integerValue,
                let field = args.dropFirst(2).first?.stringValue
            else { throw HostError(tr("row fields are read by name, like row.amount")) }
            return [session.cell(entity: entity, row: Int(row), path: FieldPath(field))]
        }
        try vm.register("period", in: "query") { [unowned session] args throws(HostError) in
            [session.periodTable(PeriodShift(slot: Int(args.first?.integerValue ?? 0)))]
        }
        try vm.register("snapshot", in: "query") { [unowned session] _ throws(HostError) in
            guard let day = session.snapshotAsOf else { return [.nil] }
            return [.string(CivilDate.isoString(ofDay: day))]
        }
        try vm.register("peer_bin", in: "query") { [unowned session] args throws(HostError) in
            // The bin of the subject in focus: an integer, or false and the reason it is
            // missing; nil while the bins are not computed (bins.lua then fails as pending),
            // nil and the reason where bins cannot be read (a breakdown's member).
            guard let id = args.first?.stringValue else { throw HostError(tr("peer_bin(id): no indicator id")) }
            if let refusal = session.peerBins.refusal { return [.nil, .string(refusal)] }
            guard let subject = session.mode.subject, let period = session.period,
                let bin = session.peerBins.value(of: id, subject: subject, period: period)
            else { return [.nil] }
            switch bin {
            case .integer(let value): return [.integer(value)]
            case .missing(let reason), .failed(let reason): return [.boolean(false), .string(reason)]
            case .number, .decimal: return [.nil]
            }
        }
        try vm.register("peer_bin_column", in: "query") { [unowned session] args throws(HostError) in
            // In a column run, the bins of every subject as a column kept in the host (its
            // id, as column_arith gives one); nil while they are not computed.
            guard let id = args.first?.stringValue else { throw HostError(tr("peer_bin_column(id): no indicator id")) }
            if let refusal = session.peerBins.refusal { return [.nil, .string(refusal)] }
            return [session.peerBinColumn(id).map { .integer(Int64($0)) } ?? .nil]
        }
        try vm.register("imported", in: "query") { [unowned session] args throws(HostError) in
            // k("pack.id") on another set's figure for the subject in focus (indicators.lua).
            guard let id = args.first?.stringValue else { throw HostError(tr("imported(id): no indicator id")) }
            return session.importedValue(id)
        }
        try vm.register("imported_column", in: "query") { [unowned session] args throws(HostError) in
            guard let id = args.first?.stringValue else { throw HostError(tr("imported_column(id): no indicator id")) }
            return session.importedColumn(id)
        }
        try vm.register("has_entity", in: "query") { [unowned session] args throws(HostError) in
            guard let name = args.first?.stringValue else { return [.boolean(false)] }
            return [.boolean(session.dataset[name] != nil || CRMVocabulary.entity(named: name) != nil)]
        }
    }

    static func filter(_ spec: LuaTable) throws(HostError) -> [QueryFilter] {
        guard let op = spec["op"].stringValue, let field = spec["field"].stringValue else {
            throw HostError(tr("plan: filter without op or field"))
        }
        let operands: [Operand]
        if let codes = spec["encoded"].stringValue {
            operands = try OperandList.decode(codes, field: field)
        } else {
            let values = spec["values"].tableValue?.array ?? []
            operands = try values.map { value throws(HostError) in try ValueBridge.operand(value, field: field) }
        }
        let path = FieldPath(field)
        switch op {
        case "during": return [.during(field)]
        case "before": return [.before(field)]
        case "between":
            guard operands.count == 2 else {
                throw HostError(tr("where{%@ = {\"between\", a, b}} needs two values", field))
            }
            if case .date(let low) = operands[0], case .date(let high) = operands[1], path.names.count == 1 {
                return [.between(field, low, high)]
            }
            return [.compare(path, .greaterOrEqual, operands[0]), .compare(path, .lessOrEqual, operands[1])]
        case "in", "not in": return [.oneOf(path, operands, negated: op == "not in")]
        case "contains":
            guard case .text(let text)? = operands.first else {
                throw HostError(tr("where{%@ = {\"contains\", \"text\"}} needs text", field))
            }
            return [.contains(path, text)]
        case "is nil": return [.isNull(path, negated: false)]
        case "not nil": return [.isNull(path, negated: true)]
        default:
            guard let comparison = Comparison(rawValue: op == "==" ? "=" : op) else {
                throw HostError(
                    tr(
                        "where{%@ = {\"%@\", …}}: unknown operator (use =, ~=, <, <=, >, >=, in, not in, between, contains, is nil, not nil)",
                        field, op))
            }
            guard operands.count == 1, let operand = operands.first else {
                if operands.isEmpty, comparison == .equal {
                    throw HostError(tr("where{%@ = nil} is never true; use {\"is nil\"}", field))
                }
                throw HostError(tr("where{%@ = {\"%@\", value}} takes one value", field, op))
            }
            return [.compare(path, comparison, operand)]
        }
    }

    static func measure(_ value: LuaValue) throws(HostError) -> Measure? {
        switch value {
        case .nil: return nil
        case .string(let field): return .field(FieldPath(field))
        case .table(let table):
            if let code = table["expression"].stringValue { return try MeasureCode.decode(code) }
            guard let from = table["from"].stringValue, let to = table["to"].stringValue else {
                throw HostError(tr("a measure is a field name or days(a, b) / hours(a, b)"))
            }
            return .duration(from: from, to: to, hours: table["unit"].stringValue == "hours")
        default: throw HostError(tr("a measure is a field name or days(a, b) / hours(a, b)"))
        }
    }

    static func aggregate(_ name: String, measure: Measure?, extra: LuaValue?, by: Measure?)
        throws(HostError) -> Aggregate
    {
        func needs() throws(HostError) -> Measure {
            guard let measure else { throw HostError(tr("%@(field) needs a field", name)) }
            return measure
        }
        switch name {
        case "count": return .count
        case "sum": return .sum(try needs())
        case "avg": return .average(try needs())
        case "min": return .minimum(try needs())
        case "max": return .maximum(try needs())
        case "median": return .median(try needs())
        case "percentile": return .percentile(try needs(), extra?.numberValue ?? 50)
        case "count_distinct": return .countDistinct(try needs())
        case "distinct": return .distinct(try needs())
        case "first", "last":
            guard let by else { throw HostError(tr("%@(field, by) needs the field to order by", name)) }
            return name == "first" ? .first(try needs(), by: by) : .last(try needs(), by: by)
        case "top": return .top(Int(extra?.integerValue ?? 0), try needs())
        default: throw HostError(tr("unknown aggregate %@", name))
        }
    }
}
