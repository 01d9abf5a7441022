extension LuaAPI {
    /// Key views (`view:per`) and key sets: one row per key with per-key aggregates, filtered,
    /// combined by key value and aggregated again, all computed in Swift (docs/keys.md).
    static let keyViews: [Entry] = [
        Entry(
            place: .view, name: "per", signature: "view:per(key, [aggregates]) → key view",
            summary:
                "Splits the view's rows by `key` (a field path: `\"account\"`, `\"product.family\"`, a date…): one key row "
                + "per distinct non-null key value, with the field `key` (text for strings, references and enums, a date, "
                + "a number) and one field per named aggregate: `aggregates` is a table `name = spec`, spec `\"count\"`, "
                + "`{ \"sum\" | \"avg\" | \"min\" | \"max\" | \"median\" | \"count_distinct\", measure }`, "
                + "`{ \"percentile\", measure, p }` or `{ \"first\" | \"last\", measure, by }` (measure: a field path or "
                + "days()/hours()); an aggregate with no value for a key is null. A key view has the view methods "
                + "`where{…}` on `key` and the aggregate fields (every operator of where), `during(field)`, "
                + "`before(field)` and `between(field, a, b)` on a date-valued field (read in the period of the scope "
                + "the view came from), `minus`, `intersect`, `union`, and the aggregates `count()`, `sum`, `avg`, "
                + "`min`, `max`, `median`, `percentile(field, p)`, `count_distinct`, `distinct`, `first(field, by)` "
                + "and `last(field, by)` over its key rows (nulls skipped; empty: count and sum 0, "
                + "avg/min/max/median/first/last missing \"no keys\"). A view without "
                + "`during`/`between` sees all the subject's history, so `first = {\"min\", \"ordered_at\"}` is a key's "
                + "first event ever. Key views run in column mode and are computed in Swift: a view whose plan reads "
                + "no period is grouped once per subject for the whole run.",
            example:
                #"return s.orders:during("ordered_at"):per("account", { n = "count" }):where{ n = { ">=", 2 } }:count()"#
        ),
        Entry(
            place: .view, name: "minus", signature: "view:minus(other) → key view",
            summary:
                "On key views (both sides made by `per`): the key rows of this one whose key value `other` does not have (with this view's fields). Keys match "
                + "by value: `account` of orders and of activities name the same account. Churned customers: "
                + "`previous_buyers:minus(buyers):count()`. On a plain view it is an error (call per first).",
            example:
                #"local cur = s.orders:during("ordered_at"):per("account") return s.previous.orders:during("ordered_at"):per("account"):minus(cur):count()"#
        ),
        Entry(
            place: .view, name: "intersect", signature: "view:intersect(other) → key view",
            summary:
                "On key views: the key rows of this one whose key value `other` has too (with this view's fields). Retention: "
                + "`ratio(prev:intersect(cur):count(), prev:count())`.",
            example:
                #"local prev = s.previous.orders:during("ordered_at"):per("account") return ratio(prev:intersect(s.orders:during("ordered_at"):per("account")):count(), prev:count())"#
        ),
        Entry(
            place: .view, name: "union", signature: "view:union(other) → key view",
            summary:
                "On key views: the key rows of either: this view's rows, then `other`'s keys this view lacks, each with this "
                + "view's fields (taken from `other` where it has a field of the same name, null otherwise).",
            example:
                #"local active = s.orders:during("ordered_at"):per("account"):union(s.activities:during("occurred_at"):per("account")) return active:count()"#
        ),
    ]
}
