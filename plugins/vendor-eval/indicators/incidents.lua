-- Incidents: how often the system failed in the period.
local vendor = require "vendor"

return indicator {
  id = "incidents",
  title = { en = "Incidents", zh = "故障数" },
  description = "Incidents with started_at in the period, planned maintenance (impact maintenance) and cancelled tickets left out; 0 when none.",
  unit = "count",
  better = "lower",
  per = "company",
  needs = { "incidents.started_at", "incidents.impact", "incidents.status" },
  value = function(s)
    return vendor.unplanned(s.incidents:during("started_at")):count()
  end,
}
