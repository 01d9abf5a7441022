-- M score: the quantile bin of monetary among all customers of the period.
return indicator {
  id = "m_score",
  title = { en = "M score (monetary bin)", zh = "M 分（购买金额分位）" },
  description = "Quantile bin 1..rfm_bins of monetary among the accounts of the period (higher is better): an account bigger-spending than exactly b of the N accounts with a value gets 1 + floor(rfm_bins * b / N); ties share a bin; missing when monetary is.",
  unit = "score",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = quantile_bins("monetary", param("rfm_bins"), { better = "higher" }),
}
