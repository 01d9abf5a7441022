-- Revenue growth: won revenue against the previous period of the same length.
return indicator {
  id = "revenue_growth",
  title = { en = "Revenue growth", zh = "赢单金额环比增长" },
  description = "(won revenue in the period - won revenue in the previous period) / won revenue in the previous period; the previous period is the one just before (2017-Q3 for 2017-Q4, 2017-09 for 2017-10). Missing when the previous period won nothing.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    local now = s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
    local before = s.previous.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
    return ratio(now - before, before)
  end,
}
