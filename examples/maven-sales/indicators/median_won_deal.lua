-- Median won deal: the middle amount of the deals won in the period.
return indicator {
  id = "median_won_deal",
  title = { en = "Median won deal", zh = "赢单金额中位数" },
  description = "Median of opportunities.amount over deals won (closed_at in the period); the mean of the two middle amounts when their number is even. Missing when nothing was won.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):median("amount")
  end,
}
