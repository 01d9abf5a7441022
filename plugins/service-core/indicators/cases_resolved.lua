-- Cases resolved: cases resolved in the period that have stayed resolved.
local service = require "service"

return indicator {
  id = "cases_resolved",
  title = { en = "Cases resolved", zh = "已解决工单数" },
  description = "Cases whose resolved_at falls in the period and whose status is resolved or closed (a case reopened since is not counted).",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "cases.resolved_at", "cases.status" },
  value = function(s)
    return service.resolved(s):count()
  end,
}
