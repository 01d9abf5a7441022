-- Churn: the share of the previous period's customers who did not order in this one.
return indicator {
  id = "churn_rate",
  title = { en = "Churn rate", zh = "客户流失率" },
  description = "1 - retention_rate: accounts with an order in the previous period but none in this one / accounts with an order in the previous period; missing when retention_rate is.",
  unit = "percent",
  better = "lower",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(_, k)
    return 1 - k("retention_rate")
  end,
}
