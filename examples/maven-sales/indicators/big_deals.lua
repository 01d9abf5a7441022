-- Big deals: deals won in the period worth 5,000 or more.
return indicator {
  id = "big_deals",
  title = { en = "Big deals won", zh = "大单数" },
  description = "Number of deals won with closed_at in the period and amount >= 5000 (USD).",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won", amount = { ">=", 5000 } }:during("closed_at"):count()
  end,
}
