-- Won deals: how many deals were closed as won in the period.
return indicator {
  id = "won_deals",
  title = { en = "Deals won", zh = "赢单数" },
  description = "Number of opportunities in stage won whose closed_at falls in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):count()
  end,
}
