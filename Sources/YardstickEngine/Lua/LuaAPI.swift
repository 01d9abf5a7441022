/// The indicator API as scripts see it, declared once: the prelude implements these names,
/// `docs/lua-api.md` and the editor definitions are generated from them, and a test fails when
/// the prelude publishes a name not declared here (or the reverse), when a function's declared
/// parameters differ from its Lua definition's (``LuaAPISignature``) or when the doc is stale.
package enum LuaAPI {
    /// Where a name lives.
    package enum Place: String, Sendable, CaseIterable {
        /// A global function.
        case global
        /// A field of the scope `s`.
        case scope
        /// A method of a view (`s.opportunities:during(…)`).
        case view
    }

    /// One script-visible name.
    package struct Entry: Sendable {
        /// Where it lives.
        package var place: Place
        /// The name.
        package var name: String
        /// How it is called. For a function, the parameters between the first parentheses
        /// after the name are checked against the prelude's definition: each one's first word
        /// is its name (`field | duration` is `field`), `[name]` is optional, `…` variadic;
        /// braces after the name (`indicator { … }`) mean one table argument.
        package var signature: String
        /// What it does, edge cases included.
        package var summary: String
        /// An example line.
        package var example: String
    }

    /// Every declared name.
    package static let entries: [Entry] = globals + scope + view + keyViews

    static let globals: [Entry] = [
        Entry(
            place: .global, name: "indicator",
            signature: "indicator { id, title, description, unit, better, per, needs, breakdown, value }",
            summary:
                "Declares an indicator; the file returns it. `unit`: count, money, percent (a fraction), ratio, days, "
                + "hours, seconds (shown as m:ss or h:mm:ss in tables), score, number. `better`: higher or lower. `per`: user, team, department, company or account "
                + "(the finest grain; coarser grains evaluate the same definition on the union of members' records), "
                + "or an entity grain — campaign, product, queue (the values of calls.queue) or an entity the workspace "
                + "declares in [subjects] (supplier) — whose subjects see the records attached to them through their "
                + "reference (docs/workspace.md). `snapshot = true` (the workspace's [snapshot] as_of) or "
                + "`snapshot = \"2024-01-31\"`: the data is a snapshot, the figures are labelled with that date instead "
                + "of a period, and during/before/between are errors at their line. "
                + "`needs`: \"entity.field\" names checked before running. `breakdown`: a field path (\"product.family\"), "
                + "cohort{…} or a list of them; the figures are then also given per member (see cohort and docs/run-output.md). "
                + "`value(s, k)` returns a number, a decimal or "
                + "missing(reason); `k(id)` is another indicator's value for the same subject and period; "
                + "`k(\"pack.id\")` reads a pack's indicator (a pack reads the packs it depends on, the workspace's "
                + "own indicators every pack of the run; docs/packs.md).",
            example:
                #"return indicator { id = "won_deals", unit = "count", value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:count() end }"#
        ),
        Entry(
            place: .global, name: "cohort", signature: "cohort { key, first, by } → breakdown",
            summary:
                "A breakdown by cohort, for `breakdown = …`: each key (an account, a user: a field or path of the "
                + "entities restricted) belongs to the month (`by = \"quarter\"` or `\"year\"`; default month) of its "
                + "first event, the earliest `first` date over all history on any entity with both fields, whoever "
                + "the subject. Members are cohort labels (`1997-01`, `1997-Q1`, `1997`); keys with no dated event are "
                + "`(none)`. Over monthly periods the output adds `months_since` (period − cohort month): run it over "
                + "a `--period-range` for a cohort table. `run --by cohort:KEY:FIRST[:UNIT]` asks for the same.",
            example:
                #"breakdown = cohort{ key = "account", first = "ordered_at", by = "month" }, value = function(s) return s.orders:during("ordered_at"):count_distinct("account") end"#
        ),
        Entry(
            place: .global, name: "ratio", signature: "ratio(a, b, [when_zero]) → number | missing",
            summary:
                "a / b as a number; when b is 0, `when_zero` (a number) if given, else missing(\"division by zero\"); "
                + "a missing a or b is returned as is. `when_zero` keeps a rate of nothing a plain value (a mean "
                + "over no repeat purchase taken as 0) without an `if`, so the indicator still runs in column mode.",
            example: #"return ratio(won:count(), closed:count(), 0)"#),
        Entry(
            place: .global, name: "missing", signature: "missing(reason) → missing",
            summary:
                "A value that cannot be computed, with its reason. Arithmetic on it gives it back; comparing it is an error.",
            example: #"if s.period.days_elapsed == 0 then return missing("period not started") end"#),
        Entry(
            place: .global, name: "is_missing", signature: "is_missing(v) → boolean",
            summary: "Whether a value is missing.", example: #"if is_missing(cycle) then return 0 end"#),
        Entry(
            place: .global, name: "days", signature: "days(from_field, to_field) → measure",
            summary:
                "The duration to_field − from_field in days, usable wherever an aggregate takes a field; rows where either is empty are skipped.",
            example: #"won:avg(days("created_at", "closed_at"))"#),
        Entry(
            place: .global, name: "hours", signature: "hours(from_field, to_field) → measure",
            summary: "As days(), in hours.", example: #"resolved:avg(hours("opened_at", "resolved_at"))"#),
        Entry(
            place: .global, name: "date", signature: "date(year, month, day) | date(\"YYYY-MM-DD\") → date",
            summary:
                "A date value: compare with <, add or subtract days with + and -, subtract two dates for days; fields year, month, day_of_month, weekday (1 = Monday).",
            example: #"s.opportunities:between("closed_at", date(2026, 1, 1), date("2026-03-31"))"#),
        Entry(
            place: .global, name: "field", signature: "field(path) → field expression",
            summary:
                "A field of the same row, by name or dotted path through references (`\"product.list_price\"`). "
                + "As the value of a `where` condition it compares two fields of each row: "
                + "`where{ completed_at = {\"<=\", field(\"due_at\")} }` (=, ~=, <, <=, >, >=, and `between` with two "
                + "fields; not in `in` lists); a row where either side is null matches nothing, `~=` included. Numbers "
                + "compare by value (integers and decimals exactly), dates by day, datetimes by instant, a date and a "
                + "datetime by the datetime's local day (so `completed_at <= due_at` holds all through the due day), "
                + "text, enums and references as text; any other pair (a date and a number) is an error at the script's "
                + "line. With `+ - * /`, numbers, decimals, `days()`/`hours()` and other `field()`s it builds an "
                + "arithmetic measure, usable wherever an aggregate takes a field (sum, avg, min, max, median, "
                + "percentile, top, first, last, count_distinct, distinct, group_by) and as a `where` value: integer and "
                + "decimal `+ - *` stay exact (a constant such as 0.9 counts as the decimal 0.9; a product of two "
                + "decimals keeps four places, rounded half to even), `/` gives a number, and a row's value is null "
                + "(skipped, like a null field) when an operand is null or a divisor is zero. At most 32 levels and 256 "
                + "terms; computed in Swift, once per expression, in column mode too.",
            example:
                #"local margin = won:sum(field("amount") - field("product.list_price")) local on_time = s.tasks:where{ completed_at = {"<=", field("due_at")} }:count()"#
        ),
        // Peer bins (issue 10, item 7; decision 0025).
        Entry(
            place: .global, name: "quantile_bins",
            signature: "quantile_bins(indicator_id, n, [options]) → peer bins",
            summary:
                "As an indicator's value (options: { better = \"higher\" | \"lower\" }, default higher): the bin (1..n, n = best) of another indicator's value among all subjects of the grain and period, computed by the host once every subject's value is known (no Lua per subject). A subject better than exactly b of the N subjects with a value gets 1 + floor(n * b / N): ties share a bin; a missing or failed base value gives a missing bin with the reason, and is not a peer. Read it from other indicators with k(id), e.g. a weighted RFM score.",
            example: #"value = quantile_bins("weeks_since_last", 5, { better = "lower" })"#),
        Entry(
            place: .global, name: "threshold_bins",
            signature: "threshold_bins(indicator_id, thresholds, [options]) → peer bins",
            summary:
                "As an indicator's value: the bin (1..k+1, k+1 = best) of another indicator's value cut at k strictly ascending thresholds ({ t1, t2, … }); a value equal to a threshold falls in the bin above it (better = \"lower\" numbers the bins from the top). Missing base values give a missing bin, as for quantile_bins.",
            example: #"value = threshold_bins("frequency", { 1, 3, 6, 10 })"#),
        // Pack parameters (issue 11; decision 0026).
        Entry(
            place: .global, name: "param", signature: "param(name) → number | string | boolean | { numbers }",
            summary:
                "A parameter of the indicator's pack, typed as its pack.toml declares it (integer, number, string, boolean, numbers): the manifest's default, or the workspace's value in yardstick.toml ([packs.NAME.parameters]). An unknown name is an error at the script's line listing the pack's parameters; the workspace's own indicators have none. See docs/packs.md.",
            example:
                #"local window = param("active_days") local recent = s.orders:where{ ordered_at = {">=", s.period.finish - window} }"#
        ),
    ]

    static let scope: [Entry] = [
        Entry(
            place: .scope, name: "subject", signature: "s.subject → { id, name, kind, team, role }",
            summary:
                "The subject being evaluated (kind: its grain — user, team, department, company, account, campaign, "
                + "product, queue or a workspace's own such as supplier; id and name from the subject's row, a queue's "
                + "being its value).",
            example: #"if s.subject.role == "manager" then return missing("managers have no quota") end"#),
        Entry(
            place: .scope, name: "period", signature: "s.period → { start, finish, label, days, days_elapsed }",
            summary:
                "The evaluated period: first and last day (dates; also `s.period[\"end\"]`), its label, length, and days elapsed as of today (for pace).",
            example: #"local pace = ratio(s.period.days_elapsed, s.period.days)"#),
        Entry(
            place: .scope, name: "<entity>", signature: "s.opportunities, s.activities, s.cases, … → view",
            summary:
                "The entity's records of the subject: rows whose owner (agent, user) is the user, or a member of the team; for the company every row; for an account the account's rows.",
            example: #"local deals = s.opportunities"#),
        Entry(
            place: .scope, name: "all", signature: "s.all → scope",
            summary: "The same period for the whole company, for peer comparisons.",
            example: #"ratio(mine, s.all.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount"))"#),
        Entry(
            place: .scope, name: "previous", signature: "s.previous → scope",
            summary: "The same subject in the period just before (the previous month for a month).",
            example: #"local before = s.previous.opportunities:during("closed_at"):count()"#),
        Entry(
            place: .scope, name: "same_period_last_year", signature: "s.same_period_last_year → scope",
            summary: "The same subject in the same period one year earlier.",
            example: #"local last_year = s.same_period_last_year.cases:during("opened_at"):count()"#),
    ]

    static let view: [Entry] = [
        Entry(
            place: .view, name: "during", signature: "view:during(field) → view",
            summary: "Rows whose date or datetime field falls in the period (local days, inclusive).",
            example: #"s.opportunities:during("closed_at")"#),
        Entry(
            place: .view, name: "before", signature: "view:before(field) → view",
            summary: "Rows whose date field is before the period's first day.",
            example: #"s.accounts:before("created_at")"#),
        Entry(
            place: .view, name: "between", signature: "view:between(field, a, b) → view",
            summary: "Rows whose date field is between two dates, inclusive.",
            example: #"s.cases:between("opened_at", date(2026, 1, 1), date(2026, 6, 30))"#),
        Entry(
            place: .view, name: "where", signature: "view:where{ field = value | {op, value…} } → view",
            summary:
                "Rows matching every condition. Ops: =, ~=, <, <=, >, >=, in, not in, between, contains, is nil, not nil. "
                + "Enums, text and references compare as text (a reference by the referenced id); dot paths follow references (`[\"account.industry\"]`). "
                + "Condition tables are read raw (their metatables are ignored); an `in` list may hold any number of values (its cost grows linearly).",
            example:
                #"deals:where{ stage = {"in", {"won", "lost"}}, amount = {">=", 5000}, ["account.industry"] = "retail" }"#
        ),
        Entry(
            place: .view, name: "count", signature: "view:count() → integer",
            summary: "The number of rows (0 when none).", example: "deals:count()"),
        Entry(
            place: .view, name: "sum", signature: "view:sum(field | duration) → integer | decimal | number",
            summary: "The sum; exact for decimal fields (money); the zero of the field's type when there are no rows.",
            example: #"won:sum("amount")"#),
        Entry(
            place: .view, name: "avg", signature: "view:avg(field | duration) → number | missing",
            summary: "The mean; missing(\"no rows\") when there are none.",
            example: #"won:avg(days("created_at", "closed_at"))"#),
        Entry(
            place: .view, name: "min", signature: "view:min(field) → value | missing",
            summary: "The smallest value (numbers, dates, text).", example: #"won:min("amount")"#),
        Entry(
            place: .view, name: "max", signature: "view:max(field) → value | missing", summary: "The largest value.",
            example: #"won:max("closed_at")"#),
        Entry(
            place: .view, name: "median", signature: "view:median(field | duration) → number | missing",
            summary: "The median (linear interpolation).", example: #"won:median("amount")"#),
        Entry(
            place: .view, name: "percentile", signature: "view:percentile(field | duration, p) → number | missing",
            summary: "The p-th percentile, p in 0..100, linear interpolation between closest ranks.",
            example: #"cases:percentile(hours("opened_at", "first_response_at"), 90)"#),
        Entry(
            place: .view, name: "count_distinct", signature: "view:count_distinct(field) → integer",
            summary: "The number of distinct non-empty values.",
            example: #"s.activities:during("occurred_at"):count_distinct("account")"#),
        Entry(
            place: .view, name: "distinct", signature: "view:distinct(field) → array",
            summary: "The distinct non-empty values, sorted.", example: #"won:distinct("product")"#),
        Entry(
            place: .view, name: "first", signature: "view:first(field, by) → value | missing",
            summary:
                "The field on the row with the smallest `by` (on a tie, the row loaded first). On a key view: the field "
                + "of the key row with the smallest `by` (both fields of the key view; on a tie, the earlier key row; "
                + "rows without `by` skipped), such as the first purchase day's total.",
            example: #"won:first("amount", "closed_at")"#),
        Entry(
            place: .view, name: "last", signature: "view:last(field, by) → value | missing",
            summary:
                "The field on the row with the largest `by` (on a tie, the row loaded first). On a key view: the field "
                + "of the key row with the largest `by` (on a tie, the earlier key row).",
            example: #"won:last("amount", "closed_at")"#),
        Entry(
            place: .view, name: "top", signature: "view:top(n, field) → array of rows",
            summary: "The n rows with the largest field, largest first (read-only rows as for rows()).",
            example: #"for _, deal in ipairs(won:top(3, "amount")) do … end"#),
        Entry(
            place: .view, name: "group_by", signature: "view:group_by(field) → grouped view",
            summary:
                "Per distinct value of field, the aggregate called next (count, sum, avg… as on a view): a table key → value.",
            example: #"local by_product = won:group_by("product"):sum("amount")"#),
        Entry(
            place: .view, name: "rows", signature: "view:rows() → iterator of rows",
            summary:
                "Read-only rows (row.amount, row[\"account.industry\"]) for custom logic. The slow path: prefer aggregates, which run in Swift.",
            example: #"for deal in won:rows() do if deal.amount > 2 * avg then big = big + 1 end end"#),
    ]

    /// `docs/lua-api.md`.
    package static func markdown() -> String {
        var lines = [
            "# The indicator API (Lua)",
            "",
            "<!-- Generated by `yardstick lua-api` from Sources/YardstickEngine/Lua/LuaAPI.swift. Do not edit by hand. -->",
            "",
            "Indicators are Lua 5.4 files returning `indicator { … }`. Scripts run sandboxed (base, string, table,",
            "math, utf8; no io, os, debug, package, coroutine, load of bytecode), under instruction, memory and time",
            "limits. **Lua declares, Swift computes**: views record filters and aggregates run as columnar",
            "operations over indexes in Swift; no per-record Lua runs unless a script iterates `rows()`.",
            "",
            "Values: integers and numbers are Lua numbers; decimal fields (money, scores) are exact decimals",
            "(`+ - *` stay exact, `/` gives a number, `d:number()` converts, `tostring` prints them); dates are",
            "date values (see `date`); a value that cannot be computed is `missing(reason)`.",
            "",
            "Speed: a value function that only chains views, calls aggregates and combines the results",
            "with arithmetic, `ratio` and `k(id)` (no `if`, `and`/`or`, comparison, loop, `s.subject`, or",
            "helper function) runs once for all subjects of a grain and period, each query giving every",
            "subject's value at once. Any other function runs once per subject: the values are the same,",
            "it only costs more on large workspaces.",
            "",
            "Isolation: one indicator cannot change another's values. The scope, its views, `s.subject`,",
            "`s.period` and durations are read-only: assigning a field or `rawset` on one is an error at the",
            "script's line (\"scopes are read-only\", \"views are read-only\", \"subjects are read-only\",",
            "\"periods are read-only\"); view methods cannot be replaced. The standard libraries are read-only",
            "(\"attempt to modify read-only table 'string'\") and `getmetatable(\"\")` is `false`. Each file has",
            "its own globals and its own instances of the modules it `require`s. Results (`k(id)`, `top`,",
            "`group_by`, `rows()`, dates read from `s.period`) are fresh values for each call: changing one changes",
            "nothing anybody else reads. `k(id)` passes numbers, decimals, dates and missing values; an",
            "indicator whose value is a table cannot be read with `k`.",
        ]
        for place in Place.allCases {
            let title: String
            switch place {
            case .global: title = "Globals"
            case .scope: title = "The scope `s`"
            case .view: title = "Views"
            }
            lines += ["", "## \(title)"]
            for entry in entries where entry.place == place {
                lines += [
                    "", "### `\(entry.signature)`", "", entry.summary, "", "```lua", entry.example, "```",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
