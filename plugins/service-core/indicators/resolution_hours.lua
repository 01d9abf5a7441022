-- Resolution time (mean): hours from opening to resolution of the cases resolved in the period.
local service = require "service"

return indicator {
  id = "resolution_hours",
  title = { en = "Resolution time (mean)", zh = "平均解决时长" },
  description = "Mean of resolved_at - opened_at in hours over the cases counted by cases_resolved (resolved_at in the period, status resolved or closed); missing when there is none.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "cases.opened_at", "cases.resolved_at", "cases.status" },
  value = function(s)
    return service.resolved(s):avg(hours("opened_at", "resolved_at"))
  end,
}
