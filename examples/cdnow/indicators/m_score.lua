-- RFM's M: quintile of the monetary value among all customers (5 = highest mean repeat spend).
return indicator {
  id = "m_score",
  title = { en = "M score (monetary quintile)", zh = "M 分（消费金额五分位）" },
  description = "Quantile bin 1-5 of monetary_value among all customers of the period: a customer above exactly b of the N customers gets 1 + floor(5 b / N); ties share a bin.",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = quantile_bins("monetary_value", 5, { better = "higher" }),
}
