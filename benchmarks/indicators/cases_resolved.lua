return indicator {
  id = "cases_resolved",
  title = { en = "Cases resolved", zh = "已解决工单数" },
  description = "Cases whose resolved_at falls in the period (any status).",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "cases.resolved_at" },
  value = function(s, k)
    return s.cases:during("resolved_at"):count()
  end,
}
