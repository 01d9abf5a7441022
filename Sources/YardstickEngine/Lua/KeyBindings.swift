import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// The host functions behind the prelude's key views (`keys.lua`): key views are registered as
/// ``KeyView`` values (by id), their aggregates as ``KeyQuery``s, and their values computed in
/// Swift for the subject in focus or, in column mode, for every subject at once.
enum KeyBindings {
    /// Registers `key_per`, `key_filter`, `key_combine`, `key_prepare`, `key_run` and
    /// `key_column` in the `query` table of `vm`, for `session`.
    static func register(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try registerViews(on: vm, session: session)
        try registerQueries(on: vm, session: session)
    }

    /// `key_per(plan, slot, key, columns)`, `key_filter(view, filter, slot)` and
    /// `key_combine(left, operation, right)`: each gives a key view's id.
    private static func registerViews(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try vm.register("key_per", in: "query") { [unowned session] args throws(HostError) in
            let plan = try session.plan(args.first)
            guard let slot = args.dropFirst().first?.integerValue, let key = args.dropFirst(2).first?.stringValue,
                !key.isEmpty
            else { throw HostError(tr("per(key, aggregates) takes a field name as its key")) }
            var columns: [KeyColumn] = []
            for spec in args.dropFirst(3).first?.tableValue?.array ?? [] {
                guard let table = spec.tableValue, let name = table["name"].stringValue,
                    let function = table["fn"].stringValue
                else { throw HostError(tr("per: bad aggregate")) }
                let measured = try HostBindings.measure(table["measure"])
                let by = try HostBindings.measure(table["by"])
                let aggregate = try HostBindings.aggregate(function, measure: measured, extra: table["extra"], by: by)
                columns.append(KeyColumn(name: name, aggregate: aggregate))
            }
            let view = KeyView.per(KeySource(plan: plan.plan, slot: Int(slot)), key: FieldPath(key), columns: columns)
            return [.integer(Int64(try register(view, session)))]
        }
        try vm.register("key_filter", in: "query") { [unowned session] args throws(HostError) in
            var view = try session.keys.view(args.first?.integerValue)
            guard let spec = args.dropFirst().first?.tableValue, let slot = args.dropFirst(2).first?.integerValue
            else { throw HostError(tr("key_filter(view, filter, slot): bad arguments")) }
            for filter in try HostBindings.filter(spec) { view = .filtered(view, filter, slot: Int(slot)) }
            return [.integer(Int64(try register(view, session)))]
        }
        try vm.register("key_combine", in: "query") { [unowned session] args throws(HostError) in
            let left = try session.keys.view(args.first?.integerValue)
            guard let name = args.dropFirst().first?.stringValue, let operation = KeySetOperation(rawValue: name)
            else { throw HostError(tr("key_combine: unknown operation")) }
            let right = try session.keys.view(args.dropFirst(2).first?.integerValue)
            return [.integer(Int64(try register(.combined(left, operation, right), session)))]
        }
    }

    /// `key_prepare(view, name, measure, extra)` gives a key query's id; `key_run(query)` its
    /// value for the subject in focus; `key_column(query)` its column in a column run.
    private static func registerQueries(on vm: LuaVM, session: EvaluationSession) throws(LuaError) {
        try vm.register("key_prepare", in: "query") { [unowned session] args throws(HostError) in
            let view = try session.keys.view(args.first?.integerValue)
            guard let name = args.dropFirst().first?.stringValue else { throw HostError(tr("key aggregate: no name")) }
            let measured = try HostBindings.measure(args.dropFirst(2).first ?? .nil)
            // first/last take the field to order by where the others take their extra argument.
            let ordered = name == "first" || name == "last"
            let by = ordered ? try HostBindings.measure(args.dropFirst(3).first ?? .nil) : nil
            let aggregate = try HostBindings.aggregate(
                name, measure: measured, extra: ordered ? nil : args.dropFirst(3).first, by: by)
            let query = KeyQuery(view: view, aggregate: aggregate)
            do throws(QueryError) {
                try KeyEvaluator.check(query, engine: session.engine)
            } catch {
                throw HostError(error.message)
            }
            return [.integer(Int64(session.keys.id(of: query)))]
        }
        try vm.register("key_run", in: "query") { [unowned session] args throws(HostError) in
            let id = try queryID(args.first, session)
            do throws(QueryError) {
                return [ValueBridge.lua(try session.keyValue(id))]
            } catch {
                throw HostError(error.message)
            }
        }
        try vm.register("key_column", in: "query") { [unowned session] args throws(HostError) in
            let id = try queryID(args.first, session)
            do throws(QueryError) {
                return [.integer(Int64(try session.keyColumn(id)))]
            } catch {
                throw HostError(error.message)
            }
        }
    }

    private static func queryID(_ value: LuaValue?, _ session: EvaluationSession) throws(HostError) -> Int {
        guard let id = value?.integerValue, id >= 0, Int(id) < session.keys.queries.count else {
            throw HostError(tr("unknown key query"))
        }
        return Int(id)
    }

    /// Checks a key view against the tables and registers it.
    private static func register(_ view: KeyView, _ session: EvaluationSession) throws(HostError) -> Int {
        do {
            try KeyEvaluator.check(KeyQuery(view: view, aggregate: .count), engine: session.engine)
        } catch {
            throw HostError(error.message)
        }
        return session.keys.id(of: view)
    }
}
