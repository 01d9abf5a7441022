extension CRMVocabulary {
    /// The field rules of a vocabulary entity: the declared ones, then `≥ 0` for every
    /// integer or decimal duration field (`*_seconds`) not declared otherwise. Empty for a
    /// custom entity.
    public static func rules(for entity: String) -> [FieldRule] {
        guard let definition = self.entity(named: entity) else { return [] }
        var rules = declaredRules[entity] ?? industryRules[entity] ?? []
        for field in definition.fields where field.name.hasSuffix("_seconds") {
            guard field.type == .integer || field.type == .decimal,
                !rules.contains(where: { $0.field == field.name })
            else { continue }
            rules.append(FieldRule(field.name, .nonNegative))
        }
        return rules
    }

    private typealias R = FieldRule

    /// Time order, signs and score ranges, per entity.
    static let declaredRules: [String: [FieldRule]] = [
        "users": [R("leave_date", .notBefore("hire_date"))],
        "accounts": [R("annual_revenue", .nonNegative), R("employees", .nonNegative)],
        "leads": [R("converted_at", .notBefore("created_at"))],
        "products": [R("list_price", .nonNegative)],
        "opportunities": [
            R("closed_at", .notBefore("created_at")), R("amount", .nonNegative),
        ],
        "orders": [R("delivered_at", .notBefore("ordered_at")), R("amount", .nonNegative)],
        "payments": [R("amount", .nonNegative)],
        "tasks": [R("completed_at", .notBefore("created_at"))],
        "cases": [
            R("first_response_at", .notBefore("opened_at")),
            R("resolved_at", .notBefore("first_response_at")),
            R("resolved_at", .notBefore("opened_at")),
        ],
        "calls": [
            R("answered_at", .notBefore("queued_at")), R("ended_at", .notBefore("answered_at")),
            R("ended_at", .notBefore("queued_at")),
        ],
        "surveys": [
            R("score", .range(low: 0, high: 10, when: nil)),
            R("score", .range(low: 1, high: 5, when: FieldRule.Condition(field: "type", value: "csat"))),
        ],
        "campaigns": [
            R("end_date", .notBefore("start_date")), R("cost", .nonNegative), R("budget", .nonNegative),
        ],
        "campaign_members": [R("responded_at", .notBefore("added_at"))],
        "quotas": [R("period_end", .notBefore("period_start")), R("target", .nonNegative)],
        "incidents": [
            R("resolved_at", .notBefore("started_at")), R("acknowledged_at", .notBefore("reported_at")),
            R("resolved_at", .notBefore("reported_at")),
        ],
        "expenses": [R("amount", .nonNegative)],
    ]
}
