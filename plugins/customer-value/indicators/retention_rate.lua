-- Retention: the share of the previous period's customers who ordered again in this one.
return indicator {
  id = "retention_rate",
  title = { en = "Retention rate", zh = "客户留存率" },
  description = "Accounts with an order in the previous period and in this one / accounts with an order in the previous period (periods of the same length: month after month); missing when the previous period has none.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local now = s.orders:during("ordered_at"):per("account")
    local before = s.previous.orders:during("ordered_at"):per("account")
    return ratio(before:intersect(now):count(), before:count())
  end,
}
