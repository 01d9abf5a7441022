-- F score: the quantile bin of frequency among all customers of the period.
return indicator {
  id = "f_score",
  title = { en = "F score (frequency bin)", zh = "F 分（购买频次分位）" },
  description = "Quantile bin 1..rfm_bins of frequency among the accounts of the period (higher is better): an account more frequent than exactly b of the N accounts with a value gets 1 + floor(rfm_bins * b / N); ties share a bin; missing when frequency is.",
  unit = "score",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = quantile_bins("frequency", param("rfm_bins"), { better = "higher" }),
}
