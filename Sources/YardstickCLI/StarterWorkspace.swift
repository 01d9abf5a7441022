import Foundation

/// The text of a starter workspace: a commented `yardstick.toml` mapping a small sample sales
/// export, the sample files, and one indicator, so that `check` and `run` work at once.
enum StarterWorkspace {
    /// The sample export and indicator, by path relative to the workspace.
    static let sampleFiles: [(String, String)] = [
        (
            "data/teams.csv",
            """
            id,name,parent,kind
            acme,Acme Ltd,,company
            north,North team,acme,team
            south,South team,acme,team

            """
        ),
        (
            "data/users.csv",
            """
            user_id,name,team,role
            u1,Ann Lee,north,sales
            u2,Bo Chen,north,sales
            u3,Cy Diaz,south,sales

            """
        ),
        (
            "data/opportunities.csv",
            """
            opportunity_id,owner,stage,amount,created,closed
            o1,u1,Won,1200.50,2026-07-02,2026-08-14
            o2,u1,Lost,0,2026-07-10,2026-09-01
            o3,u2,Won,800,2026-06-20,2026-07-30
            o4,u3,Open,2500,2026-09-05,

            """
        ),
        (
            "indicators/won_revenue.lua",
            """
            -- Won revenue: the amount of the deals won (closed) in the period.
            return indicator {
              id = "won_revenue",
              title = { en = "Won revenue", zh = "赢单金额" },
              description = "Sum of amount over opportunities with stage won and closed_at in the period.",
              unit = "money",
              better = "higher",
              per = "user",
              needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
              value = function(s)
                return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount")
              end,
            }

            """
        ),
    ]

    /// The starter `yardstick.toml` for a workspace called `name`, in `locale` (`en` or `zh-CN`).
    static func toml(name: String, locale: String = "en") -> String {
        """
        # Yardstick workspace: where the CRM export is and how it maps onto the CRM vocabulary.
        # See docs/vocabulary.md for every entity and field, and docs/workspace.md for this file.
        # As written, it maps the small sample sales export in data/ (made up); replace it with
        # yours, or uncomment the service and marketing mappings below.

        [workspace]
        name = "\(name)"
        locale = "\(locale)"\(String(repeating: " ", count: max(1, 14 - locale.count)))# en | zh-CN: language of titles and reports
        timezone = "UTC"         # IANA name, e.g. Asia/Shanghai; datetimes without an offset use it

        [calendar]
        fiscal_year_start = 1    # month the fiscal year starts in (4 = April)
        week_start = "monday"

        [sources.export]
        kind = "folder"          # a folder of CSV / JSON / NDJSON / text files (or kind = "file", path = "x.csv")
        path = "data"
        encoding = "auto"        # utf-8 | gb18030 (Excel on Chinese Windows) | auto
        # delimiter = ";"        # "\t" for tab-separated exports

        [formats]                # how values are written; each mapping may override with [entities.X.formats]
        date = "auto"            # ISO 8601, or a pattern such as "%d/%m/%Y" or "%y%m%d"
        datetime = "auto"        # e.g. "%Y-%m-%d %H:%M:%S"
        # decimal_separator = ","
        # thousands_separator = "."
        # null = ["NULL", "N/A"]

        # One table per entity. Fields default to columns of the same name; map the others:
        #   field = "Source column"
        #   field = { column = "Stage", map = { "Closed Won" = "won", "Closed Lost" = "lost" } }
        #   field = { column = "Close Date", format = "%m/%d/%Y" }
        #   field = { value = "sales" }                       # the same value on every row
        #   field = { columns = ["line", "call_no"] }         # several columns joined by "-"
        #   field = { date = "Date", time = "Start" }         # a datetime from two columns
        #   field = { column = "Agent", null = ["NO_AGENT"] } # words that mean "empty" here
        # Rows to leave out: drop = { Status = "TEST" } or keep = { Type = ["A", "B"] }.
        # Custom fields: [entities.X.custom] name = { column = "…", type = "decimal" }
        # Several files for one entity: [[entities.X]] once per file (rows are concatenated).

        # --- Sales: teams, users (the people evaluated), opportunities ------------------------

        [entities.teams]
        file = "teams.csv"       # id, name, parent, kind (company | department | team)

        [entities.users]
        file = "users.csv"
        [entities.users.fields]
        id = "user_id"
        # name, team and role come from the same-named columns.

        [entities.opportunities]
        file = "opportunities.csv"
        [entities.opportunities.fields]
        id = "opportunity_id"
        owner = "owner"
        stage = { column = "stage", map = { Won = "won", Lost = "lost", Open = "prospecting" } }
        amount = "amount"
        created_at = "created"
        closed_at = "closed"

        # --- Service: a call log and a case (ticket) export ------------------------------------
        #
        # [entities.calls]
        # file = "calls.csv"
        # drop = { Outcome = "TEST" }                        # leave test calls out
        # [entities.calls.fields]
        # id = { columns = ["Line", "Call No"] }              # no single key column: build one
        # agent = { column = "Agent", null = ["NO_AGENT"] }
        # queued_at = { date = "Date", time = "Queued" }      # date and time in two columns
        # answered_at = { date = "Date", time = "Answered" }
        # abandoned = { column = "Outcome", map = { Hangup = true, Served = false } }
        # wait_seconds = "Wait"                               # 143, 2:23, 0:02:23 or PT2M23S
        # talk_seconds = "Talk Time"
        #
        # [entities.cases]
        # file = "tickets.csv"
        # [entities.cases.fields]
        # id = "Ticket ID"
        # owner = "Assignee"
        # priority = { column = "Priority", map = { P1 = "urgent", P2 = "high", P3 = "medium", P4 = "low" } }
        # status = { column = "Status", map = { Solved = "resolved", Closed = "closed", Open = "open" } }
        # opened_at = "Created"
        # first_response_at = "First Reply"
        # resolved_at = "Solved At"

        # --- Marketing: campaigns and who they reached -----------------------------------------
        #
        # [entities.campaigns]
        # file = "campaigns.csv"
        # [entities.campaigns.fields]
        # id = "Campaign ID"
        # channel = { column = "Type", map = { Email = "email", Webinar = "event", "Paid Search" = "ads" } }
        # start_date = "Start"
        # end_date = "End"
        # cost = "Actual Cost"
        #
        # [entities.campaign_members]
        # file = "campaign_members.csv"
        # [entities.campaign_members.fields]
        # id = { columns = ["Campaign ID", "Lead ID"] }
        # campaign = "Campaign ID"
        # lead = "Lead ID"
        # responded = { column = "Status", map = { Responded = true, Sent = false } }

        """
    }
}
