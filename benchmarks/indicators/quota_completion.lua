return indicator {
  id = "quota_completion",
  title = { en = "Quota completion", zh = "配额完成率" },
  description = "Revenue (the revenue indicator) / sum of quotas.target where metric = revenue and period_start falls in the period; missing when that target sum is 0.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "quotas.metric", "quotas.period_start", "quotas.target" },
  value = function(s, k)
    local target = s.quotas:where{ metric = "revenue" }:during("period_start"):sum("target")
    return ratio(k("revenue"), target)
  end,
}
