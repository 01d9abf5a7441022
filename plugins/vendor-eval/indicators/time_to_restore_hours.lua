-- Mean time to restore: how long an incident lasted, from its start to its resolution.
local vendor = require "vendor"

return indicator {
  id = "time_to_restore_hours",
  title = { en = "Mean time to restore", zh = "平均恢复时间" },
  description = "Mean of resolved_at - started_at in hours over the unplanned incidents with started_at in the period that are resolved; missing when none is.",
  unit = "hours",
  better = "lower",
  per = "company",
  needs = { "incidents.started_at", "incidents.resolved_at", "incidents.impact", "incidents.status" },
  value = function(s)
    return vendor.unplanned(s.incidents:during("started_at")):avg(hours("started_at", "resolved_at"))
  end,
}
