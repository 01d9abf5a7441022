-- Downtime: the hours the system was down, from the incidents that began in the period.
local vendor = require "vendor"
local PARTIAL = param("partial_outage_weight")

return indicator {
  id = "downtime_hours",
  title = { en = "Downtime", zh = "停机时长" },
  description = "Sum of resolved_at - started_at in hours over the unplanned incidents with started_at in the period and impact major_outage, plus partial_outage_weight times the same sum for impact partial_outage; an incident counts whole in the period it started; incidents not yet resolved are left out; 0 when none.",
  unit = "hours",
  better = "lower",
  per = "company",
  needs = { "incidents.started_at", "incidents.resolved_at", "incidents.impact", "incidents.status" },
  value = function(s)
    local started = vendor.unplanned(s.incidents:during("started_at"))
    local duration = hours("started_at", "resolved_at")
    return started:where{ impact = "major_outage" }:sum(duration)
      + PARTIAL * started:where{ impact = "partial_outage" }:sum(duration)
  end,
}
