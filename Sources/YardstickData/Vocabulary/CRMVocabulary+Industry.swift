extension CRMVocabulary {
    /// A recurring contract line billed every period (SaaS, maintenance, memberships): one row
    /// per subscription, or per subscription version when an upgrade is exported as a new row.
    ///
    /// Modelled on the subscription exports of billing systems and CPQ tools (Stripe and
    /// Chargebee subscriptions, Salesforce CPQ `SBQQ__Subscription__c`, HubSpot and Dynamics
    /// recurring line items, 纷享销客/销售易 合同订阅): a subscription runs from `started_at`
    /// up to the day before `ended_at`, and its monthly value is `mrr` (or `amount` over
    /// `billing_months`). See decision 0034.
    static let subscriptions = EntityDefinition(
        name: "subscriptions",
        meaning: "A recurring subscription of an account to a product or plan (SaaS, maintenance).",
        fields: [
            FieldDefinition(
                "id", .string, "Unique key of the subscription in the source system.", required: true),
            FieldDefinition("account", .reference("accounts"), "Subscribing account."),
            FieldDefinition(
                "owner", .reference("users"), "User who owns the subscription (account manager, CSM or AE)."),
            FieldDefinition("product", .reference("products"), "Product subscribed to."),
            FieldDefinition("plan", .string, "Plan, edition or price name as the billing system calls it."),
            FieldDefinition(
                "status", .enumeration(["trial", "active", "paused", "cancelled", "expired"]),
                "Status at export time (a snapshot: history is read from the dates)."),
            FieldDefinition("quantity", .integer, "Seats or units subscribed."),
            FieldDefinition(
                "amount", .decimal, "Recurring charge per billing period, after discounts, without tax."),
            FieldDefinition(
                "billing_months", .integer,
                "Length of the billing period in months (1 monthly, 3 quarterly, 12 yearly)."),
            FieldDefinition(
                "mrr", .decimal,
                "Monthly recurring revenue: the recurring charge normalised to one month (amount / billing_months)."
            ),
            FieldDefinition("currency", .string, "ISO currency code of amount and mrr."),
            FieldDefinition("started_at", .date, "First day of paid service (after any trial)."),
            FieldDefinition(
                "ended_at", .date,
                "First day without service (the subscription runs while started_at ≤ day < ended_at); empty while it runs."
            ),
            FieldDefinition("cancelled_at", .date, "When the cancellation was requested (may precede ended_at)."),
            FieldDefinition("renews_at", .date, "End of the current term: the next renewal date."),
        ])

    /// One product line of an order: what was sold, how many, at what price.
    ///
    /// Modelled on order-item exports (Salesforce `OrderItem`, HubSpot line items, Dynamics
    /// order products, 纷享销客/销售易 订单产品明细). The order's account, owner and date are
    /// repeated on the line, as line exports carry them, so that lines are attributed to a rep
    /// or store and placed in a period without a join. See decision 0034.
    static let orderLines = EntityDefinition(
        name: "order_lines", meaning: "A product line of an order (order item, SKU line).",
        fields: [
            FieldDefinition("id", .string, "Unique key of the order line in the source system.", required: true),
            FieldDefinition("order", .reference("orders"), "Order the line belongs to."),
            FieldDefinition("product", .reference("products"), "Product (SKU) sold."),
            FieldDefinition("quantity", .decimal, "Units sold (may be fractional: kilograms, litres)."),
            FieldDefinition("unit_price", .decimal, "Price per unit, after discounts."),
            FieldDefinition("discount", .decimal, "Discount granted on the line, as an amount."),
            FieldDefinition("amount", .decimal, "Line total (quantity × unit_price), without tax."),
            FieldDefinition("account", .reference("accounts"), "The order's account (store), repeated on the line."),
            FieldDefinition("owner", .reference("users"), "The order's sales rep, repeated on the line."),
            FieldDefinition("ordered_at", .date, "The order's date, repeated on the line."),
        ])

    /// The field rules of ``subscriptions`` and ``orderLines``.
    static let industryRules: [String: [FieldRule]] = [
        "subscriptions": [
            FieldRule("ended_at", .notBefore("started_at")), FieldRule("amount", .nonNegative),
            FieldRule("mrr", .nonNegative), FieldRule("quantity", .nonNegative),
            FieldRule("billing_months", .range(low: 1, high: 120, when: nil)),
        ],
        "order_lines": [
            FieldRule("quantity", .nonNegative), FieldRule("unit_price", .nonNegative),
            FieldRule("discount", .nonNegative), FieldRule("amount", .nonNegative),
        ],
    ]
}
