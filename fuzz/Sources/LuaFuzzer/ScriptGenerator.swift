import FuzzSupport

/// Turns fuzz bytes into indicator source: random chains of view methods with random
/// arguments, loops over rows, grouped views, hostile writes and random return values.
///
/// Every byte is a decision, so libFuzzer's mutations of the bytes are mutations of the
/// script's structure; the script is always syntactically valid Lua, so the run reaches the
/// API instead of stopping at the parser.
struct ScriptGenerator {
    /// Entities of the fixture with their fields and date fields.
    static let entities: [(name: String, fields: [String], dates: [String])] = [
        (
            "opportunities", ["id", "account", "owner", "stage", "amount", "created_at", "closed_at"],
            ["created_at", "closed_at"]
        ),
        (
            "activities", ["id", "type", "direction", "owner", "account", "occurred_at", "duration_seconds"],
            ["occurred_at"]
        ),
        ("cases", ["id", "account", "owner", "priority", "opened_at", "resolved_at"], ["opened_at", "resolved_at"]),
        ("accounts", ["id", "name", "industry", "owner", "created_at"], ["created_at"]),
    ]
    static let paths = ["account.industry", "owner.team", "owner.name", "account.owner.role", "account.", ".x"]
    static let operators = [
        "=", "~=", "<", "<=", ">", ">=", "in", "not in", "between", "contains", "is nil", "not nil", "like", "", "IN",
    ]
    static let scopes = ["s", "s.all", "s.previous", "s.same_period_last_year", "s.previous.previous", "s.all.all"]
    static let numbers = [
        "0", "1", "-1", "3", "0.5", "100", "1e308", "-1e308", "math.huge", "-math.huge", "0/0", "math.maxinteger",
        "math.mininteger", "2^63", "-0.0", "1e-320", "99", "2026",
    ]
    static let strings = [
        "'won'", "'lost'", "'retail'", "'u1'", "'call'", "''", "'%d+'", "string.rep('x', 70000)", "'\\0'",
        "'é王'", "'2026-10-01'", "'2026-10-05 09:00:00'",
    ]
    static let oddValues = [
        "nil", "true", "false", "{}", "{{{{{{}}}}}}", "{1, 2, 3}", "{'won', 'lost'}", "{x = 1}",
        "function() return 1 end", "print", "setmetatable({}, {__index = function() error('meta') end})",
        "date(2026, 10, 1)", "date('2026-10-31')", "date(2026, 13, 40)", "date(0/0, 1, 1)",
        "missing('fuzzed reason')", "missing()", "s", "s.subject", "s.period", "s.period.start",
        "days('created_at', 'closed_at')", "hours('opened_at', 'resolved_at')", "days(1, 2)",
        "string.rep('ab', 3000)", "{n = 0/0}", "k", "s.opportunities",
        "field('amount')", "field('amount') - field('closed_at')", "field('nope') * 2", "field(1)",
        "setmetatable({}, {__metatable = 'yardstick.field'})", "-field('amount') / 0",
    ]
    static let aggregates = [
        "count", "sum", "avg", "min", "max", "median", "percentile", "count_distinct", "distinct", "first", "last",
        "top", "rows",
    ]

    var input: FuzzInput
    private var views = 0
    private var values = 0
    private var entity = 0
    /// Whether the script writes into objects it was given (compared loosely: see the caller).
    private(set) var isHostile = false

    init(_ input: FuzzInput) {
        self.input = input
    }

    /// The body of a value function `function(s, k)`.
    mutating func body() -> String {
        views = 0
        values = 0
        entity = input.choice(Self.entities.count)
        var lines = ["local acc = 0"]
        for _ in 0..<(1 + input.choice(6)) {
            lines.append(statement())
        }
        lines.append("return " + returned())
        return lines.joined(separator: "\n")
    }

    private mutating func statement() -> String {
        switch input.choice(10) {
        // Each expression is written before its variable is counted, so it only refers to
        // variables declared above it.
        case 0, 1, 2:
            let expression = view()
            views += 1
            return "local v\(views) = " + expression
        case 3, 4, 5:
            let expression = aggregate(on: viewReference())
            values += 1
            return "local x\(values) = " + expression
        case 6:
            let field = fieldOrArgument()
            if input.oneIn(2) {
                return "for r in \(viewReference()):rows() do acc = acc + (tonumber(r[\(field)]) or 1) end"
            }
            return "for _, r in ipairs(\(viewReference()):top(\(argument()), \(field))) do acc = acc + 1; "
                + "local _ = r[\(field)] end"
        case 7:
            let expression = aggregate(on: viewReference())
            values += 1
            return "local ok\(values), x\(values) = pcall(function() return \(expression) end)"
        case 8:
            let expression =
                "\(viewReference()):group_by(\(fieldOrArgument())):"
                + "\(input.pick(["count", "sum", "avg", "min", "max"]))(\(fieldOrArgument()))"
            values += 1
            return "local x\(values) = " + expression
        default:
            isHostile = true
            return hostileWrite()
        }
    }

    private mutating func hostileWrite() -> String {
        let target = input.pick(["s", "s.subject", "s.period", "s.opportunities", "s.all", "_ENV", "string", "math"])
        switch input.choice(5) {
        case 0: return "pcall(rawset, \(target), \(argument()), \(argument()))"
        case 1:
            return
                "pcall(function() \(target).\(input.pick(["where", "id", "label", "count", "opportunities"])) = \(argument()) end)"
        case 2: return "pcall(setmetatable, \(target), {})"
        case 3:
            return
                "pcall(function() local m = getmetatable(\(target)); if type(m) == 'table' then m.__index = nil end end)"
        default: return "pcall(function() while true do acc = acc + 1 end end)"
        }
    }

    private mutating func view() -> String {
        var text = viewReference()
        for _ in 0..<input.choice(5) {
            text += viewMethod()
        }
        return text
    }

    private mutating func viewReference() -> String {
        if views > 0, input.choice(3) != 0 { return "v\(1 + input.choice(views))" }
        let scope = input.pick(Self.scopes)
        if input.oneIn(12) { return scope + "." + input.pick(["users", "teams", "quotas", "nothing", "subject"]) }
        return scope + "." + Self.entities[entity].name
    }

    private mutating func viewMethod() -> String {
        let dates = Self.entities[entity].dates
        switch input.choice(5) {
        case 0: return ":during(\(input.oneIn(4) ? argument() : "'" + input.pick(dates) + "'"))"
        case 1: return ":before(\(input.oneIn(4) ? argument() : "'" + input.pick(dates) + "'"))"
        case 2: return ":between('\(input.pick(dates))', \(dateArgument()), \(dateArgument()))"
        default: return ":where" + condition()
        }
    }

    private mutating func dateArgument() -> String {
        input.oneIn(3)
            ? argument()
            : input.pick([
                "date(2026, 10, 1)", "date('2026-10-31')", "date(2025, 1, 1)", "s.period.start", "s.period.finish",
            ])
    }

    private mutating func condition() -> String {
        var parts: [String] = []
        for _ in 0..<(1 + input.choice(3)) {
            let key = input.oneIn(6) ? "[\(argument())]" : "[\(fieldOrArgument())]"
            switch input.choice(4) {
            case 0: parts.append("\(key) = \(argument())")
            case 1: parts.append("\(key) = {'\(input.pick(Self.operators))'}")
            case 2: parts.append("\(key) = {'\(input.pick(Self.operators))', \(argument())}")
            default: parts.append("\(key) = {'\(input.pick(Self.operators))', \(argument()), \(argument())}")
            }
        }
        if input.oneIn(8) { return "(\(argument()))" }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    private mutating func aggregate(on view: String) -> String {
        let method = input.pick(Self.aggregates)
        switch method {
        case "count", "rows": return "\(view):\(method)(\(input.oneIn(6) ? argument() : ""))"
        case "percentile":
            return "\(view):percentile(\(fieldOrArgument()), \(input.oneIn(2) ? input.pick(Self.numbers) : argument()))"
        case "first", "last": return "\(view):\(method)(\(fieldOrArgument()), \(fieldOrArgument()))"
        case "top":
            return "#\(view):top(\(input.oneIn(2) ? input.pick(Self.numbers) : argument()), \(fieldOrArgument()))"
        case "distinct": return "#\(view):distinct(\(fieldOrArgument()))"
        default: return "\(view):\(method)(\(fieldOrArgument()))"
        }
    }

    /// Mostly a field of the current entity, otherwise any argument.
    private mutating func fieldOrArgument() -> String {
        switch input.choice(8) {
        case 0: return argument()
        case 1: return "'" + input.pick(Self.paths) + "'"
        case 2:
            return input.pick([
                "days('created_at', 'closed_at')", "hours('opened_at', 'resolved_at')",
                "days('closed_at', 'created_at')", "field('amount') - field('amount') * 0.9",
                "field('amount') / (field('amount') - 100)", "field('account.industry') + 1",
                "field('closed_at')", "(field('amount') + days('created_at', 'closed_at')) * 1.0005",
            ])
        default: return "'" + input.pick(Self.entities[entity].fields) + "'"
        }
    }

    private mutating func argument() -> String {
        switch input.choice(6) {
        case 0: return input.pick(Self.numbers)
        case 1: return input.pick(Self.strings)
        case 2: return "'" + input.pick(Self.entities[input.choice(Self.entities.count)].fields) + "'"
        case 3 where values > 0: return "x\(1 + input.choice(values))"
        case 4 where views > 0: return "v\(1 + input.choice(views))"
        default: return input.pick(Self.oddValues)
        }
    }

    private mutating func returned() -> String {
        let value: () -> String = { [values] in values > 0 ? "x\(values)" : "0" }
        switch input.choice(12) {
        case 0, 1, 2: return value()
        case 3: return "\(argument()) \(input.pick(["+", "-", "*", "/", "//", "%", "^", ".."])) \(argument())"
        case 4: return "ratio(\(argument()), \(argument()))"
        case 5: return "k(\(input.pick(["'fz'", "'other'", "'nope'", "42", "nil", "{}"])))"
        case 6: return "error(\(argument()))"
        case 7: return "acc"
        case 8: return "\(value()), \(argument())"
        default: return argument()
        }
    }
}
