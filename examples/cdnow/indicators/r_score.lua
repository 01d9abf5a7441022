-- RFM's R: quintile of the weeks since the last purchase among all customers (5 = most recent).
return indicator {
  id = "r_score",
  title = { en = "R score (recency quintile)", zh = "R 分（最近购买五分位）" },
  description = "Quantile bin 1-5 of weeks_since_last among all customers of the period, fewer weeks being better: a customer more recent than exactly b of the N customers gets 1 + floor(5 b / N); ties share a bin.",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = quantile_bins("weeks_since_last", 5, { better = "lower" }),
}
