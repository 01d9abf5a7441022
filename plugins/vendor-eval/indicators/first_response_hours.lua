-- Vendor first response: how long support took to respond to an incident.
local vendor = require "vendor"

return indicator {
  id = "first_response_hours",
  title = { en = "Mean time to first response", zh = "平均首次响应时间" },
  description = "Mean of acknowledged_at - reported_at in hours over the unplanned incidents with reported_at in the period that were acknowledged; missing when none was.",
  unit = "hours",
  better = "lower",
  per = "company",
  needs = { "incidents.reported_at", "incidents.acknowledged_at", "incidents.impact", "incidents.status" },
  value = function(s)
    return vendor.unplanned(s.incidents:during("reported_at")):avg(hours("reported_at", "acknowledged_at"))
  end,
}
