-- Availability: the share of the period's hours the system was up.
return indicator {
  id = "availability",
  title = { en = "Availability", zh = "系统可用率" },
  description = "1 - downtime_hours / (24 x days in the period); outages are assumed not to overlap (two at once count twice).",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "incidents.started_at", "incidents.resolved_at", "incidents.impact", "incidents.status" },
  value = function(s, k)
    return 1 - ratio(k("downtime_hours"), 24 * s.period.days)
  end,
}
