extension LuaAPI {
    /// The key of an entry in ``typings``: a global's name, `view:NAME` for a view method,
    /// `s.NAME` for a field of the scope.
    package static func typingKey(of entry: Entry) -> String {
        switch entry.place {
        case .global: entry.name
        case .view: "view:" + entry.name
        case .scope: "s." + entry.name
        }
    }

    /// The Lua types of every declared name, by ``typingKey(of:)``: what the editor
    /// definitions (`yardstick lua-defs`) say each function takes and returns. A test fails
    /// when an entry has none, so a new API function cannot ship without its types.
    package static let typings: [String: LuaAPITyping] = globalTypings.merging(
        scopeTypings, uniquingKeysWith: { first, _ in first }
    ).merging(viewTypings, uniquingKeysWith: { first, _ in first })

    private typealias T = LuaAPITyping
    private typealias P = LuaAPITyping.Parameter

    static let globalTypings: [String: LuaAPITyping] = [
        "indicator": T([P("declaration", "Yardstick.IndicatorDeclaration")], returns: "Yardstick.IndicatorDeclaration"),
        "cohort": T([P("declaration", "Yardstick.CohortDeclaration")], returns: "Yardstick.Breakdown"),
        "ratio": T(
            [
                P("a", "Yardstick.Number|Yardstick.Missing"), P("b", "Yardstick.Number|Yardstick.Missing"),
                P("when_zero", "Yardstick.Number?"),
            ],
            returns: "number|Yardstick.Missing"),
        "missing": T([P("reason", "string")], returns: "Yardstick.Missing"),
        "param": T([P("name", "string")], returns: "number|string|boolean|number[]"),
        "is_missing": T([P("v", "any")], returns: "boolean"),
        "days": T([P("from_field", "string"), P("to_field", "string")], returns: "Yardstick.Duration"),
        "hours": T([P("from_field", "string"), P("to_field", "string")], returns: "Yardstick.Duration"),
        "date": T(
            [P("year", "integer"), P("month", "integer"), P("day", "integer")], returns: "Yardstick.Date",
            overloads: ["fun(iso: string): Yardstick.Date"]),
        "field": T([P("path", "string")], returns: "Yardstick.FieldExpression"),
        "quantile_bins": T(
            [P("indicator_id", "string"), P("n", "integer"), P("options", "Yardstick.BinsOptions?")],
            returns: "Yardstick.PeerBins"),
        "threshold_bins": T(
            [P("indicator_id", "string"), P("thresholds", "number[]"), P("options", "Yardstick.BinsOptions?")],
            returns: "Yardstick.PeerBins"),
    ]

    /// The scope's fields: `returns` is the field's type; `<View>` in `s.<entity>` becomes
    /// each entity's view.
    static let scopeTypings: [String: LuaAPITyping] = [
        "s.subject": T([], returns: "Yardstick.Subject"),
        "s.period": T([], returns: "Yardstick.Period"),
        "s.<entity>": T([], returns: "<View>"),
        "s.all": T([], returns: "Yardstick.Scope"),
        "s.previous": T([], returns: "Yardstick.Scope"),
        "s.same_period_last_year": T([], returns: "Yardstick.Scope"),
    ]

    private static let plainAndKeys: Set<LuaAPITyping.Receiver> = [.entityView, .keyView]
    private static let everywhere: Set<LuaAPITyping.Receiver> = [.entityView, .keyView, .groupedView]
    private static let plainAndGrouped: Set<LuaAPITyping.Receiver> = [.entityView, .groupedView]

    static let viewTypings: [String: LuaAPITyping] = [
        "view:during": T([P("field", "<DateField>")], returns: "<View>", receivers: plainAndKeys),
        "view:before": T([P("field", "<DateField>")], returns: "<View>", receivers: plainAndKeys),
        "view:between": T(
            [P("field", "<DateField>"), P("a", "Yardstick.Date"), P("b", "Yardstick.Date")], returns: "<View>",
            receivers: plainAndKeys),
        "view:where": T([P("conditions", "<Where>")], returns: "<View>", receivers: plainAndKeys),
        "view:count": T([], returns: "integer", receivers: everywhere),
        "view:sum": T(
            [P("field", "<NumberField>|Yardstick.Measure")], returns: "integer|Yardstick.Decimal|number",
            receivers: everywhere),
        "view:avg": T(
            [P("field", "<NumberField>|Yardstick.Measure")], returns: "number|Yardstick.Missing", receivers: everywhere),
        "view:min": T([P("field", "<Field>|Yardstick.Measure")], returns: "Yardstick.Value", receivers: everywhere),
        "view:max": T([P("field", "<Field>|Yardstick.Measure")], returns: "Yardstick.Value", receivers: everywhere),
        "view:median": T(
            [P("field", "<NumberField>|Yardstick.Measure")], returns: "number|Yardstick.Missing", receivers: everywhere),
        "view:percentile": T(
            [P("field", "<NumberField>|Yardstick.Measure"), P("p", "number")], returns: "number|Yardstick.Missing",
            receivers: everywhere),
        "view:count_distinct": T(
            [P("field", "<Field>|Yardstick.FieldExpression")], returns: "integer", receivers: everywhere),
        "view:distinct": T([P("field", "<Field>|Yardstick.FieldExpression")], returns: "any[]", receivers: everywhere),
        "view:first": T(
            [P("field", "<Field>|Yardstick.Measure"), P("by", "<Field>|Yardstick.Measure")],
            returns: "Yardstick.Value", receivers: everywhere),
        "view:last": T(
            [P("field", "<Field>|Yardstick.Measure"), P("by", "<Field>|Yardstick.Measure")],
            returns: "Yardstick.Value", receivers: everywhere),
        "view:top": T(
            [P("n", "integer"), P("field", "<Field>|Yardstick.Measure")], returns: "<Row>[]",
            receivers: plainAndGrouped),
        "view:group_by": T([P("field", "<Field>|Yardstick.FieldExpression")], returns: "<Grouped>"),
        "view:rows": T([], returns: "fun(): <Row>?"),
        "view:per": T(
            [P("key", "<Field>"), P("aggregates", "table<string, Yardstick.KeyAggregate>?")],
            returns: "Yardstick.KeyView"),
        "view:minus": T([P("other", "Yardstick.KeyView")], returns: "Yardstick.KeyView", receivers: [.keyView]),
        "view:intersect": T([P("other", "Yardstick.KeyView")], returns: "Yardstick.KeyView", receivers: [.keyView]),
        "view:union": T([P("other", "Yardstick.KeyView")], returns: "Yardstick.KeyView", receivers: [.keyView]),
    ]
}
