-- Vendor resolution time: how long support took to resolve an incident once reported.
local vendor = require "vendor"

return indicator {
  id = "resolution_hours",
  title = { en = "Mean time to resolution", zh = "平均解决时间" },
  description = "Mean of resolved_at - reported_at in hours over the unplanned incidents with reported_at in the period that are resolved; missing when none is.",
  unit = "hours",
  better = "lower",
  per = "company",
  needs = { "incidents.reported_at", "incidents.resolved_at", "incidents.impact", "incidents.status" },
  value = function(s)
    return vendor.unplanned(s.incidents:during("reported_at")):avg(hours("reported_at", "resolved_at"))
  end,
}
