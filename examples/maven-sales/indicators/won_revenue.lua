-- Won revenue: the sum of the amounts of the deals won (closed as won) in the period.
return indicator {
  id = "won_revenue",
  title = { en = "Won revenue", zh = "赢单金额" },
  description = "Sum of opportunities.amount over deals in stage won whose closed_at falls in the period. 0 when nothing was won.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
  end,
}
