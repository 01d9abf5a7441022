-- Average deal size: revenue per won deal.
return indicator {
  id = "avg_deal_size",
  title = { en = "Average deal size", zh = "平均成交金额" },
  description = "revenue / won_deals over the deals won in the period; missing when none was won.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(_, k)
    return ratio(k("revenue"), k("won_deals"))
  end,
}
