import YardstickEngine

/// The model-file DSL as model files see it (docs/model-file.md), declared for the editor
/// definitions that `yardstick lua-defs` writes after the indicator API.
///
/// Tests bind it to the code: its globals are ``ModelPrelude/globals`` (the names model.lua
/// installs), and the fields of its declaration classes are the keys ``ModelFileReader``
/// accepts (`scorecardKeys`, `dimensionKeys`, `kpiKeys`).
package enum ModelAPI {
    private typealias T = LuaAPITyping
    private typealias P = LuaAPITyping.Parameter
    private typealias F = LuaAPITyping.Field
    private typealias Global = LuaDefinitionExtension.Global

    /// The DSL's part of the editor definitions.
    package static let definitions = LuaDefinitionExtension(
        title: "Scorecard model files (model.lua, scorecards/*.lua; docs/model-file.md)",
        globals: globals, classes: classes, aliases: aliases)

    static let aliases: [(name: String, type: String, summary: String)] = [
        (
            "Yardstick.ModelNode", "table",
            "A `dimension \"id\" { … }` or `kpi \"id\" { … }`: a list item of a scorecard or a dimension."
        ),
        (
            "Yardstick.Target", "number|Yardstick.Quota|fun(t: Yardstick.TargetContext): number?",
            "A kpi's target: a number, `quota \"metric\"` or a function of the subject's values (nil: no target)."
        ),
        (
            "Yardstick.Score",
            "Yardstick.ScoringFunction|string|fun(peers: Yardstick.Peer[], direction: \"higher\"|\"lower\", "
                + "cap: number): (number?)[]",
            "A kpi's scoring function: a form (`linear { … }`, `rank`), its name as a string, or a custom "
                + "function of the peer group returning a score per peer."
        ),
        ("Yardstick.MissingPolicy", "\"zero\"|\"reweight\"|\"incomplete\"", "What a missing value scores."),
    ]

    static let globals: [LuaDefinitionExtension.Global] = [
        Global(
            function: "scorecard",
            summary: "Declares a scorecard model; the file returns it. Its list items are its dimensions and kpis.",
            example:
                #"return scorecard { id = "sales", per = "user", kpi "won_revenue" { weight = 100, target = quota "revenue" } }"#,
            typing: T([P("body", "Yardstick.ScorecardDeclaration")], returns: "Yardstick.Model")),
        Global(
            function: "dimension",
            summary: "`dimension \"id\" { weight = …, children… }` groups kpis and further dimensions, to any depth.",
            example:
                #"dimension "results" { weight = 60, kpi "won_revenue" { weight = 100, target = quota "revenue" } }"#,
            typing: T([P("id", "string")], returns: "fun(body: Yardstick.DimensionDeclaration): Yardstick.ModelNode")),
        Global(
            function: "kpi",
            summary: "`kpi \"indicator_id\" { … }` scores one indicator of the workspace (`pack.id` for a pack's).",
            example: #"kpi "win_rate" { weight = 30, target = 0.30, score = steps { {0.8, 60}, {1.0, 100} } }"#,
            typing: T([P("id", "string")], returns: "fun(body: Yardstick.KpiDeclaration): Yardstick.ModelNode")),
        Global(
            function: "quota",
            summary:
                "A target read from the workspace's quotas: `quota \"metric\"` or `quota { \"metric\", tier = "
                + "\"stretch\" }` (tiers target, stretch, challenge); summed or pro-rated over the period.",
            example: #"target = quota { "revenue", tier = "stretch" }"#,
            typing: T(
                [P("arguments", "string|{ [1]: string, tier: \"target\"|\"stretch\"|\"challenge\"? }")],
                returns: "Yardstick.Quota")),
        Global(
            function: "linear",
            summary: "0 at completion `zero`, 100 at completion `full`, on up to the cap (defaults 0 and 1).",
            example: "score = linear { zero = 0.5, full = 1.0 }",
            typing: T([P("arguments", "{ zero: number?, full: number? }")], returns: "Yardstick.ScoringFunction")),
        Global(
            function: "steps",
            summary:
                "The highest step reached: `{ {threshold, score}, …, basis = \"completion\" }`; `basis = \"value\"` "
                + "compares raw values.",
            example: "score = steps { {0.8, 60}, {1.0, 100}, {1.2, 120} }",
            typing: T([P("arguments", "table")], returns: "Yardstick.ScoringFunction")),
        Global(
            function: "threshold",
            summary: "`pass` from completion `at`, else `fail`.",
            example: "score = threshold { at = 1.0, pass = 100, fail = 40 }",
            typing: T(
                [P("arguments", "{ at: number?, pass: number?, fail: number? }")], returns: "Yardstick.ScoringFunction")
        ),
        Global(
            value: "proportional",
            summary: "Linear from 0 to the target: `linear { zero = 0, full = 1 }` (the default).",
            example: "score = proportional", type: "Yardstick.ScoringFunction"),
        Global(
            value: "pass_fail", summary: "`threshold { at = 1, pass = 100, fail = 0 }`.", example: "score = pass_fail",
            type: "Yardstick.ScoringFunction"),
        Global(
            value: "rank", summary: "Rank in the peer group (no target needed).", example: "score = rank",
            type: "Yardstick.ScoringFunction"),
        Global(
            value: "percentile", summary: "Percentile in the peer group (no target needed).",
            example: "score = percentile", type: "Yardstick.ScoringFunction"),
        Global(
            value: "relative_to_mean", summary: "Completion against the peer mean.",
            example: "score = relative_to_mean", type: "Yardstick.ScoringFunction"),
        Global(
            value: "relative_to_best", summary: "Completion against the peer best.",
            example: "score = relative_to_best", type: "Yardstick.ScoringFunction"),
    ]

    static let classes: [LuaAPIClass] = [
        LuaAPIClass("Yardstick.Model", "A scorecard model, as `scorecard { … }` returns it."),
        LuaAPIClass("Yardstick.Quota", "A target read from the workspace's quotas (`quota \"revenue\"`)."),
        LuaAPIClass(
            "Yardstick.ScoringFunction", "A scoring function (`linear { … }`, `rank`…); `rank()` gives `rank` back.",
            operators: ["call: Yardstick.ScoringFunction"]),
        LuaAPIClass(
            "Yardstick.ScorecardDeclaration", "What `scorecard { … }` takes (docs/model-file.md#the-scorecard).",
            fields: [
                F("id", "string", "A name unique in the workspace: letters, digits, `_`, `-`, `.`."),
                F("title", "string|{ en: string, zh: string? }", "Its title, or titles by language.", optional: true),
                F("version", "string|number", "Shown in outputs and manifests.", optional: true),
                F("extends", "string", "The id of the model this one builds on.", optional: true),
                F("per", "Yardstick.Grain", "The grain scored (default user).", optional: true),
                F(
                    "where", "table<string, string|string[]>", "Which subjects: over id, name, team, role.",
                    optional: true),
                F("peers", "\"all\"|\"role\"|\"team\"", "Whom ranks and percentiles compare with.", optional: true),
                F("weights", "\"sum100\"|\"normalised\"", "How weights add up (default sum100).", optional: true),
                F("cap", "number", "The highest indicator score (default 100).", optional: true),
                F("missing", "Yardstick.MissingPolicy", "The default missing-value policy.", optional: true),
                F("grades", "table<string, number>", "Each grade's minimum total.", optional: true),
                F(
                    "distribution", "table", "Forced distribution: percent of each peer group per grade.",
                    optional: true),
                F("rollups", "Yardstick.Grain[]", "The coarser grains rolled up.", optional: true),
                F("alerts", "boolean|table", "Milestones, pace and reminders (docs/alerts.md).", optional: true),
                F("[integer]", "Yardstick.ModelNode", "Its dimensions and kpis, in order."),
            ]),
        LuaAPIClass(
            "Yardstick.DimensionDeclaration", "What `dimension \"id\" { … }` takes.",
            fields: [
                F(
                    "title", "string|{ en: string, zh: string? }", "The name reports show (default: the id).",
                    optional: true),
                F("weight", "number", "Its weight within its parent."),
                F("drop", "boolean", "Removes the base model's node (only when extending).", optional: true),
                F("[integer]", "Yardstick.ModelNode", "Its children, in order."),
            ]),
        LuaAPIClass(
            "Yardstick.KpiDeclaration", "What `kpi \"indicator_id\" { … }` takes.",
            fields: [
                F("weight", "number", "Its weight within its parent."),
                F("target", "Yardstick.Target", "A number, a quota or a function.", optional: true),
                F("score", "Yardstick.Score", "Its scoring function (default proportional).", optional: true),
                F("cap", "number", "The highest score of this kpi.", optional: true),
                F("missing", "Yardstick.MissingPolicy", "Its missing-value policy.", optional: true),
                F("better", "\"higher\"|\"lower\"", "Default: the indicator's own.", optional: true),
                F("pipeline", "string", "An indicator giving the open value, for alerts.", optional: true),
                F(
                    "overrides", "{ where: table<string, string|string[]>, target: Yardstick.Target }[]",
                    "The first whose filter matches a subject gives its target.", optional: true),
                F(
                    "rollup_target", "\"same\"|\"sum\"", "How a constant target applies to a rollup unit.",
                    optional: true),
                F("drop", "boolean", "Removes the base model's node (only when extending).", optional: true),
            ]),
        LuaAPIClass(
            "Yardstick.TargetContext", "What a target function receives: the subject's values, computed beforehand.",
            fields: [
                F("value", "number?", "The indicator's value in the period."),
                F("previous", "number?", "Its value in the previous period (环比)."),
                F("last_year", "number?", "Its value in the same period last year (同比)."),
                F("indicator", "string", "The indicator id."),
                F(
                    "subject", "{ id: string, name: string, team: string?, role: string?, grain: string }",
                    "The subject."),
                F("period", "{ label: string, first: string, last: string }", "The period, dates as YYYY-MM-DD."),
                F(
                    "quota", "fun(metric: string, tier: \"target\"|\"stretch\"|\"challenge\"?): number?",
                    "The subject's quota in the period."),
            ]),
        LuaAPIClass(
            "Yardstick.Peer", "One subject of a peer group, as a custom scoring function sees it.",
            fields: [
                F("id", "string", "The subject's id."), F("value", "number?", "Its value; nil when missing."),
                F("target", "number?", "Its target; nil when none."),
            ]),
    ]
}
