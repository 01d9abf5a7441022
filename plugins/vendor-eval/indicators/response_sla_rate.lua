-- Response within SLA: the share of incidents the vendor responded to in the agreed time.
local vendor = require "vendor"
local TARGETS = param("response_sla_hours")

return indicator {
  id = "response_sla_rate",
  title = { en = "First response within SLA", zh = "首次响应达标率" },
  description = "Unplanned incidents with reported_at in the period and a severity whose acknowledged_at is at most response_sla_hours (the severity's entry) after reported_at / unplanned incidents with reported_at in the period and a severity; an incident not acknowledged missed; missing when none was reported.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "incidents.reported_at", "incidents.acknowledged_at", "incidents.severity" },
  value = function(s)
    return vendor.within_sla(s, "acknowledged_at", TARGETS)
  end,
}
