-- Average won deal: derived from two other indicators of this pack.
return indicator {
  id = "avg_won_deal",
  title = { en = "Average won deal", zh = "平均赢单金额" },
  description = "Won revenue divided by deals won (derived: won_revenue / won_deals). Missing when nothing was won.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return ratio(k("won_revenue"), k("won_deals"))
  end,
}
