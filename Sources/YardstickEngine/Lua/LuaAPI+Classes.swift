extension LuaAPI {
    private typealias F = LuaAPITyping.Field
    private typealias P = LuaAPITyping.Parameter
    private typealias M = LuaAPIClass.Method

    /// The types scripts meet besides functions: the value types (decimals, dates, durations,
    /// missing values), the records of the scope and the tables a script writes. The editor
    /// definitions (`yardstick lua-defs`) write each as a `---@class`; a test checks that the
    /// fields the declarations list (`s.subject → { id, name, … }`, `indicator { id, … }`) are
    /// all here.
    package static let classes: [LuaAPIClass] = values + records + declarations

    static let values: [LuaAPIClass] = [
        LuaAPIClass(
            "Yardstick.Decimal",
            "An exact decimal (money, scores): `+ - *` stay exact, `/` gives a number, `tostring` prints it.",
            operators: [
                "add(Yardstick.Decimal|integer): Yardstick.Decimal",
                "sub(Yardstick.Decimal|integer): Yardstick.Decimal",
                "mul(Yardstick.Decimal|integer): Yardstick.Decimal", "div(Yardstick.Number): number",
                "unm: Yardstick.Decimal",
            ],
            methods: [M("number", "The decimal as a Lua number.", returns: "number")]),
        LuaAPIClass(
            "Yardstick.Missing",
            "A value that cannot be computed, with its reason. Arithmetic on it gives it back; comparing it is an "
                + "error.",
            fields: [F("reason", "string", "Why there is no value.")],
            operators: [
                "add(any): Yardstick.Missing", "sub(any): Yardstick.Missing", "mul(any): Yardstick.Missing",
                "div(any): Yardstick.Missing", "unm: Yardstick.Missing",
            ]),
        LuaAPIClass(
            "Yardstick.Date",
            "A calendar date: compare with <, add or subtract whole days with + and -, subtract two dates for days.",
            fields: [
                F("year", "integer", "The year."), F("month", "integer", "The month, 1…12."),
                F("day_of_month", "integer", "The day of the month, 1…31."),
                F("weekday", "integer", "The day of the week, 1 = Monday … 7 = Sunday."),
            ],
            operators: ["add(integer): Yardstick.Date", "sub(Yardstick.Date): integer", "sub(integer): Yardstick.Date"]),
        LuaAPIClass(
            "Yardstick.DateTime", "An instant (a datetime field's value); compare with <.",
            methods: [M("date", "The instant's day.", returns: "Yardstick.Date")]),
        LuaAPIClass(
            "Yardstick.Duration",
            "A duration between two date fields of each row (`days(…)`, `hours(…)`), usable wherever an aggregate "
                + "takes a field.",
            fields: [
                F("from", "string", "The field the duration starts at."),
                F("to", "string", "The field the duration ends at."),
                F("unit", "\"days\"|\"hours\"", "The unit."),
            ]),
        LuaAPIClass(
            "Yardstick.FieldExpression",
            "A field of the same row (`field(\"amount\")`), or arithmetic on fields, numbers and durations: usable "
                + "wherever an aggregate takes a field and as a `where` value.",
            operators: [
                "add(Yardstick.FieldExpression|Yardstick.Number|Yardstick.Duration): Yardstick.FieldExpression",
                "sub(Yardstick.FieldExpression|Yardstick.Number|Yardstick.Duration): Yardstick.FieldExpression",
                "mul(Yardstick.FieldExpression|Yardstick.Number|Yardstick.Duration): Yardstick.FieldExpression",
                "div(Yardstick.FieldExpression|Yardstick.Number|Yardstick.Duration): Yardstick.FieldExpression",
            ]),
        LuaAPIClass(
            "Yardstick.PeerBins",
            "The value of an indicator binned among its peers (`quantile_bins`, `threshold_bins`): the host computes "
                + "it once every subject's base value is known."),
        LuaAPIClass("Yardstick.Breakdown", "A breakdown dimension made by `cohort { … }`, for `breakdown = …`."),
    ]

    static let records: [LuaAPIClass] = [
        LuaAPIClass(
            "Yardstick.Subject", "The subject being evaluated (read-only).",
            fields: [
                F("id", "string", "The subject's id (a queue's value for a queue)."),
                F("name", "string", "The subject's display name."),
                F("kind", "Yardstick.Grain", "Its grain: user, team, department, company, account, …"),
                F("team", "string?", "The team of a user."), F("role", "string?", "The role of a user."),
            ]),
        LuaAPIClass(
            "Yardstick.Period", "The evaluated period (read-only; also `s.period[\"end\"]`, the last day).",
            fields: [
                F("start", "Yardstick.Date", "The first day."), F("finish", "Yardstick.Date", "The last day."),
                F("label", "string", "The period's label (`2026-10`, `2026-Q3`)."),
                F("days", "integer", "The number of days in the period."),
                F("days_elapsed", "integer", "The days of the period elapsed as of today (for pace)."),
            ]),
    ]

    static let declarations: [LuaAPIClass] = [
        LuaAPIClass(
            "Yardstick.IndicatorDeclaration", "What `indicator { … }` takes (docs/lua-api.md).",
            fields: [
                F("id", "string", "The indicator's id: letters, digits, `_`, `-`, `.`."),
                F(
                    "title", "string|{ en: string, zh: string? }", "Its title, or titles by language.",
                    optional: true),
                F("description", "string", "What it measures, for readers of the outputs.", optional: true),
                F("unit", "Yardstick.Unit", "What the value measures (default number).", optional: true),
                F("better", "\"higher\"|\"lower\"", "Which direction is better (default higher).", optional: true),
                F(
                    "per", "Yardstick.Grain", "The finest grain it is evaluated for (default user).",
                    optional: true),
                F("needs", "string[]", "The \"entity.field\" names it reads, checked before running.", optional: true),
                F(
                    "breakdown", "string|Yardstick.Breakdown|(string|Yardstick.Breakdown)[]",
                    "Field paths or cohorts the figures are also given per member of.", optional: true),
                F(
                    "snapshot", "boolean|string",
                    "`true` (the workspace's [snapshot] as_of) or an as-of date \"2024-01-31\": the data is a "
                        + "snapshot.", optional: true),
                F(
                    "value", "(fun(s: Yardstick.Scope, k: Yardstick.K): Yardstick.Result)|Yardstick.PeerBins",
                    "The value function, called with the scope `s` and `k`; or quantile_bins/threshold_bins."),
            ]),
        LuaAPIClass(
            "Yardstick.CohortDeclaration", "What `cohort { … }` takes.",
            fields: [
                F("key", "string", "The field or path whose values are the cohort's members (\"account\")."),
                F("first", "string", "The date field whose earliest value places a key in its cohort."),
                F("by", "\"month\"|\"quarter\"|\"year\"", "The cohort's length (default month).", optional: true),
            ]),
        LuaAPIClass(
            "Yardstick.BinsOptions", "The options of `quantile_bins` and `threshold_bins`.",
            fields: [
                F(
                    "better", "\"higher\"|\"lower\"", "Which base values get the best bin (default higher).",
                    optional: true)
            ]),
    ]
}
