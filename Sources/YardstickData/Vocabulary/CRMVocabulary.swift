/// The CRM vocabulary: the entities and fields every plugin pack can rely on.
///
/// Each company maps its export onto these names once, in `yardstick.toml`. The definitions here
/// are the single source of `docs/vocabulary.md` (`yardstick vocabulary` renders it).
public enum CRMVocabulary {
    /// Every vocabulary entity, in documentation order.
    public static let entities: [EntityDefinition] = [
        teams, users, accounts, contacts, leads, products, opportunities, orders, payments,
        activities, tasks, cases, calls, surveys, campaigns, campaignMembers, quotas,
        incidents, subscriptions, orderLines, expenses,
    ]

    /// The vocabulary entity with this name, if any.
    public static func entity(named name: String) -> EntityDefinition? {
        entities.first { $0.name == name }
    }

    private typealias F = FieldDefinition

    private static func id(_ what: String) -> FieldDefinition {
        F("id", .string, "Unique key of the \(what) in the source system.", required: true)
    }

    static let teams = EntityDefinition(
        name: "teams", meaning: "An organisational unit: team → department → company.",
        fields: [
            id("team"), F("name", .string, "Display name."),
            F("parent", .reference("teams"), "The unit this one belongs to (a team's department)."),
            F("kind", .enumeration(["company", "department", "team"]), "Level in the hierarchy."),
            F("manager", .reference("users"), "The user who leads the unit."),
        ])

    static let users = EntityDefinition(
        name: "users", meaning: "An employee whose work is evaluated (sales rep, agent, manager).",
        fields: [
            id("user"), F("name", .string, "Display name."), F("email", .string, "Work e-mail."),
            F("team", .reference("teams"), "The team the user belongs to."),
            F("role", .string, "Job role used to compare like with like (sales, service…)."),
            F("manager", .reference("users"), "The user's direct manager."),
            F("hire_date", .date, "First working day."),
            F("leave_date", .date, "Last working day, if the user has left."),
        ])

    static let accounts = EntityDefinition(
        name: "accounts", meaning: "A customer organisation (or person, in B2C).",
        fields: [
            id("account"), F("name", .string, "Customer name."),
            F("industry", .string, "Industry or sector."), F("country", .string, "Country."),
            F("region", .string, "Sales region or territory."),
            F("segment", .string, "Customer segment (enterprise, SMB…)."),
            F("annual_revenue", .decimal, "Customer's annual revenue."),
            F("employees", .integer, "Customer's head count."),
            F("parent", .reference("accounts"), "Parent company, for subsidiaries."),
            F("owner", .reference("users"), "Account owner."),
            F("created_at", .date, "When the account was created (a new customer)."),
        ])

    static let contacts = EntityDefinition(
        name: "contacts", meaning: "A person at a customer account.",
        fields: [
            id("contact"), F("name", .string, "Full name."),
            F("account", .reference("accounts"), "The contact's account."),
            F("email", .string, "E-mail."), F("phone", .string, "Phone number."),
            F("title", .string, "Job title."), F("owner", .reference("users"), "Contact owner."),
            F("created_at", .date, "When the contact was created."),
        ])

    static let leads = EntityDefinition(
        name: "leads", meaning: "A prospective customer not yet qualified.",
        fields: [
            id("lead"), F("name", .string, "Person or company name."),
            F("company", .string, "Company name as captured."),
            F("source", .string, "Where the lead came from (web, event, referral…)."),
            F(
                "status",
                .enumeration(["new", "working", "qualified", "converted", "disqualified"]),
                "Lead status."),
            F("owner", .reference("users"), "Lead owner."),
            F("campaign", .reference("campaigns"), "Campaign that produced the lead."),
            F("created_at", .datetime, "When the lead was created."),
            F("converted_at", .datetime, "When the lead became an account/opportunity."),
            F("account", .reference("accounts"), "Account created on conversion."),
        ])

    static let products = EntityDefinition(
        name: "products", meaning: "A product or service that is sold.",
        fields: [
            id("product"), F("name", .string, "Product name."),
            F("family", .string, "Product line or series."),
            F("list_price", .decimal, "Suggested list price."),
        ])

    static let opportunities = EntityDefinition(
        name: "opportunities", meaning: "A deal in the sales pipeline.",
        fields: [
            id("opportunity"), F("name", .string, "Deal name."),
            F("account", .reference("accounts"), "Customer account."),
            F("owner", .reference("users"), "Sales rep who owns the deal."),
            F("product", .reference("products"), "Main product of the deal."),
            F(
                "stage",
                .enumeration([
                    "prospecting", "qualification", "proposal", "negotiation", "won", "lost",
                ]), "Pipeline stage; won and lost are closed."),
            F("amount", .decimal, "Deal value (the closed value once won)."),
            F("currency", .string, "ISO currency code of the amount."),
            F("created_at", .date, "When the deal was opened or engaged."),
            F("expected_close", .date, "Forecast close date."),
            F("closed_at", .date, "When the deal was won or lost."),
            F("lost_reason", .string, "Why a lost deal was lost."),
            F("source", .string, "Lead source of the deal."),
            F("campaign", .reference("campaigns"), "Campaign credited with the deal."),
        ])

    static let orders = EntityDefinition(
        name: "orders", meaning: "A confirmed sale (contract, order).",
        fields: [
            id("order"), F("account", .reference("accounts"), "Customer account."),
            F("owner", .reference("users"), "Sales rep credited with the order."),
            F("opportunity", .reference("opportunities"), "Deal the order came from."),
            F("product", .reference("products"), "Main product."),
            F(
                "status",
                .enumeration(["draft", "confirmed", "shipped", "delivered", "cancelled"]),
                "Order status."),
            F("amount", .decimal, "Order value."),
            F("ordered_at", .date, "Order date."),
            F("delivered_at", .date, "Delivery date."),
            F("promised_at", .date, "Delivery date promised to the customer (on time: delivered_at ≤ promised_at)."),
        ])

    static let payments = EntityDefinition(
        name: "payments", meaning: "Money collected from a customer (回款).",
        fields: [
            id("payment"), F("order", .reference("orders"), "Order the payment settles."),
            F("account", .reference("accounts"), "Paying account."),
            F("owner", .reference("users"), "User credited with the collection."),
            F("amount", .decimal, "Amount received."),
            F("due_at", .date, "When the payment was due."),
            F("received_at", .date, "When the money arrived."),
        ])

    static let activities = EntityDefinition(
        name: "activities", meaning: "A logged customer interaction: call, visit, email, meeting.",
        fields: [
            id("activity"),
            F("type", .enumeration(["call", "visit", "email", "meeting", "other"]), "Kind."),
            F("direction", .enumeration(["inbound", "outbound"]), "Who initiated it."),
            F("owner", .reference("users"), "User who performed it."),
            F("account", .reference("accounts"), "Account involved."),
            F("contact", .reference("contacts"), "Contact involved."),
            F("opportunity", .reference("opportunities"), "Deal it relates to."),
            F("occurred_at", .datetime, "When it took place."),
            F(
                "logged_at", .datetime,
                "When it was entered in the CRM (the record's creation time, e.g. CreatedDate, hs_createdate)."),
            F("duration_seconds", .integer, "How long it lasted."),
            F("subject", .string, "Subject or summary."),
            F("outcome", .string, "Result as recorded."),
        ])

    static let tasks = EntityDefinition(
        name: "tasks", meaning: "A task assigned to a user (follow-up, service visit…).",
        fields: [
            id("task"), F("owner", .reference("users"), "User the task is assigned to."),
            F("assigned_by", .reference("users"), "User who assigned it."),
            F("account", .reference("accounts"), "Account it concerns."),
            F("type", .string, "Task category."),
            F("status", .enumeration(["open", "completed", "cancelled"]), "Task status."),
            F("created_at", .datetime, "When it was assigned."),
            F("due_at", .datetime, "Deadline."),
            F("completed_at", .datetime, "When it was done."),
        ])

    static let cases = EntityDefinition(
        name: "cases", meaning: "A service ticket raised by a customer.",
        fields: [
            id("case"), F("account", .reference("accounts"), "Customer account."),
            F("contact", .reference("contacts"), "Customer contact."),
            F("owner", .reference("users"), "Agent who owns the case."),
            F("priority", .enumeration(["low", "medium", "high", "urgent"]), "Priority."),
            F(
                "channel", .enumeration(["phone", "email", "web", "chat", "social", "visit"]),
                "Channel the case came in through."),
            F("status", .enumeration(["new", "open", "pending", "resolved", "closed"]), "Status."),
            F("category", .string, "Case category."),
            F("opened_at", .datetime, "When the case was opened."),
            F("first_response_at", .datetime, "First response to the customer."),
            F("resolved_at", .datetime, "When the case was resolved."),
            F("escalated", .boolean, "Whether the case was escalated."),
        ])

    static let calls = EntityDefinition(
        name: "calls", meaning: "A service-center queue record (one inbound or outbound call).",
        fields: [
            id("call"), F("agent", .reference("users"), "Agent who served the call."),
            F("queue", .string, "Queue or service type."),
            F("customer", .string, "Caller or customer key."),
            F("direction", .enumeration(["inbound", "outbound"]), "Call direction."),
            F("queued_at", .datetime, "When the call entered the queue."),
            F("answered_at", .datetime, "When an agent answered."),
            F("ended_at", .datetime, "When the call ended."),
            F("abandoned", .boolean, "Whether the caller hung up before being served."),
            F("wait_seconds", .integer, "Seconds waited in the queue."),
            F("talk_seconds", .integer, "Seconds talking with the agent."),
        ])

    static let surveys = EntityDefinition(
        name: "surveys", meaning: "Customer feedback: a rating, complaint or suggestion.",
        fields: [
            id("survey"),
            F("type", .enumeration(["csat", "nps", "complaint", "suggestion"]), "Kind."),
            F("user", .reference("users"), "Employee the feedback is about."),
            F("account", .reference("accounts"), "Account that gave it."),
            F("case", .reference("cases"), "Case it follows up."),
            F("submitted_at", .datetime, "When it was given."),
            F("score", .decimal, "Rating (CSAT 1–5, NPS 0–10); empty for complaints."),
            F("comment", .string, "Free text."),
        ])

    static let campaigns = EntityDefinition(
        name: "campaigns", meaning: "A marketing campaign.",
        fields: [
            id("campaign"), F("name", .string, "Campaign name."),
            F(
                "channel",
                .enumeration(["email", "event", "web", "social", "ads", "phone", "other"]),
                "Main channel."),
            F("owner", .reference("users"), "Marketer who runs it."),
            F("start_date", .date, "First day."), F("end_date", .date, "Last day."),
            F("cost", .decimal, "Money spent."), F("budget", .decimal, "Money planned."),
        ])

    static let campaignMembers = EntityDefinition(
        name: "campaign_members", meaning: "A contact or lead targeted by a campaign.",
        fields: [
            id("membership"), F("campaign", .reference("campaigns"), "The campaign."),
            F("contact", .reference("contacts"), "Targeted contact."),
            F("lead", .reference("leads"), "Targeted lead."),
            F("account", .reference("accounts"), "Targeted account."),
            F("added_at", .date, "When the member was added."),
            F("responded", .boolean, "Whether the member responded."),
            F("responded_at", .date, "When the member responded."),
            F("converted", .boolean, "Whether the member converted (deal, order)."),
        ])

    static let quotas = EntityDefinition(
        name: "quotas", meaning: "A target for a user or team, per period and metric, with tiers.",
        fields: [
            id("quota"), F("user", .reference("users"), "User the target belongs to."),
            F("team", .reference("teams"), "Team the target belongs to (when not a user's)."),
            F("period_start", .date, "First day of the target period.", required: true),
            F("period_end", .date, "Last day of the target period.", required: true),
            F("metric", .string, "What is targeted (revenue, collections, calls…).", required: true),
            F("target", .decimal, "The target.", required: true),
            F("stretch", .decimal, "Stretch tier above target."),
            F("challenge", .decimal, "Challenge tier above stretch."),
        ])
}
