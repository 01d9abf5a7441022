-- Resolution within SLA: the share of incidents the vendor resolved in the agreed time.
local vendor = require "vendor"
local TARGETS = param("resolution_sla_hours")

return indicator {
  id = "resolution_sla_rate",
  title = { en = "Resolution within SLA", zh = "解决时限达标率" },
  description = "Unplanned incidents with reported_at in the period and a severity whose resolved_at is at most resolution_sla_hours (the severity's entry) after reported_at / unplanned incidents with reported_at in the period and a severity; an incident not resolved missed; missing when none was reported.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "incidents.reported_at", "incidents.resolved_at", "incidents.severity" },
  value = function(s)
    return vendor.within_sla(s, "resolved_at", TARGETS)
  end,
}
