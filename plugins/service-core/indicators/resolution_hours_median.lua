-- Resolution time (median) over the cases resolved in the period.
local service = require "service"

return indicator {
  id = "resolution_hours_median",
  title = { en = "Resolution time (median)", zh = "解决时长中位数" },
  description = "Median (linear interpolation) of resolved_at - opened_at in hours over the cases counted by cases_resolved; missing when there is none.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "cases.opened_at", "cases.resolved_at", "cases.status" },
  value = function(s)
    return service.resolved(s):median(hours("opened_at", "resolved_at"))
  end,
}
