-- Lost deals: how many deals were closed as lost in the period.
return indicator {
  id = "lost_deals",
  title = { en = "Deals lost", zh = "丢单数" },
  description = "Number of opportunities in stage lost whose closed_at falls in the period.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    return s.opportunities:where{ stage = "lost" }:during("closed_at"):count()
  end,
}
