-- First-response time (mean): hours from opening to the first response to the customer.
return indicator {
  id = "first_response_hours",
  title = { en = "First-response time (mean)", zh = "平均首次响应时长" },
  description = "Mean of first_response_at - opened_at in hours over the cases whose first_response_at falls in the period; missing when there is none.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "cases.opened_at", "cases.first_response_at" },
  value = function(s)
    return s.cases:during("first_response_at"):avg(hours("opened_at", "first_response_at"))
  end,
}
