-- RFM's F: quintile of the frequency among all customers (5 = most repeat purchase days).
return indicator {
  id = "f_score",
  title = { en = "F score (frequency quintile)", zh = "F 分（复购频次五分位）" },
  description = "Quantile bin 1-5 of frequency among all customers of the period: a customer with more repeat days than exactly b of the N customers gets 1 + floor(5 b / N); ties share a bin (the many customers without a repeat day all get 1).",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = quantile_bins("frequency", 5, { better = "higher" }),
}
