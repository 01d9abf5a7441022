-- First-response time (median): robust to the odd case left unanswered over a weekend.
return indicator {
  id = "first_response_hours_median",
  title = { en = "First-response time (median)", zh = "首次响应时长中位数" },
  description = "Median (linear interpolation) of first_response_at - opened_at in hours over the cases whose first_response_at falls in the period; missing when there is none.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "cases.opened_at", "cases.first_response_at" },
  value = function(s)
    return s.cases:during("first_response_at"):median(hours("opened_at", "first_response_at"))
  end,
}
