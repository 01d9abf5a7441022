extension CRMVocabulary {
    /// Money spent by an employee to win or serve business (费用报销): travel, entertainment,
    /// gifts, samples, events.
    ///
    /// CRMs carry it as expense reports or expense lines (Salesforce and Dynamics expense
    /// objects, HubSpot custom objects, 纷享销客 and 销售易 费用报销 modules); one row is one line,
    /// credited to the user who incurred it and optionally tied to the account, deal or campaign
    /// it served. Sales-cost indicators (the sales expense ratio) read it. Decision 0035.
    static let expenses = EntityDefinition(
        name: "expenses",
        meaning: "Money an employee spent on business (travel, entertainment, gifts…): 费用.",
        fields: [
            FieldDefinition(
                "id", .string, "Unique key of the expense line in the source system.",
                required: true),
            FieldDefinition("owner", .reference("users"), "User who incurred the expense."),
            FieldDefinition(
                "category", .string, "Kind of spend (travel, entertainment, gifts, samples…)."),
            FieldDefinition("amount", .decimal, "Amount spent."),
            FieldDefinition("currency", .string, "ISO currency code of the amount."),
            FieldDefinition("incurred_at", .date, "When the money was spent."),
            FieldDefinition(
                "status",
                .enumeration(["draft", "submitted", "approved", "rejected", "reimbursed"]),
                "Approval status; rejected lines are not a cost."),
            FieldDefinition("account", .reference("accounts"), "Account the spend served."),
            FieldDefinition(
                "opportunity", .reference("opportunities"), "Deal the spend served."),
            FieldDefinition("campaign", .reference("campaigns"), "Campaign the spend served."),
            FieldDefinition("description", .string, "Purpose as recorded."),
        ])
}
