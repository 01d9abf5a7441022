-- Customer retention: the share of the previous period's customers who bought again.
return indicator {
  id = "customer_retention_rate",
  title = { en = "Customer retention rate", zh = "客户留存率" },
  description = "Accounts with an order (not cancelled) with ordered_at in the previous period and one in this period / accounts with an order in the previous period (the period just before, of the same kind); missing when the previous period has none.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at", "orders.status" },
  value = function(s)
    local now = s.orders:during("ordered_at"):where{ status = { "~=", "cancelled" } }:per("account")
    local before = s.previous.orders:during("ordered_at"):where{ status = { "~=", "cancelled" } }
      :per("account")
    return ratio(before:intersect(now):count(), before:count())
  end,
}
