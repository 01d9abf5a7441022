extension CRMVocabulary {
    /// An incident or outage of a system or service, as a status page or an ITSM tool
    /// (Jira Service Management, ServiceNow, a vendor's support portal) exports it.
    ///
    /// The dates place it twice: `started_at`/`resolved_at` bound the impact on the business
    /// (downtime, availability, time to restore); `reported_at`/`acknowledged_at`/`resolved_at`
    /// measure the support that handled it (time to first response, time to resolution).
    /// `impact` follows the status-page scale (major outage, partial outage, degraded
    /// performance, planned maintenance); `severity` the ITSM priority (P1 critical … P4 low).
    static let incidents = EntityDefinition(
        name: "incidents",
        meaning: "An incident or outage of a system or service (status page, ITSM ticket).",
        fields: [
            F("id", .string, "Unique key of the incident in the source system.", required: true),
            F("system", .string, "The system, service or component affected (CRM, CRM API, mobile app…)."),
            F("vendor", .string, "The vendor or supplier responsible for the system."),
            F("title", .string, "Short description as recorded."),
            F("severity", .enumeration(["critical", "high", "medium", "low"]), "Priority (P1 critical … P4 low)."),
            F(
                "impact", .enumeration(["major_outage", "partial_outage", "degraded", "maintenance", "none"]),
                "Effect on users: down for all, down for some, slow or degraded, planned maintenance, none."),
            F(
                "status", .enumeration(["new", "in_progress", "on_hold", "resolved", "closed", "cancelled"]),
                "Ticket status."),
            F("reported_by", .reference("users"), "The employee who raised it."),
            F("started_at", .datetime, "When the impact began."),
            F("reported_at", .datetime, "When it was reported to support (the ticket's creation)."),
            F("acknowledged_at", .datetime, "First response from support (time to first response ends)."),
            F("resolved_at", .datetime, "When service was restored (time to resolution ends)."),
            F("cause", .string, "Root-cause category (software defect, infrastructure, network, change…)."),
        ])

    private typealias F = FieldDefinition
}
