-- R score: the quantile bin of recency_days among all customers of the period.
return indicator {
  id = "r_score",
  title = { en = "R score (recency_days bin)", zh = "R 分（最近购买分位）" },
  description = "Quantile bin 1..rfm_bins of recency_days among the accounts of the period (lower is better): an account more recent than exactly b of the N accounts with a value gets 1 + floor(rfm_bins * b / N); ties share a bin; missing when recency_days is.",
  unit = "score",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = quantile_bins("recency_days", param("rfm_bins"), { better = "lower" }),
}
