-- Reopen rate: the share of the cases resolved in the period that are open again.
local service = require "service"

return indicator {
  id = "reopen_rate",
  title = { en = "Reopen rate", zh = "工单重开率" },
  description = "Cases with resolved_at in the period whose status is new, open or pending again (resolved, then reopened) / all cases with resolved_at in the period; missing when none. Needs a CRM that keeps resolved_at when a case is reopened (README.md).",
  unit = "percent",
  better = "lower",
  per = "user",
  needs = { "cases.resolved_at", "cases.status" },
  value = function(s)
    local base = service.ever_resolved(s)
    return ratio(base:where{ status = { "in", { "new", "open", "pending" } } }:count(), base:count())
  end,
}
