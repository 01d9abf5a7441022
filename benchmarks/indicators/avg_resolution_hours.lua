return indicator {
  id = "avg_resolution_hours",
  title = { en = "Average resolution time", zh = "平均解决时长" },
  description = "Mean resolved_at - opened_at in hours over cases resolved in the period; missing when none.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "cases.opened_at", "cases.resolved_at" },
  value = function(s, k)
    return s.cases:during("resolved_at"):avg(hours("opened_at", "resolved_at"))
  end,
}
