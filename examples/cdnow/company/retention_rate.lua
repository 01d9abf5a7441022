-- Retention: the share of the previous period's customers who bought again in this one.
return indicator {
  id = "retention_rate",
  title = { en = "Retention rate", zh = "留存率" },
  description = "Customers with a purchase in the previous period and in this one / customers with a purchase in the previous period; missing when the previous period has none.",
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
